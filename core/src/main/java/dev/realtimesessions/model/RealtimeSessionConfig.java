// Over 300 lines on purpose: a request record and its builder, one Javadoc'd setter per JSON field
// (each naming the field it sets and checking its value at once). The JSON is in internal.
package dev.realtimesessions.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A GA speech-to-speech session ({@code {"type": "realtime", ...}}): the configuration the minted
 * client secret opens the session with. Every field is optional; a {@code null} component (or an
 * absent {@link Tristate}) is left out of the JSON and the server's default applies.
 *
 * <pre>{@code
 * RealtimeSessionConfig session = RealtimeSessionConfig.builder()
 *     .model(RealtimeModel.GPT_REALTIME)
 *     .instructions("You are a friendly assistant.")
 *     .audioInput(AudioInputConfig.builder()
 *         .turnDetection(TurnDetection.semanticVad().eagerness(Eagerness.LOW).build())
 *         .build())
 *     .audioOutput(AudioOutputConfig.ofVoice(Voice.MARIN))
 *     .build();
 * }</pre>
 *
 * @param model the Realtime model ({@code model})
 * @param outputModalities what the model answers with: {@code audio} (with a transcript) or
 *     {@code text}, not both ({@code output_modalities})
 * @param instructions the system instructions ({@code instructions})
 * @param audio input and output audio ({@code audio})
 * @param include additional data in the server's events ({@code include})
 * @param tracing tracing, or null to turn it off ({@code tracing})
 * @param tools tools the model may call ({@code tools})
 * @param toolChoice how the model chooses tools ({@code tool_choice})
 * @param parallelToolCalls whether the model may call tools in parallel, reasoning models only
 *     ({@code parallel_tool_calls})
 * @param reasoning reasoning of reasoning-capable models ({@code reasoning})
 * @param maxOutputTokens the output limit per response ({@code max_output_tokens})
 * @param truncation how the conversation is cut when it grows too long ({@code truncation})
 * @param prompt a prompt template, or null to clear one ({@code prompt})
 */
public record RealtimeSessionConfig(
        @Nullable RealtimeModel model,
        @Nullable List<Modality> outputModalities,
        @Nullable String instructions,
        @Nullable RealtimeAudioConfig audio,
        @Nullable List<Include> include,
        Tristate<Tracing> tracing,
        @Nullable List<Tool> tools,
        @Nullable ToolChoice toolChoice,
        @Nullable Boolean parallelToolCalls,
        @Nullable Reasoning reasoning,
        @Nullable MaxOutputTokens maxOutputTokens,
        @Nullable Truncation truncation,
        Tristate<Prompt> prompt) implements SessionConfig {

    /**
     * Validates the structure of the configuration and copies its lists; a {@code null}
     * {@link Tristate} is taken as absent.
     *
     * @param model the Realtime model ({@code model})
     * @param outputModalities what the model answers with: {@code audio} (with a transcript) or {@code text}, not both ({@code output_modalities})
     * @param instructions the system instructions ({@code instructions})
     * @param audio input and output audio ({@code audio})
     * @param include additional data in the server's events ({@code include})
     * @param tracing tracing, or null to turn it off ({@code tracing})
     * @param tools tools the model may call ({@code tools})
     * @param toolChoice how the model chooses tools ({@code tool_choice})
     * @param parallelToolCalls whether the model may call tools in parallel, reasoning models only ({@code parallel_tool_calls})
     * @param reasoning reasoning of reasoning-capable models ({@code reasoning})
     * @param maxOutputTokens the output limit per response ({@code max_output_tokens})
     * @param truncation how the conversation is cut when it grows too long ({@code truncation})
     * @param prompt a prompt template, or null to clear one ({@code prompt})
     * @throws dev.realtimesessions.ValidationException naming the JSON field, if {@code model} is
     *     blank, a list holds {@code null}, a function tool's name or an MCP tool's server label is
     *     blank, or a value breaks a rule of what is sent (a negative duration, rate or token limit,
     *     a speed, threshold or retention ratio that is not finite)
     */
    public RealtimeSessionConfig {
        if (model != null) {
            Checks.notBlank("session.model", model.value());
        }
        outputModalities = Checks.copyOrNull("session.output_modalities", outputModalities);
        include = Checks.copyOrNull("session.include", include);
        tools = Checks.copyOrNull("session.tools", tools);
        if (tools != null) {
            for (int i = 0; i < tools.size(); i++) {
                if (tools.get(i) instanceof FunctionTool function) {
                    Checks.notBlank("session.tools[" + i + "].name", function.name());
                } else if (tools.get(i) instanceof McpTool mcp) {
                    Checks.notBlank("session.tools[" + i + "].server_label", mcp.serverLabel());
                }
            }
        }
        tracing = Checks.orAbsent(tracing);
        prompt = Checks.orAbsent(prompt);
        if (audio != null) {
            RequestRules.audioInput(audio.input());
            RequestRules.audioOutput(audio.output());
        }
        RequestRules.truncation(truncation);
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
     * A builder holding this configuration's fields, to derive a variant (per-user instructions, say).
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.model = model;
        builder.outputModalities = outputModalities;
        builder.instructions = instructions;
        builder.audio = audio;
        builder.include = include;
        builder.tracing = tracing;
        builder.tools = tools == null ? null : new ArrayList<>(tools);
        builder.toolChoice = toolChoice;
        builder.parallelToolCalls = parallelToolCalls;
        builder.reasoning = reasoning;
        builder.maxOutputTokens = maxOutputTokens;
        builder.truncation = truncation;
        builder.prompt = prompt;
        return builder;
    }

    /**
     * Always {@code "realtime"}.
     *
     * @return {@code "realtime"}
     */
    @Override
    public String type() {
        return "realtime";
    }

    /**
     * Builds a {@link RealtimeSessionConfig}. Setters reject {@code null}; to send an explicit
     * JSON {@code null} use the {@code disable...} methods.
     */
    public static final class Builder {
        private @Nullable RealtimeModel model;
        private @Nullable List<Modality> outputModalities;
        private @Nullable String instructions;
        private @Nullable RealtimeAudioConfig audio;
        private @Nullable List<Include> include;
        private Tristate<Tracing> tracing = Tristate.absent();
        private @Nullable List<Tool> tools;
        private @Nullable ToolChoice toolChoice;
        private @Nullable Boolean parallelToolCalls;
        private @Nullable Reasoning reasoning;
        private @Nullable MaxOutputTokens maxOutputTokens;
        private @Nullable Truncation truncation;
        private Tristate<Prompt> prompt = Tristate.absent();

        private Builder() {
        }

        /**
         * Sets {@code model}.
         *
         * @param model the Realtime model
         * @return this builder
         */
        public Builder model(RealtimeModel model) {
            this.model = Checks.notNull("session.model", model);
            return this;
        }

        /**
         * Sets {@code model} by name.
         *
         * @param model the Realtime model's name, such as {@code gpt-realtime}
         * @return this builder
         */
        public Builder model(String model) {
            return model(RealtimeModel.of(Checks.notBlank("session.model", model)));
        }

        /**
         * Sets {@code output_modalities}.
         *
         * @param outputModalities {@code AUDIO} (the default, with a transcript) or {@code TEXT}
         * @return this builder
         */
        public Builder outputModalities(Modality... outputModalities) {
            return outputModalities(Arrays.asList(Checks.notNull("session.output_modalities", outputModalities)));
        }

        /**
         * Sets {@code output_modalities}.
         *
         * @param outputModalities what the model answers with
         * @return this builder
         */
        public Builder outputModalities(List<Modality> outputModalities) {
            this.outputModalities = Checks.copyOrNull("session.output_modalities",
                    Checks.notNull("session.output_modalities", outputModalities));
            return this;
        }

        /**
         * Sets {@code instructions}, the system message.
         *
         * @param instructions guidance for the model
         * @return this builder
         */
        public Builder instructions(String instructions) {
            this.instructions = Checks.notNull("session.instructions", instructions);
            return this;
        }

        /**
         * Sets {@code audio}, input and output at once.
         *
         * @param audio the session's audio
         * @return this builder
         */
        public Builder audio(RealtimeAudioConfig audio) {
            this.audio = Checks.notNull("session.audio", audio);
            return this;
        }

        /**
         * Sets {@code audio.input}, keeping {@code audio.output}.
         *
         * @param input format, transcription, noise reduction and turn detection of the input
         * @return this builder
         */
        public Builder audioInput(AudioInputConfig input) {
            this.audio = new RealtimeAudioConfig(Checks.notNull("session.audio.input", input),
                    audio == null ? null : audio.output());
            return this;
        }

        /**
         * Sets {@code audio.output}, keeping {@code audio.input}.
         *
         * @param output format, voice and speed of the model's audio
         * @return this builder
         */
        public Builder audioOutput(AudioOutputConfig output) {
            this.audio = new RealtimeAudioConfig(audio == null ? null : audio.input(),
                    Checks.notNull("session.audio.output", output));
            return this;
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
         * Sets {@code tracing}; once tracing is on for a session it cannot be changed.
         *
         * @param tracing {@link Tracing#AUTO} or a {@link Tracing#config} setting
         * @return this builder
         */
        public Builder tracing(Tracing tracing) {
            this.tracing = Tristate.of(Checks.notNull("session.tracing", tracing));
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
         * Sets {@code tools}, replacing any added before.
         *
         * @param tools {@link FunctionTool}s and {@link McpTool}s the model may call
         * @return this builder
         */
        public Builder tools(List<? extends Tool> tools) {
            this.tools = new ArrayList<>(Checks.notNull("session.tools", tools));
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
            tools.add(Checks.notNull("session.tools[" + tools.size() + "]", tool));
            return this;
        }

        /**
         * Sets {@code tool_choice}.
         *
         * @param toolChoice how the model chooses tools
         * @return this builder
         */
        public Builder toolChoice(ToolChoice toolChoice) {
            this.toolChoice = Checks.notNull("session.tool_choice", toolChoice);
            return this;
        }

        /**
         * Sets {@code parallel_tool_calls} (reasoning models such as {@code gpt-realtime-2}).
         *
         * @param parallelToolCalls whether the model may call several tools at once
         * @return this builder
         */
        public Builder parallelToolCalls(boolean parallelToolCalls) {
            this.parallelToolCalls = parallelToolCalls;
            return this;
        }

        /**
         * Sets {@code reasoning} (reasoning models such as {@code gpt-realtime-2}).
         *
         * @param reasoning the reasoning setting, for example {@code Reasoning.of(ReasoningEffort.LOW)}
         * @return this builder
         */
        public Builder reasoning(Reasoning reasoning) {
            this.reasoning = Checks.notNull("session.reasoning", reasoning);
            return this;
        }

        /**
         * Sets {@code max_output_tokens} to a number.
         *
         * @param tokens the limit per response, tool calls included (1 to 4096)
         * @return this builder
         */
        public Builder maxOutputTokens(int tokens) {
            return maxOutputTokens(MaxOutputTokens.of(tokens));
        }

        /**
         * Sets {@code max_output_tokens}.
         *
         * @param tokens a number or {@link MaxOutputTokens#INF}
         * @return this builder
         */
        public Builder maxOutputTokens(MaxOutputTokens tokens) {
            this.maxOutputTokens = Checks.notNull("session.max_output_tokens", tokens);
            return this;
        }

        /**
         * Sets {@code truncation}.
         *
         * @param truncation {@link Truncation#AUTO}, {@link Truncation#DISABLED} or a retention ratio
         * @return this builder
         */
        public Builder truncation(Truncation truncation) {
            this.truncation = RequestRules.truncation(Checks.notNull("session.truncation", truncation));
            return this;
        }

        /**
         * Sets {@code prompt}.
         *
         * @param prompt a prompt template and its variables
         * @return this builder
         */
        public Builder prompt(Prompt prompt) {
            this.prompt = Tristate.of(Checks.notNull("session.prompt", prompt));
            return this;
        }

        /**
         * Sends {@code "prompt": null}: no prompt template.
         *
         * @return this builder
         */
        public Builder disablePrompt() {
            this.prompt = Tristate.ofNull();
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the realtime session configuration
         * @throws dev.realtimesessions.ValidationException if a tool is structurally wrong
         */
        public RealtimeSessionConfig build() {
            return new RealtimeSessionConfig(model, outputModalities, instructions, audio, include, tracing, tools,
                    toolChoice, parallelToolCalls, reasoning, maxOutputTokens, truncation, prompt);
        }
    }
}
