package dev.realtimesessions.model;

import org.jspecify.annotations.Nullable;

/**
 * The input side of a GA session's audio ({@code audio.input}): the format the client sends, and
 * transcription, noise reduction and turn detection of it. A {@code null} format or an absent
 * {@link Tristate} is left out of the JSON and the server's default applies; an explicit
 * {@code null} turns the feature off.
 *
 * <pre>{@code
 * AudioInputConfig.builder()
 *     .format(RealtimeAudioFormat.PCM_24KHZ)
 *     .transcription(AudioTranscription.of(TranscriptionModel.GPT_4O_TRANSCRIBE))
 *     .noiseReduction(NoiseReduction.NEAR_FIELD)
 *     .turnDetection(TurnDetection.semanticVad().eagerness(Eagerness.LOW).build())
 *     .build()
 * }</pre>
 *
 * @param format the input audio format ({@code format})
 * @param transcription input transcription, null to turn it off ({@code transcription})
 * @param noiseReduction noise reduction, null to turn it off ({@code noise_reduction})
 * @param turnDetection turn detection, null to turn it off ({@code turn_detection})
 */
public record AudioInputConfig(@Nullable RealtimeAudioFormat format, Tristate<AudioTranscription> transcription,
        Tristate<NoiseReduction> noiseReduction, Tristate<TurnDetection> turnDetection) {

    /**
     * Creates the setting; a {@code null} {@link Tristate} is taken as absent.
     *
     * @param format the input audio format ({@code format})
     * @param transcription input transcription, null to turn it off ({@code transcription})
     * @param noiseReduction noise reduction, null to turn it off ({@code noise_reduction})
     * @param turnDetection turn detection, null to turn it off ({@code turn_detection})
     */
    public AudioInputConfig {
        transcription = Checks.orAbsent(transcription);
        noiseReduction = Checks.orAbsent(noiseReduction);
        turnDetection = Checks.orAbsent(turnDetection);
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
     * Builds an {@link AudioInputConfig}. Setters reject {@code null}; to send an explicit JSON
     * {@code null} use the {@code disable...} methods.
     */
    public static final class Builder {
        private @Nullable RealtimeAudioFormat format;
        private Tristate<AudioTranscription> transcription = Tristate.absent();
        private Tristate<NoiseReduction> noiseReduction = Tristate.absent();
        private Tristate<TurnDetection> turnDetection = Tristate.absent();

        private Builder() {
        }

        /**
         * Sets {@code format}.
         *
         * @param format the format the client sends audio in
         * @return this builder
         */
        public Builder format(RealtimeAudioFormat format) {
            this.format = RequestRules.format(Checks.notNull("audio.input.format", format));
            return this;
        }

        /**
         * Sets {@code transcription}.
         *
         * @param transcription how to transcribe the input
         * @return this builder
         */
        public Builder transcription(AudioTranscription transcription) {
            this.transcription = Tristate.of(Checks.notNull("audio.input.transcription", transcription));
            return this;
        }

        /**
         * Sends {@code "transcription": null}: no input transcription.
         *
         * @return this builder
         */
        public Builder disableTranscription() {
            this.transcription = Tristate.ofNull();
            return this;
        }

        /**
         * Sets {@code noise_reduction}.
         *
         * @param noiseReduction {@link NoiseReduction#NEAR_FIELD} or {@link NoiseReduction#FAR_FIELD}
         * @return this builder
         */
        public Builder noiseReduction(NoiseReduction noiseReduction) {
            this.noiseReduction = Tristate.of(Checks.notNull("audio.input.noise_reduction", noiseReduction));
            return this;
        }

        /**
         * Sends {@code "noise_reduction": null}: no noise reduction.
         *
         * @return this builder
         */
        public Builder disableNoiseReduction() {
            this.noiseReduction = Tristate.ofNull();
            return this;
        }

        /**
         * Sets {@code turn_detection}.
         *
         * @param turnDetection server or semantic voice activity detection
         * @return this builder
         */
        public Builder turnDetection(TurnDetection turnDetection) {
            this.turnDetection = Tristate.of(RequestRules.turnDetection(Checks.notNull("audio.input.turn_detection", turnDetection)));
            return this;
        }

        /**
         * Sends {@code "turn_detection": null}: no voice activity detection; the client commits the
         * audio buffer and asks for responses itself.
         *
         * @return this builder
         */
        public Builder disableTurnDetection() {
            this.turnDetection = Tristate.ofNull();
            return this;
        }

        /**
         * Builds the setting.
         *
         * @return the input audio setting
         */
        public AudioInputConfig build() {
            return new AudioInputConfig(format, transcription, noiseReduction, turnDetection);
        }
    }
}
