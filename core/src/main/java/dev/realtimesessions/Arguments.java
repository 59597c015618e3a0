package dev.realtimesessions;

import dev.realtimesessions.internal.ApiKeys;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The checks on what callers configure (builders, options, the retry policy): each throws a
 * {@link ValidationException} naming the option, never a {@code NullPointerException}.
 */
final class Arguments {

    static final String ORGANIZATION = "OpenAI-Organization";
    static final String PROJECT = "OpenAI-Project";

    /** Headers the library sets itself; a caller setting one is a mistake worth a clear error. */
    private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "content-type", "content-length", "host",
            "transfer-encoding", "openai-beta");

    private Arguments() {
    }

    static <T> T notNull(String field, @Nullable T value) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
        return value;
    }

    /** As {@link #notNull(String, Object)}, with what to do instead added to the message. */
    static <T> T notNull(String field, @Nullable T value, String instead) {
        if (value == null) {
            throw new ValidationException(field, "must not be null; " + instead);
        }
        return value;
    }

    static int positive(String field, int value) {
        if (value <= 0) {
            throw new ValidationException(field, "must be positive, but was " + value);
        }
        return value;
    }

    static Duration positive(String field, @Nullable Duration value) {
        if (notNull(field, value).isNegative() || value.isZero()) {
            throw new ValidationException(field, "must be positive, but was " + value);
        }
        return value;
    }

    static Duration nonNegative(String field, @Nullable Duration value) {
        if (notNull(field, value).isNegative()) {
            throw new ValidationException(field, "must not be negative, but was " + value);
        }
        return value;
    }

    static String apiKey(@Nullable String apiKey) {
        return ApiKeys.check(apiKey);
    }

    /** A header a caller adds: a valid name the library does not own, and a value that cannot split the request. */
    static void header(@Nullable String name, @Nullable String value) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("header name", "must not be " + (name == null ? "null" : "blank"));
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                throw new ValidationException("header name", "\"" + name + "\" is not a valid HTTP header name");
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (RESERVED_HEADERS.contains(lower)) {
            throw new ValidationException("header " + name, lower.equals("authorization")
                    ? "is set by the library from apiKey(...); do not set it as a header"
                    : lower.equals("openai-beta")
                    ? "is never sent: the GA API rejects beta shapes; use the endpoint's own method instead"
                    : "is set by the library");
        }
        if (value == null) {
            throw new ValidationException("header " + name, "must not have a null value");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new ValidationException("header " + name, "must not contain CR, LF or NUL characters");
            }
        }
    }
}
