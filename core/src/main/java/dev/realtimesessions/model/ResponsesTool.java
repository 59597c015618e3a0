package dev.realtimesessions.model;

import dev.realtimesessions.ValidationException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A tool the Responses backend of a GPT-Live session may use while it handles a delegated task
 * ({@code delegation.responses.tools[]}). A function your application runs is a {@link Function};
 * every other tool type the Responses API has ({@code web_search}, {@code file_search},
 * {@code code_interpreter}, {@code shell}, {@code mcp}, ...) is given whole, as its JSON fields, with
 * {@link #of(String, Map)}, so that a tool this library does not model can still be sent.
 *
 * <pre>{@code
 * ResponsesTool.function("lookup_order", "Finds an order by its number",
 *     Map.of("type", "object", "properties", Map.of("number", Map.of("type", "string"))));
 * ResponsesTool.of("web_search", Map.of());
 * }</pre>
 *
 * <p>Source: {@code ResponsesDelegationConfig.tools} and {@code FunctionTool} in
 * {@code openai/openai-node} {@code src/resources/live/live.ts} (GPT-Live is an alpha API).
 */
public sealed interface ResponsesTool permits ResponsesTool.Function, ResponsesTool.Unknown {

    /**
     * The tool's {@code type}, such as {@code "function"} or {@code "web_search"}.
     *
     * @return the wire type
     */
    String type();

    /**
     * A function tool with a description and a JSON Schema of its arguments.
     *
     * @param name the function's name
     * @param description what it does and when to call it
     * @param parameters its arguments as a JSON Schema object
     * @return the tool
     * @throws dev.realtimesessions.ValidationException if {@code name} is blank, or a value is null
     *     or not JSON
     */
    static Function function(String name, String description, Map<String, ?> parameters) {
        return new Function(Checks.notBlank("name", name), Checks.notNull("description", description),
                JsonValues.copyObject("parameters", Checks.notNull("parameters", parameters)), null);
    }

    /**
     * A tool of any other type, given as its JSON fields.
     *
     * @param type the tool's type, such as {@code web_search}
     * @param fields its fields other than {@code type}, as plain JSON values ({@code Map}, {@code List},
     *     {@code String}, {@code Number}, {@code Boolean}, {@code null})
     * @return the tool
     * @throws dev.realtimesessions.ValidationException if {@code type} is blank, or {@code fields} is
     *     null, holds {@code type} or holds something that is not JSON
     */
    static Unknown of(String type, Map<String, ?> fields) {
        Checks.notBlank("type", type);
        if (Checks.notNull("fields", fields).containsKey("type")) {
            throw new ValidationException("fields",
                    "must not hold \"type\": it is given as the first argument");
        }
        return new Unknown(type, JsonValues.copyObject("tool", fields));
    }

    /**
     * A function your application runs when the delegated Responses model calls it:
     * {@code {"type": "function", "name", "description", "parameters", "strict"}}.
     *
     * @param name the name the model calls the function by ({@code name})
     * @param description what the function does and when to call it ({@code description})
     * @param parameters the arguments as a JSON Schema object, as nested {@code Map}s and
     *     {@code List}s ({@code parameters})
     * @param strict whether the model must follow the schema exactly ({@code strict})
     */
    record Function(String name, @Nullable String description, @Nullable Map<String, Object> parameters,
            @Nullable Boolean strict) implements ResponsesTool {

        /**
         * Creates the tool, deep-copying {@code parameters}.
         *
         * @param name the name the model calls the function by ({@code name})
         * @param description what the function does and when to call it ({@code description})
         * @param parameters the arguments as a JSON Schema object ({@code parameters})
         * @param strict whether the model must follow the schema exactly ({@code strict})
         * @throws dev.realtimesessions.ValidationException if {@code name} is null or
         *     {@code parameters} holds something that is not JSON
         */
        public Function {
            Checks.notNull("name", name);
            parameters = JsonValues.copyObjectOrNull("parameters", parameters);
        }

        /**
         * This function with {@code strict} set.
         *
         * @param strict whether the model must follow the parameter schema exactly
         * @return a new tool
         */
        public Function withStrict(boolean strict) {
            return new Function(name, description, parameters, strict);
        }

        /**
         * Always {@code "function"}.
         *
         * @return {@code "function"}
         */
        @Override
        public String type() {
            return "function";
        }
    }

    /**
     * A tool of a type this library does not model, held whole and sent as it is.
     *
     * @param type the tool's {@code type}
     * @param fields every field of the tool object other than {@code type}, as plain JSON values
     */
    record Unknown(String type, Map<String, Object> fields) implements ResponsesTool {

        /**
         * Creates the tool, deep-copying {@code fields}.
         *
         * @param type the tool's {@code type}
         * @param fields every field of the tool object other than {@code type}, as plain JSON values
         * @throws dev.realtimesessions.ValidationException if a component is null or not JSON
         */
        public Unknown {
            Checks.notNull("type", type);
            fields = JsonValues.copyObject("tool", Checks.notNull("tool", fields));
        }
    }
}
