package dev.realtimesessions.model;

import dev.realtimesessions.ValidationException;
import java.time.Duration;

/**
 * How long a minted client secret lives ({@code expires_after}): {@code seconds} after its
 * creation ({@code anchor: "created_at"}, the only anchor the API has). The API accepts 10 to 7200
 * seconds; the beta endpoints default to one minute, the GA endpoint to ten minutes.
 *
 * @param anchor the point the lifetime counts from; always {@code "created_at"} today
 * @param seconds the lifetime in seconds
 */
public record ExpiresAfter(String anchor, long seconds) {

    /** The only anchor the API defines: the secret's creation time. */
    public static final String CREATED_AT = "created_at";

    /**
     * Validates the structure; the range 10..7200 is the server's to enforce.
     *
     * @param anchor the point the lifetime counts from; always {@code "created_at"} today
     * @param seconds the lifetime in seconds
     * @throws ValidationException if the anchor is blank or the seconds are not positive
     */
    public ExpiresAfter {
        Checks.notBlank("expires_after.anchor", anchor);
        if (seconds <= 0) {
            throw new ValidationException("expires_after.seconds", "must be positive, but was " + seconds);
        }
    }

    /**
     * A lifetime counted from the secret's creation.
     *
     * @param lifetime the lifetime, in whole seconds (10 s to 2 h for the API)
     * @return the expiry setting
     * @throws ValidationException if the lifetime is null, not positive, or has a fraction of a second
     */
    public static ExpiresAfter of(Duration lifetime) {
        Checks.notNull("expires_after", lifetime);
        if (lifetime.getNano() != 0) {
            throw new ValidationException("expires_after.seconds", "must be whole seconds, but was " + lifetime);
        }
        return new ExpiresAfter(CREATED_AT, lifetime.getSeconds());
    }

    /**
     * A lifetime in seconds counted from the secret's creation.
     *
     * @param seconds the lifetime (10 to 7200 for the API)
     * @return the expiry setting
     */
    public static ExpiresAfter seconds(long seconds) {
        return new ExpiresAfter(CREATED_AT, seconds);
    }

    /**
     * The lifetime as a duration.
     *
     * @return {@link #seconds()} as a {@link Duration}
     */
    public Duration lifetime() {
        return Duration.ofSeconds(seconds);
    }
}
