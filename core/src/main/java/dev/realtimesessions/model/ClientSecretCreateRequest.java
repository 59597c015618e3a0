package dev.realtimesessions.model;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The body of the GA {@code POST /realtime/client_secrets}: how long the minted secret lives and
 * the session it opens. Both are optional; a {@code null} component is left out of the JSON and
 * the server's default applies (ten minutes; a default realtime session).
 *
 * <pre>{@code
 * ClientSecretCreateRequest request = ClientSecretCreateRequest.builder()
 *     .expiresAfter(Duration.ofMinutes(2))
 *     .session(RealtimeSessionConfig.builder()
 *         .model(RealtimeModel.GPT_REALTIME)
 *         .instructions("You are a friendly assistant.")
 *         .audioOutput(AudioOutputConfig.ofVoice(Voice.MARIN))
 *         .build())
 *     .build();
 * }</pre>
 *
 * @param expiresAfter how long the secret lives, 10 s to 2 h ({@code expires_after})
 * @param session the realtime or transcription session the secret opens ({@code session})
 */
public record ClientSecretCreateRequest(@Nullable ExpiresAfter expiresAfter, @Nullable SessionConfig session) {

    /**
     * A request for a secret that opens the given session, with the default lifetime.
     *
     * @param session a {@link RealtimeSessionConfig} or {@link TranscriptionSessionConfig}
     * @return the request
     * @throws dev.realtimesessions.ValidationException if {@code session} is null
     */
    public static ClientSecretCreateRequest of(SessionConfig session) {
        return builder().session(session).build();
    }

    /**
     * A builder with every field absent.
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

    /** Builds a {@link ClientSecretCreateRequest}; every setter rejects {@code null}. */
    public static final class Builder {
        private @Nullable ExpiresAfter expiresAfter;
        private @Nullable SessionConfig session;

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
         * @param lifetime whole seconds, 10 s to 2 h (the GA default is ten minutes)
         * @return this builder
         * @throws dev.realtimesessions.ValidationException if the lifetime is not a positive whole number of seconds
         */
        public Builder expiresAfter(Duration lifetime) {
            return expiresAfter(ExpiresAfter.of(lifetime));
        }

        /**
         * Sets {@code session}.
         *
         * @param session a {@link RealtimeSessionConfig} or {@link TranscriptionSessionConfig}
         * @return this builder
         */
        public Builder session(SessionConfig session) {
            this.session = Checks.notNull("session", session);
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public ClientSecretCreateRequest build() {
            return new ClientSecretCreateRequest(expiresAfter, session);
        }
    }
}
