package dev.realtimesessions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A decoded value with the HTTP answer it came from: status, headers, {@code x-request-id}, and
 * the number of attempts the call took. Returned by the {@code ...WithResponse} methods.
 *
 * <pre>{@code
 * sessions.createWithResponse(request).subscribe(response ->
 *     log.info("minted in {} attempt(s), request id {}", response.attempts(), response.requestId().orElse("-")));
 * }</pre>
 *
 * @param <T> the type of the decoded value
 */
public final class ApiResponse<T> {

    private final int status;
    private final Map<String, List<String>> headers;
    private final @Nullable String requestId;
    private final int attempts;
    private final T value;
    private final RateLimits rateLimits;

    /**
     * Creates a response view; the library builds these, tests may too.
     *
     * @param status the HTTP status
     * @param headers the response headers, with case-insensitive names
     * @param requestId the {@code x-request-id} header, if any
     * @param attempts the attempts the call took, 1 or more
     * @param value the decoded body
     */
    public ApiResponse(int status, Map<String, List<String>> headers, @Nullable String requestId, int attempts, T value) {
        this(status, headers, requestId, attempts, value, RateLimits.none());
    }

    /**
     * Creates a response view with the rate limits the answer reported; the library builds these, tests may too.
     *
     * @param status the HTTP status
     * @param headers the response headers, with case-insensitive names
     * @param requestId the {@code x-request-id} header, if any
     * @param attempts the attempts the call took, 1 or more
     * @param value the decoded body
     * @param rateLimits the answer's {@code x-ratelimit-*} headers, {@link RateLimits#none()} when it had none
     */
    public ApiResponse(int status, Map<String, List<String>> headers, @Nullable String requestId, int attempts, T value,
            RateLimits rateLimits) {
        this.status = status;
        if (rateLimits == null) {
            throw new ValidationException("rateLimits", "must not be null; use RateLimits.none()");
        }
        this.rateLimits = rateLimits;
        if (headers == null || value == null) {
            throw new ValidationException(headers == null ? "headers" : "value", "must not be null");
        }
        this.headers = headers;
        this.requestId = requestId;
        this.attempts = attempts;
        this.value = value;
    }

    /**
     * The HTTP status, 2xx.
     *
     * @return the status code
     */
    public int status() {
        return status;
    }

    /**
     * The response headers; names are case-insensitive.
     *
     * @return an unmodifiable map from header name to its values
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, any case
     * @return its first value, if present
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The {@code x-request-id} header, to quote to OpenAI support.
     *
     * @return the request id, if the answer had one
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * How many attempts the call took: 1 when the first succeeded.
     *
     * @return the attempt count
     */
    public int attempts() {
        return attempts;
    }

    /**
     * The rate-limit state the answer reported for the key ({@code x-ratelimit-*} headers); fields
     * the answer did not carry, or carried unparseable, are absent.
     *
     * @return the rate limits, empty when the answer had none
     */
    public RateLimits rateLimits() {
        return rateLimits;
    }

    /**
     * The decoded body.
     *
     * @return the value
     */
    public T value() {
        return value;
    }

    /**
     * Describes the response; the value's own {@code toString()} redacts its secrets.
     *
     * @return a description that is safe to log
     */
    @Override
    public String toString() {
        return "ApiResponse{status=" + status + ", requestId=" + requestId + ", attempts=" + attempts
                + ", value=" + value + "}";
    }
}
