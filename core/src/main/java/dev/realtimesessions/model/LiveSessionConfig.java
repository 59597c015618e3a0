package dev.realtimesessions.model;

import dev.realtimesessions.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a GPT-Live session starts ({@code session}): its model, the Live model's instructions, voice,
 * delegation, storage, text history and what the browser may do. Used to create a WebRTC session
 * and to accept a SIP call; all of it is fixed once the session has started. GPT-Live is an alpha
 * API: see {@link LiveSessionCreateRequest}.
 *
 * <pre>{@code
 * LiveSessionConfig session = LiveSessionConfig.builder()
 *     .model(LiveModel.GPT_LIVE_1)
 *     .instructions("You are Alex, a friendly concierge for Example Corp. Be concise.")
 *     .voice(LiveVoice.MARIN)
 *     .delegation(LiveDelegation.responses().model("gpt-5.6").instructions(backendPrompt).build())
 *     .dataChannel(LiveDataChannelPermissions.builder()
 *         .allowClientEvents()                                          // the browser sends nothing
 *         .allowServerEvents(LiveServerEventSelector.of("session.output_transcript.delta"))
 *         .build())
 *     .build();
 * }</pre>
 *
 * <p>Only {@code model} is required; a {@code null} component is left out of the JSON and the
 * server's default applies (voice {@code marin}, client delegation, not stored). Source:
 * {@code LiveMediaSessionCreateParams} and {@code LiveCallAcceptSession} in the spec OpenAI's Node
 * SDK is generated from, and {@code MediaSessionConfig} in {@code openai/openai-node}
 * {@code src/resources/live/live.ts}.
 *
 * @param model the Live model ({@code model})
 * @param instructions the Live model's instructions: voice, conversation, interruptions and when to
 *     delegate; at most 16,384 tokens; blank uses the server's ({@code instructions})
 * @param voice the voice ({@code audio.output.voice})
 * @param delegation who handles delegated tasks; absent is your application ({@code delegation})
 * @param store whether to store the session, so that it can be forked and its recording
 *     downloaded ({@code store})
 * @param input the text history the session starts with, at most {@value #MAX_INPUT_MESSAGES}
 *     messages ({@code input})
 * @param dataChannel what the browser may send and receive on the data channel; WebRTC sessions
 *     only, not SIP calls ({@code client.data_channel})
 */
public record LiveSessionConfig(
        LiveModel model,
        @Nullable String instructions,
        @Nullable LiveVoice voice,
        @Nullable LiveDelegation delegation,
        @Nullable Boolean store,
        @Nullable List<LiveInputMessage> input,
        @Nullable LiveDataChannelPermissions dataChannel) {

    /** The most history messages a session starts with ({@code maxItems} of {@code input}). */
    public static final int MAX_INPUT_MESSAGES = 128;

    /**
     * Checks the configuration and copies its list.
     *
     * @param model the Live model ({@code model})
     * @param instructions the Live model's instructions ({@code instructions})
     * @param voice the voice ({@code audio.output.voice})
     * @param delegation who handles delegated tasks ({@code delegation})
     * @param store whether to store the session ({@code store})
     * @param input the text history the session starts with ({@code input})
     * @param dataChannel what the browser may send and receive ({@code client.data_channel})
     * @throws ValidationException naming the JSON field, if {@code model} is null or blank, a voice
     *     name is blank, a Responses delegation has no model, or {@code input} holds {@code null}
     *     or more than {@value #MAX_INPUT_MESSAGES} messages
     */
    public LiveSessionConfig {
        Checks.notNull("session.model", model);
        Checks.notBlank("session.model", model.value());
        if (voice != null) {
            Checks.notBlank("session.audio.output.voice", voice.value());
        }
        if (delegation instanceof LiveDelegation.Responses responses && responses.model() == null) {
            throw new ValidationException("session.delegation.responses.model",
                    "is required to start a session with a Responses delegation");
        }
        input = Checks.copyOrNull("session.input", input);
        if (input != null && input.size() > MAX_INPUT_MESSAGES) {
            throw new ValidationException("session.input", "must hold at most " + MAX_INPUT_MESSAGES
                    + " messages, but holds " + input.size());
        }
    }

    /**
     * A session with this model and the server's defaults for everything else.
     *
     * @param model the Live model, such as {@link LiveModel#GPT_LIVE_1}
     * @return the configuration
     * @throws ValidationException if {@code model} is null or blank
     */
    public static LiveSessionConfig of(LiveModel model) {
        return builder().model(model).build();
    }

    /**
     * A builder with every field absent; {@link Builder#model(LiveModel)} is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this configuration's fields, to derive a variant (per-caller instructions, say).
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.model = model;
        builder.instructions = instructions;
        builder.voice = voice;
        builder.delegation = delegation;
        builder.store = store;
        builder.input = input == null ? null : new ArrayList<>(input);
        builder.dataChannel = dataChannel;
        return builder;
    }

    /** Builds a {@link LiveSessionConfig}; every setter rejects {@code null}. */
    public static final class Builder {
        private @Nullable LiveModel model;
        private @Nullable String instructions;
        private @Nullable LiveVoice voice;
        private @Nullable LiveDelegation delegation;
        private @Nullable Boolean store;
        private @Nullable List<LiveInputMessage> input;
        private @Nullable LiveDataChannelPermissions dataChannel;

        private Builder() {
        }

        /**
         * Sets {@code model} (required).
         *
         * @param model the Live model
         * @return this builder
         */
        public Builder model(LiveModel model) {
            Checks.notNull("session.model", model);
            Checks.notBlank("session.model", model.value());
            this.model = model;
            return this;
        }

        /**
         * Sets {@code model} by name (required).
         *
         * @param model the Live model's name, such as {@code gpt-live-1}
         * @return this builder
         */
        public Builder model(String model) {
            return model(LiveModel.of(Checks.notBlank("session.model", model)));
        }

        /**
         * Sets {@code instructions}: the Live model's instructions for voice, conversation,
         * interruptions and when to delegate (business rules and tool workflows belong in the
         * delegation's instructions).
         *
         * @param instructions at most 16,384 tokens
         * @return this builder
         */
        public Builder instructions(String instructions) {
            this.instructions = Checks.notNull("session.instructions", instructions);
            return this;
        }

        /**
         * Sets {@code audio.output.voice}.
         *
         * @param voice a built-in voice or {@link LiveVoice#custom(String)}
         * @return this builder
         */
        public Builder voice(LiveVoice voice) {
            Checks.notNull("session.audio.output.voice", voice);
            Checks.notBlank("session.audio.output.voice", voice.value());
            this.voice = voice;
            return this;
        }

        /**
         * Sets {@code delegation}.
         *
         * @param delegation {@link LiveDelegation#CLIENT} or a {@link LiveDelegation.Responses} with a model
         * @return this builder
         */
        public Builder delegation(LiveDelegation delegation) {
            this.delegation = Checks.notNull("session.delegation", delegation);
            return this;
        }

        /**
         * Sets {@code store}.
         *
         * @param store whether to store the session for forking and recording download (default false)
         * @return this builder
         */
        public Builder store(boolean store) {
            this.store = store;
            return this;
        }

        /**
         * Sets {@code input}.
         *
         * @param input the text history, at most {@value #MAX_INPUT_MESSAGES} messages
         * @return this builder
         */
        public Builder input(LiveInputMessage... input) {
            return input(Arrays.asList(Checks.notNull("session.input", input)));
        }

        /**
         * Sets {@code input}.
         *
         * @param input the text history, at most {@value #MAX_INPUT_MESSAGES} messages
         * @return this builder
         */
        public Builder input(List<LiveInputMessage> input) {
            this.input = Checks.copyOrNull("session.input", Checks.notNull("session.input", input));
            return this;
        }

        /**
         * Sets {@code client.data_channel}: what the browser may send and receive. WebRTC sessions only.
         *
         * @param dataChannel the permissions
         * @return this builder
         */
        public Builder dataChannel(LiveDataChannelPermissions dataChannel) {
            this.dataChannel = Checks.notNull("session.client.data_channel", dataChannel);
            return this;
        }

        /**
         * Leaves {@code client.data_channel} out again: to answer a SIP call, which has no browser,
         * with a configuration made for WebRTC sessions ({@code toBuilder().clearDataChannel().build()}).
         *
         * @return this builder
         */
        public Builder clearDataChannel() {
            this.dataChannel = null;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws ValidationException if no model was set, or a value breaks a rule (see {@link LiveSessionConfig})
         */
        public LiveSessionConfig build() {
            if (model == null) {
                throw new ValidationException("session.model", "is required: call model(LiveModel.GPT_LIVE_1)");
            }
            return new LiveSessionConfig(model, instructions, voice, delegation, store, input, dataChannel);
        }
    }
}
