// Over 300 lines on purpose: a request record and its builder, one Javadoc'd setter per JSON field
// (each naming the field it sets and checking its value at once). The JSON is in internal.
package dev.realtimesessions.model;

import dev.realtimesessions.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of the beta {@code POST /realtime/sessions}: the configuration of the Realtime session
 * the minted client secret opens. Only {@code model} is required; a {@code null} component (or an
 * absent {@link Tristate}) is left out of the JSON and the server's default applies.
 *
 * <pre>{@code
 * RealtimeSessionCreateRequest request = RealtimeSessionCreateRequest.builder()
 *     .model(RealtimeModel.GPT_REALTIME)
 *     .voice(Voice.VERSE)
 *     .instructions("You are a friendly assistant.")
 *     .turnDetection(TurnDetection.semanticVad().eagerness(Eagerness.LOW).build())
 *     .clientSecretExpiresAfter(Duration.ofMinutes(5))
 *     .build();
 * }</pre>
 *
 * <p>OpenAI has deprecated the beta interface in favour of {@code POST /realtime/client_secrets}.
 *
 * @param model the Realtime model ({@code model})
 * @param modalities what the model may answer with ({@code modalities})
 * @param instructions the system instructions ({@code instructions})
 * @param voice the voice ({@code voice})
 * @param inputAudioFormat the input audio encoding ({@code input_audio_format})
 * @param outputAudioFormat the output audio encoding ({@code output_audio_format})
 * @param inputAudioTranscription input transcription, or null to turn it off ({@code input_audio_transcription})
 * @param turnDetection turn detection, or null to turn it off ({@code turn_detection})
 * @param inputAudioNoiseReduction noise reduction, or null to turn it off ({@code input_audio_noise_reduction})
 * @param tools tools the model may call ({@code tools})
 * @param toolChoice how the model chooses tools ({@code tool_choice})
 * @param temperature sampling temperature, 0.6 to 1.2 ({@code temperature})
 * @param maxResponseOutputTokens the output limit per response ({@code max_response_output_tokens})
 * @param speed speech speed, 0.25 to 1.5 ({@code speed})
 * @param tracing tracing, or null to turn it off ({@code tracing})
 * @param clientSecret settings for the minted secret, such as its lifetime ({@code client_secret})
 */
public record RealtimeSessionCreateRequest(
        RealtimeModel model,
        @Nullable List<Modality> modalities,
        @Nullable String instructions,
        @Nullable Voice voice,
        @Nullable AudioFormat inputAudioFormat,
        @Nullable AudioFormat outputAudioFormat,
        Tristate<AudioTranscription> inputAudioTranscription,
        Tristate<TurnDetection> turnDetection,
        Tristate<NoiseReduction> inputAudioNoiseReduction,
        @Nullable List<Tool> tools,
        @Nullable ToolChoice toolChoice,
        @Nullable Double temperature,
        @Nullable MaxOutputTokens maxResponseOutputTokens,
        @Nullable Double speed,
        Tristate<Tracing> tracing,
        @Nullable ClientSecretConfig clientSecret) {

    /**
     * Validates the structure of the request.
     *
     * @param model the Realtime model ({@code model})
     * @param modalities what the model may answer with ({@code modalities})
     * @param instructions the system instructions ({@code instructions})
     * @param voice the voice ({@code voice})
     * @param inputAudioFormat the input audio encoding ({@code input_audio_format})
     * @param outputAudioFormat the output audio encoding ({@code output_audio_format})
     * @param inputAudioTranscription input transcription, or null to turn it off ({@code input_audio_transcription})
     * @param turnDetection turn detection, or null to turn it off ({@code turn_detection})
     * @param inputAudioNoiseReduction noise reduction, or null to turn it off ({@code input_audio_noise_reduction})
     * @param tools tools the model may call ({@code tools})
     * @param toolChoice how the model chooses tools ({@code tool_choice})
     * @param temperature sampling temperature, 0.6 to 1.2 ({@code temperature})
     * @param maxResponseOutputTokens the output limit per response ({@code max_response_output_tokens})
     * @param speed speech speed, 0.25 to 1.5 ({@code speed})
     * @param tracing tracing, or null to turn it off ({@code tracing})
     * @param clientSecret settings for the minted secret, such as its lifetime ({@code client_secret})
     * @throws ValidationException naming the JSON field, if {@code model} is missing or blank, a
     *     tool is null or has a blank name, a number is not finite, a turn detection duration is
     *     negative, or the voice is a custom one
     */
    public RealtimeSessionCreateRequest {
        if (model == null) {
            throw new ValidationException("model", "is required, for example RealtimeModel.GPT_REALTIME");
        }
        Checks.notBlank("model", model.value());
        if (voice != null && voice.isCustom()) {
            throw new ValidationException("voice", "is a custom voice, which only the GA endpoint accepts;"
                    + " use RealtimeSessions.createClientSecret(ClientSecretCreateRequest)");
        }
        modalities = Checks.copyOrNull("modalities", modalities);
        tools = Checks.copyOrNull("tools", tools);
        if (tools != null) {
            for (int i = 0; i < tools.size(); i++) {
                if (tools.get(i) instanceof FunctionTool function) {
                    Checks.notBlank("tools[" + i + "].name", function.name());
                }
            }
        }
        inputAudioTranscription = Checks.orAbsent(inputAudioTranscription);
        turnDetection = Checks.orAbsent(turnDetection);
        RequestRules.turnDetection(turnDetection.toOptional().orElse(null));
        inputAudioNoiseReduction = Checks.orAbsent(inputAudioNoiseReduction);
        tracing = Checks.orAbsent(tracing);
        if (temperature != null) {
            Checks.finite("temperature", temperature);
        }
        if (speed != null) {
            Checks.finite("speed", speed);
        }
    }


    /**
     * A builder with every field absent; {@code model} must be set before {@link Builder#build()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this request's fields, to derive a variant (per-user instructions, say).
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.model = model;
        builder.modalities = modalities;
        builder.instructions = instructions;
        builder.voice = voice;
        builder.inputAudioFormat = inputAudioFormat;
        builder.outputAudioFormat = outputAudioFormat;
        builder.inputAudioTranscription = inputAudioTranscription;
        builder.turnDetection = turnDetection;
        builder.inputAudioNoiseReduction = inputAudioNoiseReduction;
        builder.tools = tools == null ? null : new ArrayList<>(tools);
        builder.toolChoice = toolChoice;
        builder.temperature = temperature;
        builder.maxResponseOutputTokens = maxResponseOutputTokens;
        builder.speed = speed;
        builder.tracing = tracing;
        builder.clientSecret = clientSecret;
        return builder;
    }

    /**
     * Builds a {@link RealtimeSessionCreateRequest}. Setters reject {@code null}; to send an
     * explicit JSON {@code null} use the {@code disable...} methods.
     */
    public static final class Builder {
        private @Nullable RealtimeModel model;
        private @Nullable List<Modality> modalities;
        private @Nullable String instructions;
        private @Nullable Voice voice;
        private @Nullable AudioFormat inputAudioFormat;
        private @Nullable AudioFormat outputAudioFormat;
        private Tristate<AudioTranscription> inputAudioTranscription = Tristate.absent();
        private Tristate<TurnDetection> turnDetection = Tristate.absent();
        private Tristate<NoiseReduction> inputAudioNoiseReduction = Tristate.absent();
        private @Nullable List<Tool> tools;
        private @Nullable ToolChoice toolChoice;
        private @Nullable Double temperature;
        private @Nullable MaxOutputTokens maxResponseOutputTokens;
        private @Nullable Double speed;
        private Tristate<Tracing> tracing = Tristate.absent();
        private @Nullable ClientSecretConfig clientSecret;

        private Builder() {
        }

        /**
         * Sets {@code model}, required.
         *
         * @param model the Realtime model
         * @return this builder
         */
        public Builder model(RealtimeModel model) {
            this.model = Checks.notNull("model", model);
            return this;
        }

        /**
         * Sets {@code model}, required, by name.
         *
         * @param model the Realtime model's name, such as {@code gpt-realtime}
         * @return this builder
         */
        public Builder model(String model) {
            return model(RealtimeModel.of(Checks.notBlank("model", model)));
        }

        /**
         * Sets {@code modalities}.
         *
         * @param modalities what the model may answer with; {@code TEXT} alone disables audio
         * @return this builder
         */
        public Builder modalities(Modality... modalities) {
            return modalities(Arrays.asList(Checks.notNull("modalities", modalities)));
        }

        /**
         * Sets {@code modalities}.
         *
         * @param modalities what the model may answer with
         * @return this builder
         */
        public Builder modalities(List<Modality> modalities) {
            this.modalities = Checks.copyOrNull("modalities", Checks.notNull("modalities", modalities));
            return this;
        }

        /**
         * Sets {@code instructions}, the system message.
         *
         * @param instructions guidance for the model
         * @return this builder
         */
        public Builder instructions(String instructions) {
            this.instructions = Checks.notNull("instructions", instructions);
            return this;
        }

        /**
         * Sets {@code voice}.
         *
         * @param voice the voice
         * @return this builder
         */
        public Builder voice(Voice voice) {
            this.voice = Checks.notNull("voice", voice);
            return this;
        }

        /**
         * Sets {@code voice} by name.
         *
         * @param voice the voice's name
         * @return this builder
         */
        public Builder voice(String voice) {
            return voice(Voice.of(Checks.notBlank("voice", voice)));
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
         * Sets {@code output_audio_format}.
         *
         * @param format the output encoding
         * @return this builder
         */
        public Builder outputAudioFormat(AudioFormat format) {
            this.outputAudioFormat = Checks.notNull("output_audio_format", format);
            return this;
        }

        /**
         * Sets {@code input_audio_transcription}.
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
         * Sends {@code "turn_detection": null}: no voice activity detection; the client ends
         * each turn itself.
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
         * Sets {@code tools}, replacing any added before.
         *
         * @param tools the tools the model may call
         * @return this builder
         */
        public Builder tools(List<? extends Tool> tools) {
            this.tools = new ArrayList<>(Checks.notNull("tools", tools));
            return this;
        }

        /**
         * Adds one tool to {@code tools}.
         *
         * @param tool a tool the model may call
         * @return this builder
         */
        public Builder addTool(Tool tool) {
            if (tools == null) {
                tools = new ArrayList<>();
            }
            tools.add(Checks.notNull("tools[" + tools.size() + "]", tool));
            return this;
        }

        /**
         * Sets {@code tool_choice}.
         *
         * @param toolChoice how the model chooses tools
         * @return this builder
         */
        public Builder toolChoice(ToolChoice toolChoice) {
            this.toolChoice = Checks.notNull("tool_choice", toolChoice);
            return this;
        }

        /**
         * Sets {@code temperature}.
         *
         * @param temperature sampling temperature (0.6 to 1.2; 0.8 recommended)
         * @return this builder
         */
        public Builder temperature(double temperature) {
            this.temperature = Checks.finite("temperature", temperature);
            return this;
        }

        /**
         * Sets {@code max_response_output_tokens} to a number.
         *
         * @param tokens the limit per response (1 to 4096)
         * @return this builder
         */
        public Builder maxResponseOutputTokens(int tokens) {
            return maxResponseOutputTokens(MaxOutputTokens.of(tokens));
        }

        /**
         * Sets {@code max_response_output_tokens}.
         *
         * @param tokens a number or {@link MaxOutputTokens#INF}
         * @return this builder
         */
        public Builder maxResponseOutputTokens(MaxOutputTokens tokens) {
            this.maxResponseOutputTokens = Checks.notNull("max_response_output_tokens", tokens);
            return this;
        }

        /**
         * Sets {@code speed}.
         *
         * @param speed speech speed (0.25 to 1.5; 1.0 is normal)
         * @return this builder
         */
        public Builder speed(double speed) {
            this.speed = Checks.finite("speed", speed);
            return this;
        }

        /**
         * Sets {@code tracing}.
         *
         * @param tracing {@link Tracing#AUTO} or a {@link Tracing#config} setting
         * @return this builder
         */
        public Builder tracing(Tracing tracing) {
            this.tracing = Tristate.of(Checks.notNull("tracing", tracing));
            return this;
        }

        /**
         * Sends {@code "tracing": null}: no tracing.
         *
         * @return this builder
         */
        public Builder disableTracing() {
            this.tracing = Tristate.ofNull();
            return this;
        }

        /**
         * Sets {@code client_secret}.
         *
         * @param clientSecret settings for the minted secret
         * @return this builder
         */
        public Builder clientSecret(ClientSecretConfig clientSecret) {
            this.clientSecret = Checks.notNull("client_secret", clientSecret);
            return this;
        }

        /**
         * Sets {@code client_secret.expires_after}: how long the minted secret lives.
         *
         * @param lifetime whole seconds, 10 s to 2 h (the beta default is one minute)
         * @return this builder
         */
        public Builder clientSecretExpiresAfter(Duration lifetime) {
            return clientSecret(new ClientSecretConfig(ExpiresAfter.of(lifetime)));
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if {@code model} is unset, or another field is structurally wrong
         */
        public RealtimeSessionCreateRequest build() {
            return new RealtimeSessionCreateRequest(model, modalities, instructions, voice, inputAudioFormat,
                    outputAudioFormat, inputAudioTranscription, turnDetection, inputAudioNoiseReduction, tools,
                    toolChoice, temperature, maxResponseOutputTokens, speed, tracing, clientSecret);
        }
    }
}
