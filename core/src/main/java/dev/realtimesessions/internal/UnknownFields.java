package dev.realtimesessions.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Collects the fields of a response object that its reader does not model, to keep them on the record. */
final class UnknownFields {

    private @Nullable Map<String, Object> fields;

    /** Reads the current value of field {@code name} as plain JSON values and keeps it. */
    void add(String name, JsonIn in) {
        Map<String, Object> collected = fields;
        if (collected == null) {
            collected = new LinkedHashMap<>();
            fields = collected;
        }
        collected.put(name, in.any());
    }

    /** The fields collected, empty when there were none. */
    Map<String, Object> toMap() {
        Map<String, Object> collected = fields;
        return collected == null ? Map.of() : collected;
    }
}
