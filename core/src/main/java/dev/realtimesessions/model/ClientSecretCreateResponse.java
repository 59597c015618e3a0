package dev.realtimesessions.model;

import java.time.Instant;

/**
 * The answer of the GA {@code POST /realtime/client_secrets}: the minted client secret, when it
 * expires, and the effective session it opens. Hand {@link #value()} (or
 * {@code clientSecret().value()}) to the browser or phone that opens the session;
 * {@link #toString()} never shows it.
 *
 * <pre>{@code
 * sessions.createClientSecret(request)
 *     .map(response -> new TokenForBrowser(response.value(), response.expiresAt()));
 * }</pre>
 *
 * @param value the secret, {@code ek_...} ({@code value})
 * @param expiresAt when the secret stops being accepted for new sessions ({@code expires_at})
 * @param session the effective session configuration ({@code session})
 */
public record ClientSecretCreateResponse(String value, Instant expiresAt, SessionDetails session) {

    /**
     * Creates the answer.
     *
     * @param value the secret, {@code ek_...} ({@code value})
     * @param expiresAt when the secret stops being accepted for new sessions ({@code expires_at})
     * @param session the effective session configuration ({@code session})
     * @throws dev.realtimesessions.ValidationException if a component is {@code null}
     */
    public ClientSecretCreateResponse {
        Checks.notNull("value", value);
        Checks.notNull("expires_at", expiresAt);
        Checks.notNull("session", session);
    }

    /**
     * The secret and its expiry as a {@link ClientSecret}, the type the beta endpoints answer with.
     *
     * @return the client secret
     */
    public ClientSecret clientSecret() {
        return new ClientSecret(value, expiresAt);
    }

    /**
     * Shows the expiry and the session but not the secret.
     *
     * @return a description with the value redacted
     */
    @Override
    public String toString() {
        return "ClientSecretCreateResponse[value=" + Redaction.mask(value) + ", expiresAt=" + expiresAt
                + ", session=" + session + "]";
    }
}
