package dev.realtimesessions.model;

import java.time.Instant;
import java.util.Map;

/**
 * The answer of {@code POST /realtime/translations/client_secrets}: the minted client secret, when
 * it expires, and the effective translation session it opens. Hand {@link #value()} to the browser
 * or phone that opens the session; {@link #toString()} never shows it.
 *
 * <p>Read tolerantly, like {@link ClientSecretCreateResponse}: only the secret's {@code value} and
 * {@code expires_at} are needed; a session that is missing or not an object reads as
 * {@link TranslationSessionDetails#empty()}, and fields beside these three are kept in
 * {@link #additionalProperties()}. Shape from OpenAI's Python SDK ({@code openai/openai-python}
 * {@code src/openai/types/realtime/realtime_translation_client_secret_create_response.py} at
 * {@code 05fd8e415e5ac52a754cb11aa8a2c531d83d1a0e}).
 *
 * @param value the secret, {@code ek_...} ({@code value})
 * @param expiresAt when the secret stops being accepted for new sessions ({@code expires_at})
 * @param session the effective translation session ({@code session})
 * @param additionalProperties fields of the answer beside these three, as plain JSON values
 */
public record TranslationClientSecretCreateResponse(String value, Instant expiresAt, TranslationSessionDetails session,
        Map<String, Object> additionalProperties) {

    /**
     * Creates the answer, copying the map; a {@code null} map is taken as empty.
     *
     * @param value the secret, {@code ek_...} ({@code value})
     * @param expiresAt when the secret stops being accepted for new sessions ({@code expires_at})
     * @param session the effective translation session ({@code session})
     * @param additionalProperties fields of the answer beside these three, as plain JSON values
     * @throws dev.realtimesessions.ValidationException if the value, expiry or session is {@code null},
     *     or a map value is not JSON
     */
    public TranslationClientSecretCreateResponse {
        Checks.notNull("value", value);
        Checks.notNull("expires_at", expiresAt);
        Checks.notNull("session", session);
        additionalProperties = additionalProperties == null || additionalProperties.isEmpty() ? Map.of()
                : JsonValues.copyObject("additionalProperties", additionalProperties);
    }

    /**
     * The secret and its expiry as a {@link ClientSecret}.
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
        return "TranslationClientSecretCreateResponse[value=" + Redaction.mask(value) + ", expiresAt=" + expiresAt
                + ", session=" + session + (additionalProperties.isEmpty() ? "" : ", additionalProperties="
                + additionalProperties) + "]";
    }
}
