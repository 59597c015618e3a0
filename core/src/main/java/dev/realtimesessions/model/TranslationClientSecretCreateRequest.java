package dev.realtimesessions.model;

import dev.realtimesessions.ValidationException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /realtime/translations/client_secrets}: mint a client secret
 * ({@code ek_...}) that opens a Realtime translation session, for a browser or phone to connect
 * with instead of your API key. {@code {"expires_after": {...}, "session": {...}}}.
 *
 * <pre>{@code
 * sessions.createTranslationClientSecret(TranslationClientSecretCreateRequest.builder()
 *         .expiresAfter(Duration.ofMinutes(2))
 *         .session(TranslationSessionConfig.builder()
 *             .model(TranslationModel.GPT_REALTIME_TRANSLATE)
 *             .outputLanguage("es")
 *             .build())
 *         .build())
 *     .map(TranslationClientSecretCreateResponse::value);    // hand this to the browser
 * }</pre>
 *
 * <p>Shape from OpenAI's Python SDK, generated from OpenAI's spec ({@code openai/openai-python}
 * {@code src/openai/resources/realtime/translations/client_secrets.py} at
 * {@code 880dc72d81bbd8df30a66307c415b986e0ad9b22}, and
 * {@code src/openai/types/realtime/translations/client_secret_create_params.py} at
 * {@code 138e3d14c4bff1322e5c96de711e272bebb77cc2}): {@code session} is required,
 * {@code expires_after} optional (10 s to 2 h, ten minutes by default).
 *
 * @param expiresAfter how long the secret lives ({@code expires_after})
 * @param session the translation session the secret opens ({@code session})
 */
public record TranslationClientSecretCreateRequest(@Nullable ExpiresAfter expiresAfter,
        TranslationSessionConfig session) {

    /**
     * Checks the request.
     *
     * @param expiresAfter how long the secret lives ({@code expires_after})
     * @param session the translation session the secret opens ({@code session})
     * @throws ValidationException if {@code session} is null
     */
    public TranslationClientSecretCreateRequest {
        Checks.notNull("session", session);
    }

    /**
     * A request for a secret that opens {@code session}, with the default lifetime.
     *
     * @param session the translation session
     * @return the request
     * @throws ValidationException if {@code session} is null
     */
    public static TranslationClientSecretCreateRequest of(TranslationSessionConfig session) {
        return new TranslationClientSecretCreateRequest(null, session);
    }

    /**
     * A builder with every field absent; {@link Builder#session(TranslationSessionConfig)} is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this request's fields, to derive a variant.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.expiresAfter = expiresAfter;
        builder.session = session;
        return builder;
    }

    /** Builds a {@link TranslationClientSecretCreateRequest}; every setter rejects {@code null}. */
    public static final class Builder {
        private @Nullable ExpiresAfter expiresAfter;
        private @Nullable TranslationSessionConfig session;

        private Builder() {
        }

        /**
         * Sets {@code expires_after}.
         *
         * @param expiresAfter how long the secret lives
         * @return this builder
         */
        public Builder expiresAfter(ExpiresAfter expiresAfter) {
            this.expiresAfter = Checks.notNull("expires_after", expiresAfter);
            return this;
        }

        /**
         * Sets {@code expires_after} to a lifetime counted from the secret's creation.
         *
         * @param lifetime whole seconds, 10 s to 2 h (ten minutes by default)
         * @return this builder
         * @throws ValidationException if the lifetime is not a positive whole number of seconds
         */
        public Builder expiresAfter(Duration lifetime) {
            return expiresAfter(ExpiresAfter.of(lifetime));
        }

        /**
         * Sets {@code session} (required).
         *
         * @param session the translation session the secret opens
         * @return this builder
         */
        public Builder session(TranslationSessionConfig session) {
            this.session = Checks.notNull("session", session);
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if no session was set
         */
        public TranslationClientSecretCreateRequest build() {
            if (session == null) {
                throw new ValidationException("session", "is required: a translation secret opens one"
                        + " TranslationSessionConfig (model and target language)");
            }
            return new TranslationClientSecretCreateRequest(expiresAfter, session);
        }
    }
}
