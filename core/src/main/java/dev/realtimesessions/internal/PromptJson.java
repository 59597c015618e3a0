package dev.realtimesessions.internal;

import dev.realtimesessions.ValidationException;
import dev.realtimesessions.model.FileInputDetail;
import dev.realtimesessions.model.ImageDetail;
import dev.realtimesessions.model.Prompt;
import dev.realtimesessions.model.PromptCacheBreakpoint;
import dev.realtimesessions.model.PromptVariable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** JSON of a prompt template reference ({@code prompt}) and its variables. */
final class PromptJson {

    private PromptJson() {
    }

    static void writePrompt(JsonOut out, Prompt prompt) {
        out.startObject();
        out.string("id", prompt.id());
        out.string("version", prompt.version());
        out.field("variables", prompt.variables(), (o, variables) -> {
            o.startObject();
            variables.forEach((name, value) -> o.field(name, value, PromptJson::writeVariable));
            o.endObject();
        });
        out.endObject();
    }

    private static void writeVariable(JsonOut out, PromptVariable variable) {
        if (variable instanceof PromptVariable.Text text) {
            out.stringValue(text.value());
            return;
        }
        out.startObject();
        if (variable instanceof PromptVariable.InputText text) {
            out.string("type", text.type());
            out.string("text", text.text());
            out.field("prompt_cache_breakpoint", text.promptCacheBreakpoint(), PromptJson::writeBreakpoint);
        } else if (variable instanceof PromptVariable.InputImage image) {
            out.string("type", image.type());
            out.string("image_url", image.imageUrl());
            out.string("file_id", image.fileId());
            out.string("detail", image.detail());
            out.field("prompt_cache_breakpoint", image.promptCacheBreakpoint(), PromptJson::writeBreakpoint);
        } else if (variable instanceof PromptVariable.InputFile file) {
            out.string("type", file.type());
            out.string("file_id", file.fileId());
            out.string("filename", file.filename());
            out.string("file_data", file.fileData());
            out.string("file_url", file.fileUrl());
            out.string("detail", file.detail());
            out.field("prompt_cache_breakpoint", file.promptCacheBreakpoint(), PromptJson::writeBreakpoint);
        } else if (variable instanceof PromptVariable.Unknown unknown) {
            out.string("type", unknown.type());
            out.anyFields(unknown.fields());
        }
        out.endObject();
    }

    private static void writeBreakpoint(JsonOut out, PromptCacheBreakpoint breakpoint) {
        out.startObject();
        out.string("mode", breakpoint.mode());
        out.endObject();
    }

    /** Reads a prompt reference; one without a string id, or whose fields have other types, is kept whole. */
    static @Nullable Prompt readPrompt(JsonIn in) {
        return in.object(PromptJson::prompt);
    }

    private static @Nullable Prompt prompt(Map<String, Object> fields) {
        Object id = fields.get("id");
        Object version = fields.get("version");
        Object variables = fields.get("variables");
        if (!(id instanceof String) || version != null && !(version instanceof String)
                || variables != null && !(variables instanceof Map<?, ?>) || fields.size() > 3) {
            return null;
        }
        Map<String, PromptVariable> read = null;
        if (variables instanceof Map<?, ?> values) {
            read = new LinkedHashMap<>();
            for (Map.Entry<?, ?> variable : values.entrySet()) {
                Object value = variable.getValue();
                if (value instanceof String text) {
                    read.put((String) variable.getKey(), PromptVariable.text(text));
                } else if (value instanceof Map<?, ?> object) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> objectFields = new LinkedHashMap<>((Map<String, Object>) object);
                    read.put((String) variable.getKey(), variable(objectFields));
                } else {
                    return null; // a null or another type: no variable holds it
                }
            }
        }
        return new Prompt((String) id, (String) version, read);
    }

    /** The input an object describes, or an {@link PromptVariable.Unknown} for a type or shape this library does not know. */
    private static PromptVariable variable(Map<String, Object> fields) {
        Object type = fields.remove("type");
        try {
            PromptVariable known = known(type, fields);
            if (known != null) {
                return known;
            }
        } catch (JsonShapeException | ValidationException e) {
            // a shape this library does not know: kept whole below
        }
        return new PromptVariable.Unknown(type instanceof String t ? t : "", fields);
    }

    private static @Nullable PromptVariable known(@Nullable Object type, Map<String, Object> fields) {
        PromptCacheBreakpoint breakpoint = breakpoint(fields.get("prompt_cache_breakpoint"));
        if ("input_text".equals(type)) {
            String text = PlainJson.string(fields, "text");
            return text == null ? null : new PromptVariable.InputText(text, breakpoint);
        }
        if ("input_image".equals(type)) {
            String detail = PlainJson.string(fields, "detail");
            return detail == null ? null : new PromptVariable.InputImage(PlainJson.string(fields, "image_url"),
                    PlainJson.string(fields, "file_id"), ImageDetail.of(detail), breakpoint);
        }
        if ("input_file".equals(type)) {
            String detail = PlainJson.string(fields, "detail");
            return new PromptVariable.InputFile(PlainJson.string(fields, "file_id"), PlainJson.string(fields, "filename"),
                    PlainJson.string(fields, "file_data"), PlainJson.string(fields, "file_url"),
                    detail == null ? null : FileInputDetail.of(detail), breakpoint);
        }
        return null;
    }

    private static @Nullable PromptCacheBreakpoint breakpoint(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        String mode = PlainJson.string(PlainJson.asObject(value, "prompt_cache_breakpoint"), "mode");
        if (mode == null) {
            throw new JsonShapeException("the prompt_cache_breakpoint has no mode");
        }
        return new PromptCacheBreakpoint(mode);
    }
}
