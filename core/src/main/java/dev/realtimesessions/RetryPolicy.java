package dev.realtimesessions;

import java.time.Duration;

/**
 * How a call retries, the way OpenAI's official SDKs do.
 *
 * <p>Retried: connection failures, attempt timeouts, HTTP 408, 409, 429 and 5xx; a response header
 * {@code x-should-retry: true} or {@code false} overrides the status. Never retried: other 4xx and
 * responses that cannot be decoded. The wait before retry {@code n} (counting from 1) is the
 * server's {@code retry-after-ms}, else its {@code retry-after} (seconds or an HTTP date), when
 * that is above zero and at most {@link #maxRetryAfter()}; otherwise
 * {@code min(initialBackoff * 2^(n-1), maxBackoff)}, shortened by a random fraction of up to
 * {@link #jitter()}. A wait that would end after the call's overall deadline is not waited for:
 * the call fails at once with the last failure.
 *
 * <pre>{@code
 * RetryPolicy.defaults()                       // 2 retries, 0.5 s doubling to 8 s, 25 % jitter
 * RetryPolicy.defaults().withMaxRetries(5)     // same backoff, more patience
 * RetryPolicy.none()                           // fail on the first error
 * }</pre>
 *
 * @param maxRetries retries after the first attempt; 0 disables retrying
 * @param initialBackoff the backoff before the first retry, before jitter
 * @param maxBackoff the longest backoff, before jitter
 * @param jitter the largest fraction (0 to 1) by which a backoff is shortened at random
 * @param maxRetryAfter the longest server-requested wait that is honoured as asked; longer
 *     requests fall back to the computed backoff
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, double jitter,
        Duration maxRetryAfter) {

    private static final RetryPolicy DEFAULTS =
            new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), 0.25, Duration.ofSeconds(60));

    /**
     * Validates the policy.
     *
     * @param maxRetries retries after the first attempt; 0 disables retrying
     * @param initialBackoff the backoff before the first retry, before jitter
     * @param maxBackoff the longest backoff, before jitter
     * @param jitter the largest fraction (0 to 1) by which a backoff is shortened at random
     * @param maxRetryAfter the longest server-requested wait that is honoured as asked; longer requests fall back to the computed backoff
     * @throws ValidationException if a count or duration is negative, a duration is missing, or
     *     the jitter is outside 0..1
     */
    public RetryPolicy {
        if (maxRetries < 0) {
            throw new ValidationException("maxRetries", "must not be negative, but was " + maxRetries);
        }
        Arguments.nonNegative("initialBackoff", initialBackoff);
        Arguments.nonNegative("maxBackoff", maxBackoff);
        Arguments.nonNegative("maxRetryAfter", maxRetryAfter);
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new ValidationException("jitter", "must be between 0 and 1, but was " + jitter);
        }
    }

    /**
     * The SDK-compatible default: 2 retries, backoff from 0.5 s doubling to at most 8 s with up to
     * 25 % jitter, server waits honoured up to 60 s.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * No retries: every call makes exactly one attempt.
     *
     * @return a policy that never retries
     */
    public static RetryPolicy none() {
        return DEFAULTS.withMaxRetries(0);
    }

    /**
     * This policy with another retry count.
     *
     * @param maxRetries retries after the first attempt
     * @return a copy with the new count
     */
    public RetryPolicy withMaxRetries(int maxRetries) {
        return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, jitter, maxRetryAfter);
    }

    /**
     * This policy with another backoff range.
     *
     * @param initialBackoff the backoff before the first retry
     * @param maxBackoff the longest backoff
     * @return a copy with the new backoff
     */
    public RetryPolicy withBackoff(Duration initialBackoff, Duration maxBackoff) {
        return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, jitter, maxRetryAfter);
    }

    /**
     * This policy with another jitter.
     *
     * @param jitter the largest fraction (0 to 1) by which a backoff is shortened
     * @return a copy with the new jitter
     */
    public RetryPolicy withJitter(double jitter) {
        return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, jitter, maxRetryAfter);
    }

    /**
     * This policy with another cap on server-requested waits.
     *
     * @param maxRetryAfter the longest {@code retry-after} honoured as asked
     * @return a copy with the new cap
     */
    public RetryPolicy withMaxRetryAfter(Duration maxRetryAfter) {
        return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, jitter, maxRetryAfter);
    }
}
