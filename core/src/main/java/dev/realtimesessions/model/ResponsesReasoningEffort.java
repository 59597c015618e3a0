package dev.realtimesessions.model;

import java.util.List;

/**
 * How much a delegated Responses model reasons ({@code delegation.responses.reasoning.effort} of a
 * GPT-Live session). Which values a model supports depends on the model.
 *
 * <p>An open enum: see {@link OpenEnum}. Unlike the Realtime {@link ReasoningEffort} it has
 * {@code none}. Source: {@code ResponsesDelegationConfig.Reasoning} in {@code openai/openai-node}
 * {@code src/resources/live/live.ts}.
 */
public final class ResponsesReasoningEffort extends OpenEnum {

    private static final KnownValues<ResponsesReasoningEffort> KNOWN =
            new KnownValues<>("ResponsesReasoningEffort", ResponsesReasoningEffort::new);

    /** {@code "none"}. */
    public static final ResponsesReasoningEffort NONE = KNOWN.add("none");

    /** {@code "minimal"}. */
    public static final ResponsesReasoningEffort MINIMAL = KNOWN.add("minimal");

    /** {@code "low"}. */
    public static final ResponsesReasoningEffort LOW = KNOWN.add("low");

    /** {@code "medium"}. */
    public static final ResponsesReasoningEffort MEDIUM = KNOWN.add("medium");

    /** {@code "high"}. */
    public static final ResponsesReasoningEffort HIGH = KNOWN.add("high");

    /** {@code "xhigh"}. */
    public static final ResponsesReasoningEffort XHIGH = KNOWN.add("xhigh");

    private ResponsesReasoningEffort(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the ResponsesReasoningEffort for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static ResponsesReasoningEffort of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<ResponsesReasoningEffort> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
