package dev.realtimesessions.model;

import java.util.List;

/**
 * How much reasoning a reasoning-capable Realtime model such as {@code gpt-realtime-2} does
 * ({@code reasoning.effort}); the server default is {@code low}.
 *
 * <p>An open enum: see {@link OpenEnum}.
 */
public final class ReasoningEffort extends OpenEnum {

    private static final KnownValues<ReasoningEffort> KNOWN = new KnownValues<>("ReasoningEffort", ReasoningEffort::new);

    /** {@code "minimal"}. */
    public static final ReasoningEffort MINIMAL = KNOWN.add("minimal");

    /** {@code "low"}. */
    public static final ReasoningEffort LOW = KNOWN.add("low");

    /** {@code "medium"}. */
    public static final ReasoningEffort MEDIUM = KNOWN.add("medium");

    /** {@code "high"}. */
    public static final ReasoningEffort HIGH = KNOWN.add("high");

    /** {@code "xhigh"}. */
    public static final ReasoningEffort XHIGH = KNOWN.add("xhigh");

    private ReasoningEffort(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the ReasoningEffort for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static ReasoningEffort of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<ReasoningEffort> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
