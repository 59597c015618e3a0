package dev.realtimesessions.model;

import org.jspecify.annotations.Nullable;

/**
 * Reasoning settings for each Responses request a GPT-Live session delegates
 * ({@code delegation.responses.reasoning}). A {@code null} component is left out and the server's
 * default applies.
 *
 * <pre>{@code
 * new ResponsesReasoning(ResponsesReasoningEffort.LOW, ReasoningSummary.AUTO)
 * }</pre>
 *
 * @param effort how much the delegated model reasons ({@code effort})
 * @param summary the reasoning summary asked for ({@code summary})
 */
public record ResponsesReasoning(@Nullable ResponsesReasoningEffort effort, @Nullable ReasoningSummary summary) {

    /**
     * Reasoning with the given effort and no summary setting.
     *
     * @param effort how much the delegated model reasons
     * @return the setting
     * @throws dev.realtimesessions.ValidationException if {@code effort} is null
     */
    public static ResponsesReasoning of(ResponsesReasoningEffort effort) {
        return new ResponsesReasoning(Checks.notNull("reasoning.effort", effort), null);
    }
}
