package dev.realtimesessions.model;

import org.jspecify.annotations.Nullable;

/**
 * The output side of a GA realtime session's audio ({@code audio.output}): the format, voice and
 * speed the model speaks with. {@code null} components are left out and the server's defaults
 * apply.
 *
 * <pre>{@code
 * AudioOutputConfig.ofVoice(Voice.MARIN)
 * AudioOutputConfig.builder().voice(Voice.custom("voice_1234")).speed(1.2).build()
 * }</pre>
 *
 * @param format the output audio format ({@code format})
 * @param voice the voice, a name or a custom voice ({@code voice})
 * @param speed speech speed, 0.25 to 1.5 ({@code speed})
 */
public record AudioOutputConfig(@Nullable RealtimeAudioFormat format, @Nullable Voice voice, @Nullable Double speed) {

    /**
     * Output with the given voice and the server's defaults for the rest.
     *
     * @param voice the voice
     * @return the setting
     */
    public static AudioOutputConfig ofVoice(Voice voice) {
        return builder().voice(voice).build();
    }

    /**
     * A builder with every field absent.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AudioOutputConfig}; every setter rejects {@code null}. */
    public static final class Builder {
        private @Nullable RealtimeAudioFormat format;
        private @Nullable Voice voice;
        private @Nullable Double speed;

        private Builder() {
        }

        /**
         * Sets {@code format}.
         *
         * @param format the format the model's audio is sent in
         * @return this builder
         */
        public Builder format(RealtimeAudioFormat format) {
            this.format = RequestRules.format(Checks.notNull("audio.output.format", format));
            return this;
        }

        /**
         * Sets {@code voice}; it cannot change once the model has answered with audio.
         *
         * @param voice a voice name such as {@link Voice#MARIN}, or {@link Voice#custom(String)}
         * @return this builder
         */
        public Builder voice(Voice voice) {
            this.voice = Checks.notNull("audio.output.voice", voice);
            return this;
        }

        /**
         * Sets {@code speed}.
         *
         * @param speed speech speed (0.25 to 1.5; 1.0 is normal)
         * @return this builder
         */
        public Builder speed(double speed) {
            this.speed = Checks.finite("audio.output.speed", speed);
            return this;
        }

        /**
         * Builds the setting.
         *
         * @return the output audio setting
         */
        public AudioOutputConfig build() {
            return new AudioOutputConfig(format, voice, speed);
        }
    }
}
