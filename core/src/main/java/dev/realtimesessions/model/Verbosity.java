package dev.realtimesessions.model;

import java.util.List;

/**
 * How much detail a delegated Responses model writes ({@code delegation.responses.text.verbosity}
 * of a GPT-Live session); it does not change how the Live model speaks.
 *
 * <p>An open enum: see {@link OpenEnum}. Source: {@code ResponsesDelegationConfig.Text} in
 * {@code openai/openai-node} {@code src/resources/live/live.ts}.
 */
public final class Verbosity extends OpenEnum {

    private static final KnownValues<Verbosity> KNOWN = new KnownValues<>("Verbosity", Verbosity::new);

    /** {@code "low"}. */
    public static final Verbosity LOW = KNOWN.add("low");

    /** {@code "medium"}. */
    public static final Verbosity MEDIUM = KNOWN.add("medium");

    /** {@code "high"}. */
    public static final Verbosity HIGH = KNOWN.add("high");

    private Verbosity(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the Verbosity for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static Verbosity of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<Verbosity> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
