package dev.realtimesessions;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Checks on the durations callers configure. */
final class Durations {

    private Durations() {
    }

    static Duration requireNonNegative(String field, @Nullable Duration value) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
        if (value.isNegative()) {
            throw new ValidationException(field, "must not be negative, but was " + value);
        }
        return value;
    }

    static Duration requirePositive(String field, @Nullable Duration value) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
        if (value.isNegative() || value.isZero()) {
            throw new ValidationException(field, "must be positive, but was " + value);
        }
        return value;
    }
}
