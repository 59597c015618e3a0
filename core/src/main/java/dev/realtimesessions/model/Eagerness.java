package dev.realtimesessions.model;

import java.util.List;

/**
 * How eagerly semantic turn detection answers ({@code turn_detection.eagerness}); {@code auto}
 * is the server default and means {@code medium}.
 *
 * <p>An open enum: see {@link OpenEnum}.
 */
public final class Eagerness extends OpenEnum {

    private static final KnownValues<Eagerness> KNOWN = new KnownValues<>("Eagerness", Eagerness::new);

    /** {@code "low"}. */
    public static final Eagerness LOW = KNOWN.add("low");

    /** {@code "medium"}. */
    public static final Eagerness MEDIUM = KNOWN.add("medium");

    /** {@code "high"}. */
    public static final Eagerness HIGH = KNOWN.add("high");

    /** {@code "auto"}. */
    public static final Eagerness AUTO = KNOWN.add("auto");

    private Eagerness(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the Eagerness for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static Eagerness of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<Eagerness> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
