package dev.realtimesessions;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 429: too many requests or tokens for the key's rate limit, or the account's quota is used
 * up ({@link #errorCode()} {@code insufficient_quota}, which no wait cures).
 *
 * <p>Retried by the default {@link RetryPolicy}, waiting as long as the server asks when it asks
 * for no more than {@link RetryPolicy#maxRetryAfter()}. When that wait would outlive the call's
 * overall deadline the call fails at once with this exception instead of waiting in vain, and
 * {@link #retryAfter()} tells the caller how long the server asked to wait, so that it can answer
 * its own caller ("busy, try again in 20 s") right away.
 */
public final class RateLimitException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** The wait the server asked for, if any. */
    private final @Nullable Duration retryAfter;

    /** The answer's rate-limit headers. */
    private final transient RateLimits rateLimits;

    /**
     * Creates the error; see {@link ApiException#ApiException(int, String, String, String, String, String)}.
     *
     * @param status the HTTP status (429)
     * @param errorType OpenAI's {@code error.type}
     * @param errorCode OpenAI's {@code error.code}
     * @param param OpenAI's {@code error.param}
     * @param serverMessage OpenAI's {@code error.message}, secrets masked
     * @param requestId the answer's {@code x-request-id}
     * @param retryAfter the wait the server asked for ({@code retry-after-ms} or {@code retry-after})
     */
    public RateLimitException(int status, @Nullable String errorType, @Nullable String errorCode,
            @Nullable String param, @Nullable String serverMessage, @Nullable String requestId,
            @Nullable Duration retryAfter) {
        this(status, errorType, errorCode, param, serverMessage, requestId, retryAfter, RateLimits.none());
    }

    /**
     * Creates the error with the rate limits the answer reported.
     *
     * @param status the HTTP status (429)
     * @param errorType OpenAI's {@code error.type}
     * @param errorCode OpenAI's {@code error.code}
     * @param param OpenAI's {@code error.param}
     * @param serverMessage OpenAI's {@code error.message}, secrets masked
     * @param requestId the answer's {@code x-request-id}
     * @param retryAfter the wait the server asked for ({@code retry-after-ms} or {@code retry-after})
     * @param rateLimits the answer's {@code x-ratelimit-*} headers, {@link RateLimits#none()} when it had none
     */
    public RateLimitException(int status, @Nullable String errorType, @Nullable String errorCode,
            @Nullable String param, @Nullable String serverMessage, @Nullable String requestId,
            @Nullable Duration retryAfter, RateLimits rateLimits) {
        super(status, errorType, errorCode, param, serverMessage, requestId);
        this.retryAfter = retryAfter;
        this.rateLimits = rateLimits == null ? RateLimits.none() : rateLimits;
    }

    /**
     * How long the server asked to wait before trying again, from {@code retry-after-ms} or
     * {@code retry-after} (seconds or an HTTP date).
     *
     * @return the wait, if the server named one
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * The rate-limit state the answer reported ({@code x-ratelimit-*} headers), such as which limit
     * ran out ({@link RateLimits#remainingRequests()} or {@link RateLimits#remainingTokens()} at 0)
     * and when it resets. Empty when the answer had none, or after deserialization.
     *
     * @return the rate limits, never null
     */
    public RateLimits rateLimits() {
        return rateLimits == null ? RateLimits.none() : rateLimits;
    }
}
