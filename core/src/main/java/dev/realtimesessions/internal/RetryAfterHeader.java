package dev.realtimesessions.internal;

import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The wait a response asks for: {@code retry-after-ms} (milliseconds, may have a fraction), else
 * {@code retry-after} (seconds, may have a fraction, or an HTTP date). Unparseable values are
 * ignored, as OpenAI's SDKs do.
 */
final class RetryAfterHeader {

    private RetryAfterHeader() {
    }

    static @Nullable Duration parse(HttpHeaders headers, Instant now) {
        Duration millis = parseNumber(headers.get("retry-after-ms"), 1_000_000L);
        if (millis != null) {
            return millis;
        }
        String retryAfter = headers.get("retry-after");
        if (retryAfter == null) {
            return null;
        }
        Duration seconds = parseNumber(retryAfter, 1_000_000_000L);
        if (seconds != null) {
            return seconds;
        }
        try {
            Instant at = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable Duration parseNumber(@Nullable String value, long nanosPerUnit) {
        if (value == null) {
            return null;
        }
        try {
            double units = Double.parseDouble(value.trim());
            if (!Double.isFinite(units) || units < 0 || units * nanosPerUnit > Long.MAX_VALUE / 2.0) {
                return null;
            }
            return Duration.ofNanos((long) (units * nanosPerUnit));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
