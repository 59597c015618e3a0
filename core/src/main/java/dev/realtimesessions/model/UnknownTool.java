package dev.realtimesessions.model;

import java.util.Map;

/**
 * A tool of a type this library does not model, kept whole so that nothing the server sent is lost
 * and a request built from it sends it back unchanged.
 *
 * @param type the tool's {@code type}
 * @param fields every field of the tool object other than {@code type}, as plain JSON values
 */
public record UnknownTool(String type, Map<String, Object> fields) implements Tool {

    /**
     * Creates the tool, deep-copying {@code fields}.
     *
     * @param type the tool's {@code type}
     * @param fields every field of the tool object other than {@code type}, as plain JSON values
     * @throws dev.realtimesessions.ValidationException if a component is null or not JSON
     */
    public UnknownTool {
        Checks.notNull("type", type);
        fields = JsonValues.copyObject("tool", Checks.notNull("tool", fields));
    }
}
