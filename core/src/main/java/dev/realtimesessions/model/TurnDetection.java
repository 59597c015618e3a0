package dev.realtimesessions.model;

import org.jspecify.annotations.Nullable;

/**
 * Turn detection ({@code turn_detection} in the beta shapes, {@code audio.input.turn_detection} in
 * the GA shapes): how the server decides the user has finished speaking. Server VAD listens for
 * silence; semantic VAD also judges whether the words sound finished. To turn detection off, send
 * an explicit {@code null} (for example {@code RealtimeSessionCreateRequest.Builder.disableTurnDetection()}).
 * {@code null} components are absent: the server's defaults apply.
 *
 * <p>Like every record that also holds an answer, the constructor does not check values: a request
 * checks them when it is built (and the builder's setters at once), while an answer keeps what the
 * server said.
 *
 * <pre>{@code
 * TurnDetection.serverVad().silenceDurationMs(700).build()
 * TurnDetection.semanticVad().eagerness(Eagerness.LOW).build()
 * }</pre>
 *
 * @param type {@code server_vad} or {@code semantic_vad} ({@code type})
 * @param threshold server VAD activation threshold, 0.0 to 1.0 ({@code threshold})
 * @param prefixPaddingMs server VAD audio kept before speech starts ({@code prefix_padding_ms})
 * @param silenceDurationMs server VAD silence that ends a turn ({@code silence_duration_ms})
 * @param idleTimeoutMs server VAD (GA): answer on its own after this much idle time ({@code idle_timeout_ms})
 * @param createResponse whether a turn's end starts a response ({@code create_response})
 * @param interruptResponse whether speech interrupts a response in progress ({@code interrupt_response})
 * @param eagerness semantic VAD: how soon to answer ({@code eagerness})
 */
public record TurnDetection(@Nullable TurnDetectionType type, @Nullable Double threshold,
        @Nullable Integer prefixPaddingMs, @Nullable Integer silenceDurationMs, @Nullable Integer idleTimeoutMs,
        @Nullable Boolean createResponse, @Nullable Boolean interruptResponse, @Nullable Eagerness eagerness) {

    /**
     * A builder for server voice activity detection ({@code type: "server_vad"}).
     *
     * @return a new builder
     */
    public static Builder serverVad() {
        return new Builder(TurnDetectionType.SERVER_VAD);
    }

    /**
     * A builder for semantic turn detection ({@code type: "semantic_vad"}).
     *
     * @return a new builder
     */
    public static Builder semanticVad() {
        return new Builder(TurnDetectionType.SEMANTIC_VAD);
    }

    /** Builds a {@link TurnDetection}; every setter rejects {@code null} and negative durations. */
    public static final class Builder {
        private final TurnDetectionType type;
        private @Nullable Double threshold;
        private @Nullable Integer prefixPaddingMs;
        private @Nullable Integer silenceDurationMs;
        private @Nullable Integer idleTimeoutMs;
        private @Nullable Boolean createResponse;
        private @Nullable Boolean interruptResponse;
        private @Nullable Eagerness eagerness;

        private Builder(TurnDetectionType type) {
            this.type = type;
        }

        /**
         * Sets {@code threshold} (server VAD).
         *
         * @param threshold 0.0 to 1.0; higher needs louder audio
         * @return this builder
         */
        public Builder threshold(double threshold) {
            this.threshold = Checks.finite("turn_detection.threshold", threshold);
            return this;
        }

        /**
         * Sets {@code prefix_padding_ms} (server VAD).
         *
         * @param millis audio kept before detected speech
         * @return this builder
         */
        public Builder prefixPaddingMs(int millis) {
            this.prefixPaddingMs = Checks.nonNegative("turn_detection.prefix_padding_ms", millis);
            return this;
        }

        /**
         * Sets {@code silence_duration_ms} (server VAD).
         *
         * @param millis silence that ends a turn
         * @return this builder
         */
        public Builder silenceDurationMs(int millis) {
            this.silenceDurationMs = Checks.nonNegative("turn_detection.silence_duration_ms", millis);
            return this;
        }

        /**
         * Sets {@code idle_timeout_ms} (server VAD, GA).
         *
         * @param millis idle time after which the model prompts the user
         * @return this builder
         */
        public Builder idleTimeoutMs(int millis) {
            this.idleTimeoutMs = Checks.nonNegative("turn_detection.idle_timeout_ms", millis);
            return this;
        }

        /**
         * Sets {@code create_response}.
         *
         * @param createResponse whether the end of a turn starts a response
         * @return this builder
         */
        public Builder createResponse(boolean createResponse) {
            this.createResponse = createResponse;
            return this;
        }

        /**
         * Sets {@code interrupt_response}.
         *
         * @param interruptResponse whether new speech cancels a response in progress
         * @return this builder
         */
        public Builder interruptResponse(boolean interruptResponse) {
            this.interruptResponse = interruptResponse;
            return this;
        }

        /**
         * Sets {@code eagerness} (semantic VAD).
         *
         * @param eagerness how soon to answer
         * @return this builder
         */
        public Builder eagerness(Eagerness eagerness) {
            this.eagerness = Checks.notNull("turn_detection.eagerness", eagerness);
            return this;
        }

        /**
         * Builds the setting.
         *
         * @return the turn detection setting
         */
        public TurnDetection build() {
            return new TurnDetection(type, threshold, prefixPaddingMs, silenceDurationMs, idleTimeoutMs,
                    createResponse, interruptResponse, eagerness);
        }
    }
}
