package dev.realtimesessions.webhooks;

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
 * Deep, unmodifiable copies of free-form JSON held as plain Java values: {@code Map} with string
 * keys for objects, {@code List} for arrays, {@code String}, {@code Number}, {@code Boolean} and
 * {@code null}. The events' records keep their unknown fields this way.
 */
final class JsonCopies {

    private JsonCopies() {
    }

    /** A deep copy of {@code object}, or an empty map for {@code null}. */
    static Map<String, Object> object(String field, @Nullable Map<String, ?> object) {
        if (object == null || object.isEmpty()) {
            return Map.of();
        }
        return copyObject(field, object);
    }

    private static Map<String, Object> copyObject(String field, Map<?, ?> object) {
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, object.size() * 2));
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new ValidationException(field, "must have string keys, but has " + entry.getKey());
            }
            copy.put(key, copyValue(field + "." + key, entry.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static @Nullable Object copyValue(String field, @Nullable Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return checkNumber(field, number);
        }
        if (value instanceof Map<?, ?> map) {
            return copyObject(field, map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(copyValue(field + "[" + i + "]", list.get(i)));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new ValidationException(field, "must be a JSON value (Map, List, String, Number, Boolean or null), but is a "
                + value.getClass().getName());
    }

    private static Number checkNumber(String field, Number number) {
        if (number instanceof Double || number instanceof Float) {
            if (!Double.isFinite(number.doubleValue())) {
                throw new ValidationException(field, "must be a finite number, but was " + number);
            }
            return number;
        }
        if (number instanceof Integer || number instanceof Long || number instanceof BigInteger
                || number instanceof BigDecimal || number instanceof Short || number instanceof Byte) {
            return number;
        }
        throw new ValidationException(field, "must be a JSON number, but is a " + number.getClass().getName());
    }
}
