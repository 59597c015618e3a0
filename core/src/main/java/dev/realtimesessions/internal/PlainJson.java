package dev.realtimesessions.internal;

import dev.realtimesessions.model.Tristate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Typed access to JSON already read as plain values ({@link JsonIn#any()}), for objects whose
 * {@code type} decides their shape and may come after their other fields. A value of the wrong
 * type is a {@link JsonShapeException}; an absent or {@code null} field reads as {@code null}.
 */
final class PlainJson {

    private PlainJson() {
    }

    static @Nullable String string(Map<String, Object> object, String name) {
        Object value = object.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw mismatch(name, "a string", value);
    }

    static @Nullable Boolean bool(Map<String, Object> object, String name) {
        Object value = object.get(name);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw mismatch(name, "true or false", value);
    }

    static @Nullable List<String> strings(Map<String, Object> object, String name) {
        Object value = object.get(name);
        return value == null ? null : asStrings(value, name);
    }

    /** Absent when the field is missing, null when it is JSON null, else the value converted. */
    static <T> Tristate<T> tristate(Map<String, Object> object, String name, Function<Object, T> convert) {
        if (!object.containsKey(name)) {
            return Tristate.absent();
        }
        Object value = object.get(name);
        return value == null ? Tristate.ofNull() : Tristate.of(convert.apply(value));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asObject(Object value, String field) {
        if (value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        throw mismatch(field, "an object", value);
    }

    static List<String> asStrings(Object value, String field) {
        if (!(value instanceof List<?> values)) {
            throw mismatch(field, "an array", value);
        }
        List<String> strings = new ArrayList<>(values.size());
        for (Object element : values) {
            if (!(element instanceof String text)) {
                throw mismatch(field + "[]", "a string", element);
            }
            strings.add(text);
        }
        return strings;
    }

    private static JsonShapeException mismatch(String field, String expected, @Nullable Object found) {
        String kind = found == null ? "null" : found instanceof Map<?, ?> ? "an object"
                : found instanceof List<?> ? "an array" : found instanceof String ? "a string"
                : found instanceof Boolean ? "a boolean" : "a number";
        return new JsonShapeException("expected " + expected + " for \"" + field + "\", but found " + kind);
    }
}
