package dev.realtimesessions.model;

import dev.realtimesessions.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The documented constants of one {@link OpenEnum} type, and its {@code of} lookup. */
final class KnownValues<T extends OpenEnum> {

    private final String typeName;
    private final Function<String, T> factory;
    private final Map<String, T> known = new LinkedHashMap<>();

    KnownValues(String typeName, Function<String, T> factory) {
        this.typeName = typeName;
        this.factory = factory;
    }

    /** Registers a documented constant; called only from static initializers. */
    T add(String value) {
        T constant = factory.apply(value);
        known.put(value, constant);
        return constant;
    }

    T of(@Nullable String value) {
        if (value == null) {
            throw new ValidationException(typeName, "must not be null");
        }
        T constant = known.get(value);
        return constant != null ? constant : factory.apply(value);
    }

    boolean isKnown(OpenEnum value) {
        return known.containsKey(value.value());
    }

    List<T> values() {
        return Collections.unmodifiableList(new ArrayList<>(known.values()));
    }
}
