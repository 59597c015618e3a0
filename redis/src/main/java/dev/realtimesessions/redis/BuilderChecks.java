package dev.realtimesessions.redis;

import dev.realtimesessions.ValidationException;
import java.time.Duration;

/** The checks of the options this module's builders share: one rule and one message per option. */
final class BuilderChecks {

    private BuilderChecks() {
    }

    /** {@code value}, not null; else a {@link ValidationException} naming {@code name}. */
    static <T> T present(T value, String name) {
        if (value == null) {
            throw new ValidationException(name, "must not be null");
        }
        return value;
    }

    /** A key prefix, not blank; else a {@link ValidationException} naming {@code keyPrefix}. */
    static String keyPrefix(String keyPrefix) {
        if (keyPrefix == null || keyPrefix.isBlank()) {
            throw new ValidationException("keyPrefix", "must not be blank, but was " + keyPrefix);
        }
        return keyPrefix;
    }

    /** A wait for Redis of at least a millisecond; else a {@link ValidationException} naming {@code timeout}. */
    static Duration timeout(Duration timeout) {
        if (timeout == null || timeout.compareTo(Duration.ofMillis(1)) < 0) {
            throw new ValidationException("timeout", "must be at least one millisecond, but was " + timeout);
        }
        return timeout;
    }
}
