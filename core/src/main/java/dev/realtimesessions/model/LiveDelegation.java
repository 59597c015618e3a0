package dev.realtimesessions.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who handles the tasks a GPT-Live session delegates ({@code session.delegation}): your application
 * ({@link #CLIENT}, also what an absent delegation means), or a Responses model the API runs for
 * the session ({@link Responses}), with its own instructions (the backend prompt) and tools.
 *
 * <pre>{@code
 * LiveDelegation.responses()
 *     .model("gpt-5.6")
 *     .instructions("You handle order lookups for Example Corp. ...")
 *     .tools(ResponsesTool.function("lookup_order", "Finds an order by its number", schema))
 *     .reasoning(ResponsesReasoning.of(ResponsesReasoningEffort.LOW))
 *     .build();
 * }</pre>
 *
 * <p>Sources: {@code ClientDelegation}, {@code ResponsesDelegationConfig} and
 * {@code ResponsesDelegationUpdateConfig} in {@code openai/openai-node}
 * {@code src/resources/live/live.ts}; the published spec holds these shapes only as placeholders
 * (GPT-Live is an alpha API).
 */
public sealed interface LiveDelegation permits LiveDelegation.Client, LiveDelegation.Responses {

    /** Your application handles delegated tasks: {@code {"type": "client"}}. */
    Client CLIENT = new Client();

    /**
     * A builder of a {@link Responses} delegation.
     *
     * @return a new builder
     */
    static Responses.Builder responses() {
        return new Responses.Builder();
    }

    /**
     * The delegation's {@code type}: {@code client} or {@code responses}.
     *
     * @return the wire type
     */
    String type();

    /** Your application handles delegated tasks: the session emits delegation events your back end answers. */
    record Client() implements LiveDelegation {

        /**
         * Always {@code "client"}.
         *
         * @return {@code "client"}
         */
        @Override
        public String type() {
            return "client";
        }
    }

    /**
     * The API hands delegated tasks to a Responses model: {@code {"type": "responses", "responses": {...}}}.
     * Every component but {@code model} is optional; {@code null} leaves it out. {@code model} is
     * required to create or accept a session; a fork may leave it out to keep the stored one.
     *
     * @param model the Responses model ({@code model})
     * @param instructions the backend prompt, apart from the Live model's instructions ({@code instructions})
     * @param maxOutputTokens the output limit of each delegated response ({@code max_output_tokens})
     * @param parallelToolCalls whether the model may call several tools in one response ({@code parallel_tool_calls})
     * @param reasoning reasoning settings ({@code reasoning})
     * @param serviceTier the service tier of the delegated requests ({@code service_tier})
     * @param verbosity how much detail the model writes ({@code text.verbosity})
     * @param toolChoice how the model chooses tools ({@code tool_choice})
     * @param tools the tools the model may use ({@code tools})
     */
    record Responses(
            @Nullable String model,
            @Nullable String instructions,
            @Nullable Integer maxOutputTokens,
            @Nullable Boolean parallelToolCalls,
            @Nullable ResponsesReasoning reasoning,
            @Nullable ServiceTier serviceTier,
            @Nullable Verbosity verbosity,
            @Nullable ToolChoice toolChoice,
            @Nullable List<ResponsesTool> tools) implements LiveDelegation {

        private static final String FIELD = "session.delegation.responses.";

        /**
         * Checks the values and copies the list.
         *
         * @param model the Responses model ({@code model})
         * @param instructions the backend prompt ({@code instructions})
         * @param maxOutputTokens the output limit of each delegated response ({@code max_output_tokens})
         * @param parallelToolCalls whether the model may call several tools in one response
         *     ({@code parallel_tool_calls})
         * @param reasoning reasoning settings ({@code reasoning})
         * @param serviceTier the service tier of the delegated requests ({@code service_tier})
         * @param verbosity how much detail the model writes ({@code text.verbosity})
         * @param toolChoice how the model chooses tools ({@code tool_choice})
         * @param tools the tools the model may use ({@code tools})
         * @throws dev.realtimesessions.ValidationException naming the JSON field, if {@code model} is
         *     blank, {@code max_output_tokens} is negative, or a tool is null, a function without a
         *     name or a tool without a type
         */
        public Responses {
            if (model != null) {
                Checks.notBlank(FIELD + "model", model);
            }
            if (maxOutputTokens != null) {
                Checks.nonNegative(FIELD + "max_output_tokens", maxOutputTokens);
            }
            tools = Checks.copyOrNull(FIELD + "tools", tools);
            if (tools != null) {
                for (int i = 0; i < tools.size(); i++) {
                    if (tools.get(i) instanceof ResponsesTool.Function function) {
                        Checks.notBlank(FIELD + "tools[" + i + "].name", function.name());
                    } else {
                        Checks.notBlank(FIELD + "tools[" + i + "].type", tools.get(i).type());
                    }
                }
            }
        }

        /**
         * Always {@code "responses"}.
         *
         * @return {@code "responses"}
         */
        @Override
        public String type() {
            return "responses";
        }

        /**
         * A builder holding this delegation's settings, to derive a variant.
         *
         * @return a new builder
         */
        public Builder toBuilder() {
            Builder builder = new Builder();
            builder.model = model;
            builder.instructions = instructions;
            builder.maxOutputTokens = maxOutputTokens;
            builder.parallelToolCalls = parallelToolCalls;
            builder.reasoning = reasoning;
            builder.serviceTier = serviceTier;
            builder.verbosity = verbosity;
            builder.toolChoice = toolChoice;
            builder.tools = tools == null ? null : new ArrayList<>(tools);
            return builder;
        }

        /** Builds a {@link Responses} delegation; every setter rejects {@code null}. */
        public static final class Builder {
            private @Nullable String model;
            private @Nullable String instructions;
            private @Nullable Integer maxOutputTokens;
            private @Nullable Boolean parallelToolCalls;
            private @Nullable ResponsesReasoning reasoning;
            private @Nullable ServiceTier serviceTier;
            private @Nullable Verbosity verbosity;
            private @Nullable ToolChoice toolChoice;
            private @Nullable List<ResponsesTool> tools;

            private Builder() {
            }

            /**
             * Sets {@code model}: required to create or accept a session.
             *
             * @param model the Responses model, such as {@code gpt-5.6}
             * @return this builder
             */
            public Builder model(String model) {
                this.model = Checks.notBlank(FIELD + "model", model);
                return this;
            }

            /**
             * Sets {@code instructions}: the backend prompt, kept apart from the Live model's
             * conversational instructions.
             *
             * @param instructions the backend prompt
             * @return this builder
             */
            public Builder instructions(String instructions) {
                this.instructions = Checks.notNull(FIELD + "instructions", instructions);
                return this;
            }

            /**
             * Sets {@code max_output_tokens}.
             *
             * @param maxOutputTokens the output limit of each delegated response
             * @return this builder
             */
            public Builder maxOutputTokens(int maxOutputTokens) {
                this.maxOutputTokens = Checks.nonNegative(FIELD + "max_output_tokens", maxOutputTokens);
                return this;
            }

            /**
             * Sets {@code parallel_tool_calls}.
             *
             * @param parallelToolCalls whether the model may call several tools in one response
             * @return this builder
             */
            public Builder parallelToolCalls(boolean parallelToolCalls) {
                this.parallelToolCalls = parallelToolCalls;
                return this;
            }

            /**
             * Sets {@code reasoning}.
             *
             * @param reasoning effort and summary
             * @return this builder
             */
            public Builder reasoning(ResponsesReasoning reasoning) {
                this.reasoning = Checks.notNull(FIELD + "reasoning", reasoning);
                return this;
            }

            /**
             * Sets {@code service_tier}.
             *
             * @param serviceTier the service tier of the delegated requests
             * @return this builder
             */
            public Builder serviceTier(ServiceTier serviceTier) {
                this.serviceTier = Checks.notNull(FIELD + "service_tier", serviceTier);
                return this;
            }

            /**
             * Sets {@code text.verbosity}.
             *
             * @param verbosity how much detail the model writes
             * @return this builder
             */
            public Builder verbosity(Verbosity verbosity) {
                this.verbosity = Checks.notNull(FIELD + "text.verbosity", verbosity);
                return this;
            }

            /**
             * Sets {@code tool_choice}.
             *
             * @param toolChoice a mode, or a function or MCP tool the model must call
             * @return this builder
             */
            public Builder toolChoice(ToolChoice toolChoice) {
                this.toolChoice = Checks.notNull(FIELD + "tool_choice", toolChoice);
                return this;
            }

            /**
             * Sets {@code tools}.
             *
             * @param tools the tools the model may use
             * @return this builder
             */
            public Builder tools(ResponsesTool... tools) {
                return tools(Arrays.asList(Checks.notNull(FIELD + "tools", tools)));
            }

            /**
             * Sets {@code tools}.
             *
             * @param tools the tools the model may use
             * @return this builder
             */
            public Builder tools(List<? extends ResponsesTool> tools) {
                this.tools = Checks.copyOrNull(FIELD + "tools", Checks.notNull(FIELD + "tools", tools));
                return this;
            }

            /**
             * Builds the delegation.
             *
             * @return the delegation
             * @throws dev.realtimesessions.ValidationException if a tool breaks a rule (see {@link Responses})
             */
            public Responses build() {
                return new Responses(model, instructions, maxOutputTokens, parallelToolCalls, reasoning, serviceTier,
                        verbosity, toolChoice, tools);
            }
        }
    }
}
