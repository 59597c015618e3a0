package dev.realtimesessions.internal;

import dev.realtimesessions.RetryPolicy;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for how long to wait before trying again, as pure functions: the call path's wait
 * before a retry, and the client secret pool's pause after failed refills, both double from an
 * initial wait up to a cap.
 */
final class Backoff {

    private Backoff() {
    }

    /**
     * {@code initial * 2^(step-1)}, at most {@code max}: the wait before retry {@code step} (from 1)
     * or after {@code step} failures in a row.
     */
    static Duration exponential(Duration initial, Duration max, int step) {
        long cap = max.toNanos();
        long wait = initial.toNanos();
        for (int i = 1; i < step && wait < cap; i++) {
            wait *= 2;
        }
        return Duration.ofNanos(Math.min(wait, cap));
    }

    /**
     * The wait before retry {@code retry} (from 1) under {@code policy}: the server's wait when it
     * asked for one above zero and at most {@link RetryPolicy#maxRetryAfter()}; otherwise the
     * exponential backoff shortened by {@code random * jitter}.
     *
     * @param serverDelay the wait the failed answer asked for ({@code retry-after-ms} or {@code retry-after}), if any
     * @param random a number from 0 (inclusive) to 1 (exclusive), drawn at random by the caller
     */
    static Duration beforeRetry(RetryPolicy policy, int retry, @Nullable Duration serverDelay, double random) {
        if (serverDelay != null && !serverDelay.isZero() && serverDelay.compareTo(policy.maxRetryAfter()) <= 0) {
            return serverDelay;
        }
        long backoff = exponential(policy.initialBackoff(), policy.maxBackoff(), retry).toNanos();
        return Duration.ofNanos((long) (backoff * (1 - random * policy.jitter())));
    }
}
