package dev.realtimesessions.internal;

import dev.realtimesessions.RateLimits;
import io.netty.handler.codec.http.HttpHeaders;
import java.math.BigDecimal;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Reads OpenAI's {@code x-ratelimit-*} headers into {@link RateLimits}. Counts are non-negative
 * integers; resets are Go-style durations ({@code 1s}, {@code 6m0s}, {@code 12ms},
 * {@code 1h2m3.5s}, {@code 0.5s}). A value that does not parse is left out, never an error.
 */
final class RateLimitHeaders {

    /** No real reset is longer; a larger value is taken as garbage rather than overflowing. */
    private static final long MAX_NANOS = Duration.ofDays(365).toNanos();

    private RateLimitHeaders() {
    }

    static RateLimits parse(HttpHeaders headers) {
        Long limitRequests = count(headers.get("x-ratelimit-limit-requests"));
        Long remainingRequests = count(headers.get("x-ratelimit-remaining-requests"));
        Duration resetRequests = duration(headers.get("x-ratelimit-reset-requests"));
        Long limitTokens = count(headers.get("x-ratelimit-limit-tokens"));
        Long remainingTokens = count(headers.get("x-ratelimit-remaining-tokens"));
        Duration resetTokens = duration(headers.get("x-ratelimit-reset-tokens"));
        if (limitRequests == null && remainingRequests == null && resetRequests == null && limitTokens == null
                && remainingTokens == null && resetTokens == null) {
            return RateLimits.none();
        }
        return new RateLimits(limitRequests, remainingRequests, resetRequests, limitTokens, remainingTokens,
                resetTokens);
    }

    static @Nullable Long count(@Nullable String value) {
        long count = countOrNone(value);
        return count < 0 ? null : count;
    }

    /** {@link #count} without boxing, for the rate gate's reading of every answer: -1 when absent or unparseable. */
    static long countOrNone(@Nullable String value) {
        if (value == null) {
            return -1;
        }
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && value.charAt(end - 1) <= ' ') {
            end--;
        }
        if (start == end || end - start > 18) {
            return -1;
        }
        long result = 0;
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }

    /** A Go duration: one or more {@code <decimal><unit>} with units h, m, s, ms, us/µs, ns; or a bare {@code 0}. */
    static @Nullable Duration duration(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String text = value.trim();
        if (text.isEmpty() || text.length() > 64) {
            return null;
        }
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        BigDecimal nanos = BigDecimal.ZERO;
        int i = 0;
        while (i < text.length()) {
            int start = i;
            boolean digits = false;
            boolean dot = false;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits = true;
                } else if (c == '.' && !dot) {
                    dot = true;
                } else {
                    break;
                }
                i++;
            }
            if (!digits) {
                return null;
            }
            BigDecimal number = new BigDecimal(text.substring(start, i));
            int unitStart = i;
            while (i < text.length() && !Character.isDigit(text.charAt(i)) && text.charAt(i) != '.') {
                i++;
            }
            long unit = switch (text.substring(unitStart, i)) {
                case "h" -> 3_600_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "s" -> 1_000_000_000L;
                case "ms" -> 1_000_000L;
                case "us", "\u00b5s", "\u03bcs" -> 1_000L;
                case "ns" -> 1L;
                default -> -1L;
            };
            if (unit < 0) {
                return null;
            }
            nanos = nanos.add(number.multiply(BigDecimal.valueOf(unit)));
            if (nanos.compareTo(BigDecimal.valueOf(MAX_NANOS)) > 0) {
                return null;
            }
        }
        return Duration.ofNanos(nanos.longValue());
    }
}
