package dev.realtimesessions.model;

import dev.realtimesessions.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Deep, unmodifiable copies of free-form JSON held as plain Java values: {@code Map<String, ?>}
 * for objects, {@code List<?>} for arrays, {@code String}, {@code Number}, {@code Boolean} and
 * {@code null}. Used for a function's JSON Schema, tracing metadata and unknown fields. Objects
 * come back as {@link JsonObjectMap}, whose {@code toString()} masks secrets.
 */
final class JsonValues {

    /** The empty object: shared, since an answer without unknown fields is the common case. */
    private static final Map<String, Object> EMPTY_OBJECT = new JsonObjectMap(Map.of());

    private JsonValues() {
    }

    /** A deep copy of a JSON object, or null for null. */
    static @Nullable Map<String, Object> copyObjectOrNull(String field, @Nullable Map<String, ?> object) {
        return object == null ? null : copyObject(field, object);
    }

    static Map<String, Object> copyObject(String field, Map<String, ?> object) {
        if (object.isEmpty()) {
            return EMPTY_OBJECT;
        }
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, object.size() * 2));
        for (Map.Entry<String, ?> entry : object.entrySet()) {
            if (entry.getKey() == null) {
                throw new ValidationException(field, "must not have a null key");
            }
            copy.put(entry.getKey(), copyValue(field, entry.getKey(), entry.getValue()));
        }
        return new JsonObjectMap(copy);
    }

    /**
     * Copies the member {@code name} (a key, or an {@link Integer} index) of the object or array at
     * {@code parent}. Its path is built only for an error or a nested object or array, not for
     * every value.
     */
    private static @Nullable Object copyValue(String parent, Object name, @Nullable Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            if (!(number instanceof Integer || number instanceof Long || number instanceof Double
                    || number instanceof Float || number instanceof BigDecimal || number instanceof BigInteger
                    || number instanceof Short || number instanceof Byte)) {
                throw new ValidationException(path(parent, name),
                        "must be a JSON value, but is a " + number.getClass().getName());
            }
            if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
                throw new ValidationException(path(parent, name), "must be a finite number, but was " + number);
            }
            return number;
        }
        String field = path(parent, name);
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new ValidationException(field, "must have string keys, but has " + entry.getKey());
                }
                copy.put(key, copyValue(field, key, entry.getValue()));
            }
            return new JsonObjectMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(copyValue(field, i, list.get(i)));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new ValidationException(field, "must be a JSON value (Map, List, String, Number, Boolean or null), but is a "
                + value.getClass().getName());
    }

    /** The path of an object's member, {@code parent.key}, or of an array's element, {@code parent[index]}. */
    private static String path(String parent, Object name) {
        return name instanceof Integer index ? parent + "[" + index + "]" : parent + "." + name;
    }
}
