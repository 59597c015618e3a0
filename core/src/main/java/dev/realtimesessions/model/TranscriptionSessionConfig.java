package dev.realtimesessions.model;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A GA transcription session ({@code {"type": "transcription", ...}}): the client streams audio
 * and receives its transcript; the model does not answer. {@code null} components are left out
 * and the server's defaults apply.
 *
 * <pre>{@code
 * TranscriptionSessionConfig.builder()
 *     .audioInput(AudioInputConfig.builder()
 *         .transcription(AudioTranscription.builder().model(TranscriptionModel.GPT_4O_TRANSCRIBE).language("en").build())
 *         .noiseReduction(NoiseReduction.NEAR_FIELD)
 *         .build())
 *     .include(Include.ITEM_INPUT_AUDIO_TRANSCRIPTION_LOGPROBS)
 *     .build()
 * }</pre>
 *
 * @param audio the input audio ({@code audio})
 * @param include additional data in the server's events ({@code include})
 */
public record TranscriptionSessionConfig(@Nullable TranscriptionAudioConfig audio, @Nullable List<Include> include)
        implements SessionConfig {

    /**
     * Creates the configuration, copying the list.
     *
     * @param audio the input audio ({@code audio})
     * @param include additional data in the server's events ({@code include})
     * @throws dev.realtimesessions.ValidationException naming the JSON field, if {@code include}
     *     holds {@code null} or the input audio breaks a rule of what is sent (a negative duration or
     *     rate, a threshold that is not finite)
     */
    public TranscriptionSessionConfig {
        include = Checks.copyOrNull("session.include", include);
        if (audio != null) {
            RequestRules.audioInput(audio.input());
        }
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
     * Always {@code "transcription"}.
     *
     * @return {@code "transcription"}
     */
    @Override
    public String type() {
        return "transcription";
    }

    /** Builds a {@link TranscriptionSessionConfig}; every setter rejects {@code null}. */
    public static final class Builder {
        private @Nullable TranscriptionAudioConfig audio;
        private @Nullable List<Include> include;

        private Builder() {
        }

        /**
         * Sets {@code audio}.
         *
         * @param audio the session's audio
         * @return this builder
         */
        public Builder audio(TranscriptionAudioConfig audio) {
            this.audio = Checks.notNull("session.audio", audio);
            return this;
        }

        /**
         * Sets {@code audio.input}.
         *
         * @param input the input audio: format, transcription, noise reduction, turn detection
         * @return this builder
         */
        public Builder audioInput(AudioInputConfig input) {
            return audio(new TranscriptionAudioConfig(Checks.notNull("session.audio.input", input)));
        }

        /**
         * Sets {@code include}.
         *
         * @param include additional data in the server's events
         * @return this builder
         */
        public Builder include(Include... include) {
            return include(Arrays.asList(Checks.notNull("session.include", include)));
        }

        /**
         * Sets {@code include}.
         *
         * @param include additional data in the server's events
         * @return this builder
         */
        public Builder include(List<Include> include) {
            this.include = Checks.copyOrNull("session.include", Checks.notNull("session.include", include));
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the transcription session configuration
         */
        public TranscriptionSessionConfig build() {
            return new TranscriptionSessionConfig(audio, include);
        }
    }
}
