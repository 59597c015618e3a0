package dev.realtimesessions.model;

import java.util.List;

/**
 * A context a tool may be invoked from ({@code allowed_callers[]}): directly by the model, or
 * programmatically.
 *
 * <p>An open enum: see {@link OpenEnum}.
 */
public final class AllowedCaller extends OpenEnum {

    private static final KnownValues<AllowedCaller> KNOWN = new KnownValues<>("AllowedCaller", AllowedCaller::new);

    /** {@code "direct"}. */
    public static final AllowedCaller DIRECT = KNOWN.add("direct");

    /** {@code "programmatic"}. */
    public static final AllowedCaller PROGRAMMATIC = KNOWN.add("programmatic");

    private AllowedCaller(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the AllowedCaller for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static AllowedCaller of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<AllowedCaller> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
