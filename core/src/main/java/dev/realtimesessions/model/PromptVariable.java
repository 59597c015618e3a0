package dev.realtimesessions.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A value substituted for a variable of a prompt template ({@code prompt.variables}): plain text,
 * or a text, image or file input. An input of a type this library does not know comes back from
 * the server as {@link Unknown}, with all its fields.
 *
 * <pre>{@code
 * PromptVariable.text("Alice")
 * PromptVariable.imageUrl("https://example.com/menu.png", ImageDetail.AUTO)
 * PromptVariable.fileId("file-abc123")
 * }</pre>
 */
public sealed interface PromptVariable permits PromptVariable.Text, PromptVariable.InputText,
        PromptVariable.InputImage, PromptVariable.InputFile, PromptVariable.Unknown {

    /**
     * Plain text, written as a bare string.
     *
     * @param value the text
     * @return the variable
     */
    static PromptVariable text(String value) {
        return new Text(value);
    }

    /**
     * A text input: {@code {"type": "input_text", "text": ...}}.
     *
     * @param text the text
     * @return the variable
     */
    static PromptVariable inputText(String text) {
        return new InputText(text, null);
    }

    /**
     * An image input from a URL or a base64 data URL.
     *
     * @param url the image's URL
     * @param detail the detail level
     * @return the variable
     */
    static PromptVariable imageUrl(String url, ImageDetail detail) {
        return new InputImage(Checks.notNull("image_url", url), null, detail, null);
    }

    /**
     * An image input from an uploaded file.
     *
     * @param fileId the file's id
     * @param detail the detail level
     * @return the variable
     */
    static PromptVariable imageFile(String fileId, ImageDetail detail) {
        return new InputImage(null, Checks.notNull("file_id", fileId), detail, null);
    }

    /**
     * A file input from an uploaded file.
     *
     * @param fileId the file's id
     * @return the variable
     */
    static PromptVariable fileId(String fileId) {
        return new InputFile(Checks.notNull("file_id", fileId), null, null, null, null, null);
    }

    /**
     * A file input from a URL.
     *
     * @param url the file's URL
     * @return the variable
     */
    static PromptVariable fileUrl(String url) {
        return new InputFile(null, null, null, Checks.notNull("file_url", url), null, null);
    }

    /**
     * A file input given inline.
     *
     * @param filename the file's name
     * @param data the file's content
     * @return the variable
     */
    static PromptVariable fileData(String filename, String data) {
        return new InputFile(null, Checks.notNull("filename", filename), Checks.notNull("file_data", data), null,
                null, null);
    }

    /**
     * Plain text, written as a bare string.
     *
     * @param value the text
     */
    record Text(String value) implements PromptVariable {
        /**
         * Creates the variable.
         *
         * @param value the text
         * @throws dev.realtimesessions.ValidationException if {@code value} is null
         */
        public Text {
            Checks.notNull("prompt.variables", value);
        }
    }

    /**
     * {@code {"type": "input_text", "text": ..., "prompt_cache_breakpoint": ...}}.
     *
     * @param text the text ({@code text})
     * @param promptCacheBreakpoint marks the end of a cacheable prefix ({@code prompt_cache_breakpoint})
     */
    record InputText(String text, @Nullable PromptCacheBreakpoint promptCacheBreakpoint) implements PromptVariable {
        /**
         * Creates the variable.
         *
         * @param text the text ({@code text})
         * @param promptCacheBreakpoint marks the end of a cacheable prefix ({@code prompt_cache_breakpoint})
         * @throws dev.realtimesessions.ValidationException if {@code text} is null
         */
        public InputText {
            Checks.notNull("text", text);
        }

        /**
         * Always {@code "input_text"}.
         *
         * @return {@code "input_text"}
         */
        public String type() {
            return "input_text";
        }
    }

    /**
     * {@code {"type": "input_image", "image_url": ..., "file_id": ..., "detail": ..., "prompt_cache_breakpoint": ...}}.
     *
     * @param imageUrl a URL or base64 data URL of the image ({@code image_url})
     * @param fileId the id of an uploaded image file ({@code file_id})
     * @param detail the detail level ({@code detail})
     * @param promptCacheBreakpoint marks the end of a cacheable prefix ({@code prompt_cache_breakpoint})
     */
    record InputImage(@Nullable String imageUrl, @Nullable String fileId, ImageDetail detail,
            @Nullable PromptCacheBreakpoint promptCacheBreakpoint) implements PromptVariable {
        /**
         * Creates the variable.
         *
         * @param imageUrl a URL or base64 data URL of the image ({@code image_url})
         * @param fileId the id of an uploaded image file ({@code file_id})
         * @param detail the detail level ({@code detail})
         * @param promptCacheBreakpoint marks the end of a cacheable prefix ({@code prompt_cache_breakpoint})
         * @throws dev.realtimesessions.ValidationException if {@code detail} is null
         */
        public InputImage {
            Checks.notNull("detail", detail);
        }

        /**
         * Always {@code "input_image"}.
         *
         * @return {@code "input_image"}
         */
        public String type() {
            return "input_image";
        }
    }

    /**
     * {@code {"type": "input_file", "file_id": ..., "filename": ..., "file_data": ..., "file_url": ..., "detail": ...,
     * "prompt_cache_breakpoint": ...}}.
     *
     * @param fileId the id of an uploaded file ({@code file_id})
     * @param filename the file's name ({@code filename})
     * @param fileData the file's content ({@code file_data})
     * @param fileUrl the file's URL ({@code file_url})
     * @param detail the rendering detail level ({@code detail})
     * @param promptCacheBreakpoint marks the end of a cacheable prefix ({@code prompt_cache_breakpoint})
     */
    record InputFile(@Nullable String fileId, @Nullable String filename, @Nullable String fileData,
            @Nullable String fileUrl, @Nullable FileInputDetail detail,
            @Nullable PromptCacheBreakpoint promptCacheBreakpoint) implements PromptVariable {

        /**
         * Always {@code "input_file"}.
         *
         * @return {@code "input_file"}
         */
        public String type() {
            return "input_file";
        }
    }

    /**
     * An input of a type this library does not model, kept whole so that it round-trips unchanged.
     *
     * @param type the input's {@code type}
     * @param fields every field of the input object other than {@code type}, as plain JSON values
     */
    record Unknown(String type, Map<String, Object> fields) implements PromptVariable {
        /**
         * Creates the variable, deep-copying {@code fields}.
         *
         * @param type the input's {@code type}
         * @param fields every field of the input object other than {@code type}, as plain JSON values
         * @throws dev.realtimesessions.ValidationException if a component is null or not JSON
         */
        public Unknown {
            Checks.notNull("type", type);
            fields = JsonValues.copyObject("prompt.variables", Checks.notNull("prompt.variables", fields));
        }
    }
}
