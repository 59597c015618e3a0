package dev.realtimesessions.model;

import java.util.List;

/**
 * The detail level a file given to the model is rendered at ({@code detail} of an
 * {@code input_file}); the server default is {@code auto}.
 *
 * <p>An open enum: see {@link OpenEnum}.
 */
public final class FileInputDetail extends OpenEnum {

    private static final KnownValues<FileInputDetail> KNOWN = new KnownValues<>("FileInputDetail", FileInputDetail::new);

    /** {@code "auto"}. */
    public static final FileInputDetail AUTO = KNOWN.add("auto");

    /** {@code "low"}. */
    public static final FileInputDetail LOW = KNOWN.add("low");

    /** {@code "high"}. */
    public static final FileInputDetail HIGH = KNOWN.add("high");

    private FileInputDetail(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the FileInputDetail for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static FileInputDetail of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<FileInputDetail> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
