package dev.realtimesessions.model;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An unmodifiable JSON object held as plain Java values, whose {@link #toString()} masks anything
 * that looks like a secret ({@code ek_...}, {@code sk-...}, an {@code authorization} field): free-form
 * JSON from the server (unknown fields, unknown tools and sessions) may carry one.
 */
final class JsonObjectMap extends AbstractMap<String, Object> {

    private final Map<String, Object> fields;

    /** Wraps {@code fields}, which the caller hands over and no longer changes. */
    JsonObjectMap(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return fields.entrySet();
    }

    @Override
    public Object get(Object key) {
        return fields.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return fields.containsKey(key);
    }

    @Override
    public int size() {
        return fields.size();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        render(text, null, this);
        return text.toString();
    }

    private static void render(StringBuilder text, String name, Object value) {
        if (value instanceof Map<?, ?> map) {
            text.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    text.append(", ");
                }
                first = false;
                String key = String.valueOf(entry.getKey());
                text.append(key).append('=');
                render(text, key, entry.getValue());
            }
            text.append('}');
        } else if (value instanceof List<?> list) {
            text.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    text.append(", ");
                }
                render(text, name, list.get(i));
            }
            text.append(']');
        } else if (value instanceof String string && looksSecret(name, string)) {
            text.append(Redaction.mask(string));
        } else {
            text.append(value);
        }
    }

    private static boolean looksSecret(String name, String value) {
        return value.startsWith("ek_") || value.startsWith("sk-")
                || name != null && (name.equalsIgnoreCase("authorization") || name.equalsIgnoreCase("api_key"));
    }
}
