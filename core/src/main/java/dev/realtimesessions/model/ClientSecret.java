package dev.realtimesessions.model;

import java.time.Instant;

/**
 * A minted client secret ({@code client_secret}): the short-lived token a browser or phone uses to
 * open a Realtime connection in place of the API key.
 *
 * <p>{@link #toString()} never shows the value: log the record freely, and hand {@link #value()}
 * only to the client that opens the session.
 *
 * @param value the secret, {@code ek_...}
 * @param expiresAt when the secret stops being accepted for new sessions
 */
public record ClientSecret(String value, Instant expiresAt) {

    /**
     * Creates a client secret.
     *
     * @param value the secret, {@code ek_...}
     * @param expiresAt when the secret stops being accepted for new sessions
     * @throws dev.realtimesessions.ValidationException if a component is {@code null}
     */
    public ClientSecret {
        Checks.notNull("client_secret.value", value);
        Checks.notNull("client_secret.expires_at", expiresAt);
    }

    /**
     * Whether the secret has expired at the given instant.
     *
     * @param now the instant to judge at, for example {@code Instant.now(clock)}
     * @return {@code true} if {@code now} is at or after {@link #expiresAt()}
     */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * Shows the expiry but not the secret.
     *
     * @return a description with the value redacted
     */
    @Override
    public String toString() {
        return "ClientSecret[value=" + Redaction.mask(value) + ", expiresAt=" + expiresAt + "]";
    }
}
