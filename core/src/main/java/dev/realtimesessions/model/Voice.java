package dev.realtimesessions.model;

import java.util.List;

/**
 * The voice the model speaks with ({@code voice}). Any other voice name the API accepts can be
 * given with {@link #of(String)}.
 *
 * <p>An open enum: see {@link OpenEnum}.
 */
public final class Voice extends OpenEnum {

    private static final KnownValues<Voice> KNOWN = new KnownValues<>("Voice", Voice::new);

    /** {@code "alloy"}. */
    public static final Voice ALLOY = KNOWN.add("alloy");

    /** {@code "ash"}. */
    public static final Voice ASH = KNOWN.add("ash");

    /** {@code "ballad"}. */
    public static final Voice BALLAD = KNOWN.add("ballad");

    /** {@code "coral"}. */
    public static final Voice CORAL = KNOWN.add("coral");

    /** {@code "echo"}. */
    public static final Voice ECHO = KNOWN.add("echo");

    /** {@code "fable"}. */
    public static final Voice FABLE = KNOWN.add("fable");

    /** {@code "onyx"}. */
    public static final Voice ONYX = KNOWN.add("onyx");

    /** {@code "nova"}. */
    public static final Voice NOVA = KNOWN.add("nova");

    /** {@code "sage"}. */
    public static final Voice SAGE = KNOWN.add("sage");

    /** {@code "shimmer"}. */
    public static final Voice SHIMMER = KNOWN.add("shimmer");

    /** {@code "verse"}. */
    public static final Voice VERSE = KNOWN.add("verse");

    /** {@code "marin"}. */
    public static final Voice MARIN = KNOWN.add("marin");

    /** {@code "cedar"}. */
    public static final Voice CEDAR = KNOWN.add("cedar");

    private Voice(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the Voice for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static Voice of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<Voice> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
