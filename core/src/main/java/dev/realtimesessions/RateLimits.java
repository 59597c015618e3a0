package dev.realtimesessions;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The rate-limit state an answer reported for its key: OpenAI's {@code x-ratelimit-limit-requests},
 * {@code x-ratelimit-remaining-requests}, {@code x-ratelimit-reset-requests} and their
 * {@code -tokens} twins. A header the answer did not carry, or carried with a value that could not
 * be parsed, is absent here; a bad value is never an error.
 *
 * <pre>{@code
 * sessions.createWithResponse(request).subscribe(response -> {
 *     RateLimits limits = response.rateLimits();
 *     if (limits.remainingRequests().orElse(Long.MAX_VALUE) < 10) {
 *         log.warn("10 requests left until {}", limits.resetRequests().orElse(Duration.ZERO));
 *     }
 * });
 * }</pre>
 */
public final class RateLimits {

    private static final RateLimits NONE = new RateLimits(null, null, null, null, null, null);

    private final @Nullable Long limitRequests;
    private final @Nullable Long remainingRequests;
    private final @Nullable Duration resetRequests;
    private final @Nullable Long limitTokens;
    private final @Nullable Long remainingTokens;
    private final @Nullable Duration resetTokens;

    /**
     * Creates a rate-limit view; the library builds these from the headers, tests may too.
     *
     * @param limitRequests {@code x-ratelimit-limit-requests}, or null when absent
     * @param remainingRequests {@code x-ratelimit-remaining-requests}, or null when absent
     * @param resetRequests {@code x-ratelimit-reset-requests}, or null when absent
     * @param limitTokens {@code x-ratelimit-limit-tokens}, or null when absent
     * @param remainingTokens {@code x-ratelimit-remaining-tokens}, or null when absent
     * @param resetTokens {@code x-ratelimit-reset-tokens}, or null when absent
     */
    public RateLimits(@Nullable Long limitRequests, @Nullable Long remainingRequests, @Nullable Duration resetRequests,
            @Nullable Long limitTokens, @Nullable Long remainingTokens, @Nullable Duration resetTokens) {
        this.limitRequests = limitRequests;
        this.remainingRequests = remainingRequests;
        this.resetRequests = resetRequests;
        this.limitTokens = limitTokens;
        this.remainingTokens = remainingTokens;
        this.resetTokens = resetTokens;
    }

    /**
     * No rate-limit headers at all.
     *
     * @return the empty view
     */
    public static RateLimits none() {
        return NONE;
    }

    /**
     * Whether the answer carried none of the six headers (or none that could be parsed).
     *
     * @return true when every field is absent
     */
    public boolean isEmpty() {
        return limitRequests == null && remainingRequests == null && resetRequests == null && limitTokens == null
                && remainingTokens == null && resetTokens == null;
    }

    /**
     * The most requests the key may make in the current window ({@code x-ratelimit-limit-requests}).
     *
     * @return the limit, if reported
     */
    public OptionalLong limitRequests() {
        return optional(limitRequests);
    }

    /**
     * The requests left in the current window ({@code x-ratelimit-remaining-requests}).
     *
     * @return the remaining count, if reported
     */
    public OptionalLong remainingRequests() {
        return optional(remainingRequests);
    }

    /**
     * How long until the request limit is fully restored ({@code x-ratelimit-reset-requests}, such as {@code 6m0s}).
     *
     * @return the time to the reset, if reported
     */
    public Optional<Duration> resetRequests() {
        return Optional.ofNullable(resetRequests);
    }

    /**
     * The most tokens the key may use in the current window ({@code x-ratelimit-limit-tokens}).
     *
     * @return the limit, if reported
     */
    public OptionalLong limitTokens() {
        return optional(limitTokens);
    }

    /**
     * The tokens left in the current window ({@code x-ratelimit-remaining-tokens}).
     *
     * @return the remaining count, if reported
     */
    public OptionalLong remainingTokens() {
        return optional(remainingTokens);
    }

    /**
     * How long until the token limit is fully restored ({@code x-ratelimit-reset-tokens}, such as {@code 12ms}).
     *
     * @return the time to the reset, if reported
     */
    public Optional<Duration> resetTokens() {
        return Optional.ofNullable(resetTokens);
    }

    private static OptionalLong optional(@Nullable Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /**
     * Compares all six fields.
     *
     * @param other another object
     * @return whether it is a {@code RateLimits} with the same fields
     */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof RateLimits that && Objects.equals(limitRequests, that.limitRequests)
                && Objects.equals(remainingRequests, that.remainingRequests)
                && Objects.equals(resetRequests, that.resetRequests)
                && Objects.equals(limitTokens, that.limitTokens)
                && Objects.equals(remainingTokens, that.remainingTokens)
                && Objects.equals(resetTokens, that.resetTokens);
    }

    /**
     * Hashes all six fields.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(limitRequests, remainingRequests, resetRequests, limitTokens, remainingTokens, resetTokens);
    }

    /**
     * Describes the present fields.
     *
     * @return a description such as {@code RateLimits{requests=0/500 reset PT1S}}
     */
    @Override
    public String toString() {
        return "RateLimits{requests=" + show(remainingRequests) + "/" + show(limitRequests) + " reset "
                + show(resetRequests) + ", tokens=" + show(remainingTokens) + "/" + show(limitTokens) + " reset "
                + show(resetTokens) + "}";
    }

    private static String show(@Nullable Object value) {
        return value == null ? "-" : value.toString();
    }
}
