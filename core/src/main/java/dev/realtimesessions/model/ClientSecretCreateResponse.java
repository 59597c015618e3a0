package dev.realtimesessions.model;

import java.time.Instant;
import java.util.Map;

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
 * @param session the effective session configuration ({@code session}); an {@link UnknownSessionDetails}
 *     without a type when the answer had none, or none this library could read
 * @param additionalProperties fields of the answer beside these three, as plain JSON values
 */
public record ClientSecretCreateResponse(String value, Instant expiresAt, SessionDetails session,
        Map<String, Object> additionalProperties) {

    /**
     * Creates the answer, copying the map; a {@code null} map is taken as empty.
     *
     * @param value the secret, {@code ek_...} ({@code value})
     * @param expiresAt when the secret stops being accepted for new sessions ({@code expires_at})
     * @param session the effective session configuration ({@code session})
     * @param additionalProperties fields of the answer beside these three, as plain JSON values
     * @throws dev.realtimesessions.ValidationException if the value, expiry or session is {@code null},
     *     or a map value is not JSON
     */
    public ClientSecretCreateResponse {
        Checks.notNull("value", value);
        Checks.notNull("expires_at", expiresAt);
        Checks.notNull("session", session);
        additionalProperties = additionalProperties == null || additionalProperties.isEmpty() ? Map.of()
                : JsonValues.copyObject("additionalProperties", additionalProperties);
    }

    /**
     * An answer with nothing beside the secret, its expiry and the session.
     *
     * @param value the secret, {@code ek_...} ({@code value})
     * @param expiresAt when the secret stops being accepted for new sessions ({@code expires_at})
     * @param session the effective session configuration ({@code session})
     * @throws dev.realtimesessions.ValidationException if a component is {@code null}
     */
    public ClientSecretCreateResponse(String value, Instant expiresAt, SessionDetails session) {
        this(value, expiresAt, session, Map.of());
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
                + ", session=" + session + (additionalProperties.isEmpty() ? "" : ", additionalProperties="
                + additionalProperties) + "]";
    }
}
