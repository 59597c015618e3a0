package dev.realtimesessions.adapter;

import dev.realtimesessions.ValidationException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Argument checks that throw the core's {@link ValidationException} instead of a raw {@code NullPointerException}. */
final class Arguments {

    private Arguments() {
    }

    static <T> T notNull(String name, @Nullable T value) {
        if (value == null) {
            throw new ValidationException(name, "must not be null");
        }
        return value;
    }

    static Duration positive(String name, @Nullable Duration value) {
        notNull(name, value);
        if (value.isNegative() || value.isZero()) {
            throw new ValidationException(name, "must be positive, but was " + value);
        }
        return value;
    }
}
