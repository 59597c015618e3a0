package dev.realtimesessions.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A function the model may call ({@code {"type": "function", ...}}); the client that holds the
 * session runs it and returns the result.
 *
 * <pre>{@code
 * FunctionTool.of("get_weather", "Current weather for a city",
 *     Map.of("type", "object",
 *            "properties", Map.of("city", Map.of("type", "string")),
 *            "required", List.of("city")))
 * }</pre>
 *
 * @param name the function's name ({@code name})
 * @param description when and how to call it, and what to tell the user ({@code description})
 * @param parameters the arguments as a JSON Schema object, held as nested {@code Map}s and
 *     {@code List}s ({@code parameters})
 */
public record FunctionTool(String name, @Nullable String description, @Nullable Map<String, Object> parameters)
        implements Tool {

    /**
     * Creates the tool, deep-copying {@code parameters}.
     *
     * @param name the function's name ({@code name})
     * @param description when and how to call it, and what to tell the user ({@code description})
     * @param parameters the arguments as a JSON Schema object, held as nested {@code Map}s and {@code List}s ({@code parameters})
     * @throws dev.realtimesessions.ValidationException if {@code name} is null or {@code parameters}
     *     holds something that is not JSON
     */
    public FunctionTool {
        Checks.notNull("name", name);
        parameters = JsonValues.copyObjectOrNull("parameters", parameters);
    }

    /**
     * A function tool.
     *
     * @param name the function's name, not blank
     * @param description when and how to call it
     * @param parameters its JSON Schema
     * @return the tool
     * @throws dev.realtimesessions.ValidationException if {@code name} is blank
     */
    public static FunctionTool of(String name, String description, Map<String, ?> parameters) {
        return new FunctionTool(Checks.notBlank("name", name), Checks.notNull("description", description),
                JsonValues.copyObject("parameters", Checks.notNull("parameters", parameters)));
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
