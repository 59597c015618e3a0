package dev.realtimesessions.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Transcription of the input audio ({@code input_audio_transcription} in the beta shapes,
 * {@code audio.input.transcription} in the GA shapes). Runs beside the model, as guidance to what
 * was said. {@code null} components are absent: the server's defaults apply.
 *
 * <pre>{@code
 * AudioTranscription.of(TranscriptionModel.GPT_4O_TRANSCRIBE)
 * AudioTranscription.builder().model(TranscriptionModel.WHISPER_1).language("en").build()
 * }</pre>
 *
 * @param model the transcription model ({@code model})
 * @param language the input language, ISO-639-1 such as {@code en} ({@code language})
 * @param languages possible input languages (GA, {@code gpt-transcribe} models; {@code languages})
 * @param keywords words or phrases that guide transcription (GA; {@code keywords})
 * @param prompt text that guides style or continues earlier audio ({@code prompt})
 * @param delay how long to wait before emitting text (GA, {@code gpt-realtime-whisper}; {@code delay})
 */
public record AudioTranscription(@Nullable TranscriptionModel model, @Nullable String language,
        @Nullable List<String> languages, @Nullable List<String> keywords, @Nullable String prompt,
        @Nullable TranscriptionDelay delay) {

    /**
     * Creates the setting, copying the lists.
     *
     * @param model the transcription model ({@code model})
     * @param language the input language, ISO-639-1 such as {@code en} ({@code language})
     * @param languages possible input languages (GA, {@code gpt-transcribe} models; {@code languages})
     * @param keywords words or phrases that guide transcription (GA; {@code keywords})
     * @param prompt text that guides style or continues earlier audio ({@code prompt})
     * @param delay how long to wait before emitting text (GA, {@code gpt-realtime-whisper}; {@code delay})
     * @throws dev.realtimesessions.ValidationException if a list holds {@code null}
     */
    public AudioTranscription {
        languages = Checks.copyOrNull("languages", languages);
        keywords = Checks.copyOrNull("keywords", keywords);
    }

    /**
     * Transcription with the given model and the server's defaults for the rest.
     *
     * @param model the transcription model
     * @return the setting
     */
    public static AudioTranscription of(TranscriptionModel model) {
        return builder().model(model).build();
    }

    /**
     * A builder with every component absent.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AudioTranscription}; every setter rejects {@code null}. */
    public static final class Builder {
        private @Nullable TranscriptionModel model;
        private @Nullable String language;
        private @Nullable List<String> languages;
        private @Nullable List<String> keywords;
        private @Nullable String prompt;
        private @Nullable TranscriptionDelay delay;

        private Builder() {
        }

        /**
         * Sets {@code model}.
         *
         * @param model the transcription model
         * @return this builder
         */
        public Builder model(TranscriptionModel model) {
            this.model = Checks.notNull("input_audio_transcription.model", model);
            return this;
        }

        /**
         * Sets {@code language}.
         *
         * @param language an ISO-639-1 code such as {@code en}
         * @return this builder
         */
        public Builder language(String language) {
            this.language = Checks.notNull("input_audio_transcription.language", language);
            return this;
        }

        /**
         * Sets {@code languages} (GA).
         *
         * @param languages ISO-639-1 codes
         * @return this builder
         */
        public Builder languages(List<String> languages) {
            this.languages = Checks.notNull("input_audio_transcription.languages", languages);
            return this;
        }

        /**
         * Sets {@code keywords} (GA).
         *
         * @param keywords words or phrases that guide transcription
         * @return this builder
         */
        public Builder keywords(List<String> keywords) {
            this.keywords = Checks.notNull("input_audio_transcription.keywords", keywords);
            return this;
        }

        /**
         * Sets {@code prompt}.
         *
         * @param prompt guidance text (keywords for {@code whisper-1})
         * @return this builder
         */
        public Builder prompt(String prompt) {
            this.prompt = Checks.notNull("input_audio_transcription.prompt", prompt);
            return this;
        }

        /**
         * Sets {@code delay} (GA).
         *
         * @param delay how long to wait before emitting text
         * @return this builder
         */
        public Builder delay(TranscriptionDelay delay) {
            this.delay = Checks.notNull("input_audio_transcription.delay", delay);
            return this;
        }

        /**
         * Builds the setting.
         *
         * @return the transcription setting
         */
        public AudioTranscription build() {
            return new AudioTranscription(model, language, languages, keywords, prompt, delay);
        }
    }
}
