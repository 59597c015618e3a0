package dev.realtimesessions.model;

import java.util.List;

/**
 * The detail level of an image given to the model ({@code detail} of an {@code input_image});
 * the server default is {@code auto}.
 *
 * <p>An open enum: see {@link OpenEnum}.
 */
public final class ImageDetail extends OpenEnum {

    private static final KnownValues<ImageDetail> KNOWN = new KnownValues<>("ImageDetail", ImageDetail::new);

    /** {@code "low"}. */
    public static final ImageDetail LOW = KNOWN.add("low");

    /** {@code "high"}. */
    public static final ImageDetail HIGH = KNOWN.add("high");

    /** {@code "auto"}. */
    public static final ImageDetail AUTO = KNOWN.add("auto");

    /** {@code "original"}. */
    public static final ImageDetail ORIGINAL = KNOWN.add("original");

    private ImageDetail(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the ImageDetail for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static ImageDetail of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<ImageDetail> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
