package dev.realtimesessions.model;

import dev.realtimesessions.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Structural checks for builders, each naming the JSON field at fault. */
final class Checks {

    /** The copy of every empty list: unmodifiable like the others, and shared, since nothing can change it. */
    private static final List<Object> EMPTY_LIST = Collections.unmodifiableList(new ArrayList<>(0));

    private Checks() {
    }

    static <T> T notNull(String field, @Nullable T value) {
        if (value == null) {
            throw new ValidationException(field, "must not be null; leave it unset to use the server's default");
        }
        return value;
    }

    static String notBlank(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "must not be " + (value == null ? "null" : "blank"));
        }
        return value;
    }

    static int nonNegative(String field, int value) {
        if (value < 0) {
            throw new ValidationException(field, "must not be negative, but was " + value);
        }
        return value;
    }

    static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new ValidationException(field, "must be a finite number, but was " + value);
        }
        return value;
    }

    /** The tri-state field, or absent for a {@code null} one (records accept null as absent). */
    static <T> Tristate<T> orAbsent(@Nullable Tristate<T> value) {
        return value == null ? Tristate.absent() : value;
    }

    /** An unmodifiable copy of {@code values}, rejecting null elements, or null for a null list. */
    static <T> @Nullable List<T> copyOrNull(String field, @Nullable List<? extends T> values) {
        if (values == null) {
            return null;
        }
        if (values.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<T> empty = (List<T>) EMPTY_LIST;
            return empty;
        }
        List<T> copy = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            T value = values.get(i);
            if (value == null) {
                notNull(field + "[" + i + "]", null); // throws; the element's name is built only then
            }
            copy.add(value);
        }
        return Collections.unmodifiableList(copy);
    }
}
