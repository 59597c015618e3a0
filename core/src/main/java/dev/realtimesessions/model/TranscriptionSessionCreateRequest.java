package dev.realtimesessions.model;

import dev.realtimesessions.ValidationException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of the beta {@code POST /realtime/transcription_sessions}: the configuration of the
 * speech-to-text-only session the minted client secret opens. Every field is optional; a
 * {@code null} component (or an absent {@link Tristate}) is left out of the JSON and the server's
 * default applies, so {@code TranscriptionSessionCreateRequest.builder().build()} sends {@code {}}.
 *
 * <pre>{@code
 * TranscriptionSessionCreateRequest request = TranscriptionSessionCreateRequest.builder()
 *     .inputAudioFormat(AudioFormat.PCM16)
 *     .inputAudioTranscription(AudioTranscription.builder()
 *         .model(TranscriptionModel.GPT_4O_TRANSCRIBE)
 *         .language("en")
 *         .build())
 *     .turnDetection(TurnDetection.serverVad().silenceDurationMs(500).build())
 *     .inputAudioNoiseReduction(NoiseReduction.NEAR_FIELD)
 *     .include(Include.ITEM_INPUT_AUDIO_TRANSCRIPTION_LOGPROBS)
 *     .clientSecretExpiresAfter(Duration.ofMinutes(5))
 *     .build();
 * }</pre>
 *
 * <p>OpenAI has deprecated the beta interface in favour of {@code POST /realtime/client_secrets}.
 *
 * @param modalities what the session may answer with ({@code modalities})
 * @param inputAudioFormat the input audio encoding ({@code input_audio_format})
 * @param inputAudioTranscription input transcription, or null to turn it off ({@code input_audio_transcription})
 * @param turnDetection turn detection, or null to turn it off ({@code turn_detection})
 * @param inputAudioNoiseReduction noise reduction, or null to turn it off ({@code input_audio_noise_reduction})
 * @param include extra items for the server events ({@code include})
 * @param clientSecretExpiresAfter how long the minted secret lives, sent as
 *     {@code client_secret.expires_at}: the {@code {anchor, seconds}} object that
 *     {@code /realtime/sessions} calls {@code expires_after}; this endpoint's schema of mid-2025 and
 *     OpenAI's SDKs generated from it name it {@code expires_at} (the 2025-04 and 2026-08 schemas
 *     leave it out)
 */
public record TranscriptionSessionCreateRequest(
        @Nullable List<Modality> modalities,
        @Nullable AudioFormat inputAudioFormat,
        Tristate<AudioTranscription> inputAudioTranscription,
        Tristate<TurnDetection> turnDetection,
        Tristate<NoiseReduction> inputAudioNoiseReduction,
        @Nullable List<Include> include,
        @Nullable ExpiresAfter clientSecretExpiresAfter) {

    /**
     * Validates the structure of the request, copying the lists; a {@code null} {@link Tristate}
     * is taken as absent.
     *
     * @param modalities what the session may answer with ({@code modalities})
     * @param inputAudioFormat the input audio encoding ({@code input_audio_format})
     * @param inputAudioTranscription input transcription, or null to turn it off ({@code input_audio_transcription})
     * @param turnDetection turn detection, or null to turn it off ({@code turn_detection})
     * @param inputAudioNoiseReduction noise reduction, or null to turn it off ({@code input_audio_noise_reduction})
     * @param include extra items for the server events ({@code include})
     * @param clientSecretExpiresAfter how long the minted secret lives, sent as {@code client_secret.expires_at}: the {@code {anchor, seconds}} object that {@code /realtime/sessions} calls {@code expires_after}; this endpoint's schema of mid-2025 and OpenAI's SDKs generated from it name it {@code expires_at} (the 2025-04 and 2026-08 schemas leave it out)
     * @throws ValidationException naming the JSON field, if a list holds {@code null} or a turn
     *     detection duration is negative
     */
    public TranscriptionSessionCreateRequest {
        modalities = Checks.copyOrNull("modalities", modalities);
        include = Checks.copyOrNull("include", include);
        inputAudioTranscription = Checks.orAbsent(inputAudioTranscription);
        turnDetection = Checks.orAbsent(turnDetection);
        RequestRules.turnDetection(turnDetection.toOptional().orElse(null));
        inputAudioNoiseReduction = Checks.orAbsent(inputAudioNoiseReduction);
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
     * A builder holding this request's fields, to derive a variant (per-user language, say).
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.modalities = modalities;
        builder.inputAudioFormat = inputAudioFormat;
        builder.inputAudioTranscription = inputAudioTranscription;
        builder.turnDetection = turnDetection;
        builder.inputAudioNoiseReduction = inputAudioNoiseReduction;
        builder.include = include;
        builder.clientSecretExpiresAfter = clientSecretExpiresAfter;
        return builder;
    }

    /**
     * Builds a {@link TranscriptionSessionCreateRequest}. Setters reject {@code null}; to send an
     * explicit JSON {@code null} use the {@code disable...} methods.
     */
    public static final class Builder {
        private @Nullable List<Modality> modalities;
        private @Nullable AudioFormat inputAudioFormat;
        private Tristate<AudioTranscription> inputAudioTranscription = Tristate.absent();
        private Tristate<TurnDetection> turnDetection = Tristate.absent();
        private Tristate<NoiseReduction> inputAudioNoiseReduction = Tristate.absent();
        private @Nullable List<Include> include;
        private @Nullable ExpiresAfter clientSecretExpiresAfter;

        private Builder() {
        }

        /**
         * Sets {@code modalities}.
         *
         * @param modalities what the session may answer with
         * @return this builder
         */
        public Builder modalities(Modality... modalities) {
            return modalities(Arrays.asList(Checks.notNull("modalities", modalities)));
        }

        /**
         * Sets {@code modalities}.
         *
         * @param modalities what the session may answer with
         * @return this builder
         */
        public Builder modalities(List<Modality> modalities) {
            this.modalities = Checks.copyOrNull("modalities", Checks.notNull("modalities", modalities));
            return this;
        }

        /**
         * Sets {@code input_audio_format}.
         *
         * @param format the input encoding
         * @return this builder
         */
        public Builder inputAudioFormat(AudioFormat format) {
            this.inputAudioFormat = Checks.notNull("input_audio_format", format);
            return this;
        }

        /**
         * Sets {@code input_audio_transcription}: the transcription model and its hints.
         *
         * @param transcription the transcription setting
         * @return this builder
         */
        public Builder inputAudioTranscription(AudioTranscription transcription) {
            this.inputAudioTranscription = Tristate.of(Checks.notNull("input_audio_transcription", transcription));
            return this;
        }

        /**
         * Sends {@code "input_audio_transcription": null}: no input transcription.
         *
         * @return this builder
         */
        public Builder disableInputAudioTranscription() {
            this.inputAudioTranscription = Tristate.ofNull();
            return this;
        }

        /**
         * Sets {@code turn_detection}.
         *
         * @param turnDetection server or semantic VAD
         * @return this builder
         */
        public Builder turnDetection(TurnDetection turnDetection) {
            this.turnDetection = Tristate.of(RequestRules.turnDetection(Checks.notNull("turn_detection", turnDetection)));
            return this;
        }

        /**
         * Sends {@code "turn_detection": null}: no voice activity detection; the client commits
         * the audio buffer itself.
         *
         * @return this builder
         */
        public Builder disableTurnDetection() {
            this.turnDetection = Tristate.ofNull();
            return this;
        }

        /**
         * Sets {@code input_audio_noise_reduction}.
         *
         * @param noiseReduction the noise reduction setting
         * @return this builder
         */
        public Builder inputAudioNoiseReduction(NoiseReduction noiseReduction) {
            this.inputAudioNoiseReduction = Tristate.of(Checks.notNull("input_audio_noise_reduction", noiseReduction));
            return this;
        }

        /**
         * Sends {@code "input_audio_noise_reduction": null}: no noise reduction.
         *
         * @return this builder
         */
        public Builder disableInputAudioNoiseReduction() {
            this.inputAudioNoiseReduction = Tristate.ofNull();
            return this;
        }

        /**
         * Sets {@code include}.
         *
         * @param include extra items for the server events
         * @return this builder
         */
        public Builder include(Include... include) {
            return include(Arrays.asList(Checks.notNull("include", include)));
        }

        /**
         * Sets {@code include}.
         *
         * @param include extra items for the server events
         * @return this builder
         */
        public Builder include(List<Include> include) {
            this.include = Checks.copyOrNull("include", Checks.notNull("include", include));
            return this;
        }

        /**
         * Sets how long the minted secret lives, sent as {@code client_secret.expires_at}.
         *
         * @param lifetime whole seconds, 10 s to 2 h; unset, the server's default applies (one minute
         *     says the 2025-04 schema, ten minutes the 2026-08 one)
         * @return this builder
         * @throws ValidationException if the lifetime is null, not positive, or has a fraction of
         *     a second
         */
        public Builder clientSecretExpiresAfter(Duration lifetime) {
            Checks.notNull("client_secret.expires_at", lifetime);
            if (lifetime.getNano() != 0 || lifetime.isNegative() || lifetime.isZero()) {
                throw new ValidationException("client_secret.expires_at.seconds",
                        "must be a positive whole number of seconds, but was " + lifetime);
            }
            return clientSecretExpiresAfter(ExpiresAfter.seconds(lifetime.getSeconds()));
        }

        /**
         * Sets how long the minted secret lives, sent as {@code client_secret.expires_at}.
         *
         * @param expiresAfter the anchor and seconds
         * @return this builder
         */
        public Builder clientSecretExpiresAfter(ExpiresAfter expiresAfter) {
            this.clientSecretExpiresAfter = Checks.notNull("client_secret.expires_at", expiresAfter);
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public TranscriptionSessionCreateRequest build() {
            return new TranscriptionSessionCreateRequest(modalities, inputAudioFormat, inputAudioTranscription,
                    turnDetection, inputAudioNoiseReduction, include, clientSecretExpiresAfter);
        }
    }
}
