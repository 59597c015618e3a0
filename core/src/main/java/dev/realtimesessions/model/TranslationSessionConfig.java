package dev.realtimesessions.model;

import dev.realtimesessions.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A Realtime translation session ({@code session} of {@code POST /realtime/translations/client_secrets}):
 * source audio streams in, translated speech and transcript deltas stream out. A translation
 * session has no instructions, tools, voice or turns; it is configured by its model, the target
 * language and two input options.
 *
 * <pre>{@code
 * TranslationSessionConfig session = TranslationSessionConfig.builder()
 *     .model(TranslationModel.GPT_REALTIME_TRANSLATE)
 *     .outputLanguage("es")
 *     .inputTranscription(TranscriptionModel.of("gpt-realtime-whisper")) // source-language transcript too
 *     .build();
 * }</pre>
 *
 * <p>Only {@code model} is required; absent fields are left out and the server's default applies.
 * Shape from OpenAI's Python SDK, generated from OpenAI's spec ({@code openai/openai-python}
 * {@code src/openai/types/realtime/realtime_translation_session_create_request_param.py} at
 * {@code 41803ad6e2c4e973c152401f729c67b6e259edbd}): {@code {model, audio: {input: {noise_reduction,
 * transcription}, output: {language}}}}.
 *
 * @param model the translation model ({@code model})
 * @param inputNoiseReduction noise reduction of the source audio, or null to turn it off
 *     ({@code audio.input.noise_reduction})
 * @param inputTranscription the model of a source-language transcript, written as
 *     {@code {"model": ...}}, or null to turn it off ({@code audio.input.transcription}); with one the
 *     server also sends {@code session.input_transcript.delta} events
 * @param outputLanguage the language to translate into, such as {@code es} ({@code audio.output.language})
 */
public record TranslationSessionConfig(
        TranslationModel model,
        Tristate<NoiseReduction> inputNoiseReduction,
        Tristate<TranscriptionModel> inputTranscription,
        @Nullable String outputLanguage) {

    /**
     * Checks the configuration; a {@code null} {@link Tristate} is taken as absent.
     *
     * @param model the translation model ({@code model})
     * @param inputNoiseReduction noise reduction of the source audio ({@code audio.input.noise_reduction})
     * @param inputTranscription the model of a source-language transcript ({@code audio.input.transcription})
     * @param outputLanguage the language to translate into ({@code audio.output.language})
     * @throws ValidationException naming the JSON field, if {@code model} is null or blank, the noise
     *     reduction has no type, the transcription model is blank or the language is blank
     */
    public TranslationSessionConfig {
        Checks.notNull("session.model", model);
        Checks.notBlank("session.model", model.value());
        inputNoiseReduction = Checks.orAbsent(inputNoiseReduction);
        inputTranscription = Checks.orAbsent(inputTranscription);
        if (inputNoiseReduction.isPresent()) {
            Checks.notNull("session.audio.input.noise_reduction.type", inputNoiseReduction.get().type());
        }
        if (inputTranscription.isPresent()) {
            Checks.notBlank("session.audio.input.transcription.model", inputTranscription.get().value());
        }
        if (outputLanguage != null) {
            Checks.notBlank("session.audio.output.language", outputLanguage);
        }
    }

    /**
     * A builder with every field absent; {@link Builder#model(TranslationModel)} is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this configuration's fields, to derive a variant (another target language, say).
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.model = model;
        builder.inputNoiseReduction = inputNoiseReduction;
        builder.inputTranscription = inputTranscription;
        builder.outputLanguage = outputLanguage;
        return builder;
    }

    /**
     * Builds a {@link TranslationSessionConfig}. Setters reject {@code null}; to send an explicit
     * JSON {@code null} use the {@code disable...} methods.
     */
    public static final class Builder {
        private @Nullable TranslationModel model;
        private Tristate<NoiseReduction> inputNoiseReduction = Tristate.absent();
        private Tristate<TranscriptionModel> inputTranscription = Tristate.absent();
        private @Nullable String outputLanguage;

        private Builder() {
        }

        /**
         * Sets {@code model} (required).
         *
         * @param model the translation model
         * @return this builder
         */
        public Builder model(TranslationModel model) {
            Checks.notNull("session.model", model);
            Checks.notBlank("session.model", model.value());
            this.model = model;
            return this;
        }

        /**
         * Sets {@code model} by name (required).
         *
         * @param model the translation model's name, such as {@code gpt-realtime-translate}
         * @return this builder
         */
        public Builder model(String model) {
            return model(TranslationModel.of(Checks.notBlank("session.model", model)));
        }

        /**
         * Sets {@code audio.input.noise_reduction}.
         *
         * @param noiseReduction {@link NoiseReduction#NEAR_FIELD} for headsets, {@link NoiseReduction#FAR_FIELD}
         *     for laptop or room microphones
         * @return this builder
         */
        public Builder inputNoiseReduction(NoiseReduction noiseReduction) {
            Checks.notNull("session.audio.input.noise_reduction", noiseReduction);
            Checks.notNull("session.audio.input.noise_reduction.type", noiseReduction.type());
            this.inputNoiseReduction = Tristate.of(noiseReduction);
            return this;
        }

        /**
         * Sends {@code audio.input.noise_reduction: null}: no noise reduction.
         *
         * @return this builder
         */
        public Builder disableInputNoiseReduction() {
            this.inputNoiseReduction = Tristate.ofNull();
            return this;
        }

        /**
         * Sets {@code audio.input.transcription}: a source-language transcript by this model.
         *
         * @param model the transcription model, such as {@code gpt-realtime-whisper}
         * @return this builder
         */
        public Builder inputTranscription(TranscriptionModel model) {
            Checks.notNull("session.audio.input.transcription.model", model);
            Checks.notBlank("session.audio.input.transcription.model", model.value());
            this.inputTranscription = Tristate.of(model);
            return this;
        }

        /**
         * Sends {@code audio.input.transcription: null}: no source-language transcript.
         *
         * @return this builder
         */
        public Builder disableInputTranscription() {
            this.inputTranscription = Tristate.ofNull();
            return this;
        }

        /**
         * Sets {@code audio.output.language}.
         *
         * @param language the language to translate into, such as {@code es}
         * @return this builder
         */
        public Builder outputLanguage(String language) {
            this.outputLanguage = Checks.notBlank("session.audio.output.language", language);
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws ValidationException if no model was set
         */
        public TranslationSessionConfig build() {
            if (model == null) {
                throw new ValidationException("session.model",
                        "is required: call model(TranslationModel.GPT_REALTIME_TRANSLATE)");
            }
            return new TranslationSessionConfig(model, inputNoiseReduction, inputTranscription, outputLanguage);
        }
    }
}
