package dev.realtimesessions.model;

import java.util.List;

/**
 * The reasoning summary a delegated Responses model is asked for, where it supports one
 * ({@code delegation.responses.reasoning.summary} of a GPT-Live session).
 *
 * <p>An open enum: see {@link OpenEnum}. Source: {@code ResponsesDelegationConfig.Reasoning} in
 * {@code openai/openai-node} {@code src/resources/live/live.ts}.
 */
public final class ReasoningSummary extends OpenEnum {

    private static final KnownValues<ReasoningSummary> KNOWN =
            new KnownValues<>("ReasoningSummary", ReasoningSummary::new);

    /** {@code "concise"}. */
    public static final ReasoningSummary CONCISE = KNOWN.add("concise");

    /** {@code "detailed"}. */
    public static final ReasoningSummary DETAILED = KNOWN.add("detailed");

    /** {@code "auto"}. */
    public static final ReasoningSummary AUTO = KNOWN.add("auto");

    private ReasoningSummary(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the ReasoningSummary for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static ReasoningSummary of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<ReasoningSummary> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
