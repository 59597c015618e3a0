package dev.realtimesessions.model;

import java.util.List;

/**
 * What the model may respond with ({@code modalities}): text, audio, or both.
 *
 * <p>An open enum: see {@link OpenEnum}.
 */
public final class Modality extends OpenEnum {

    private static final KnownValues<Modality> KNOWN = new KnownValues<>("Modality", Modality::new);

    /** {@code "text"}. */
    public static final Modality TEXT = KNOWN.add("text");

    /** {@code "audio"}. */
    public static final Modality AUDIO = KNOWN.add("audio");

    private Modality(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the Modality for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static Modality of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<Modality> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
