package dev.realtimesessions.model;

import java.util.List;

/**
 * How long transcription waits before emitting text ({@code delay}, GA sessions with
 * {@code gpt-realtime-whisper} only): longer is more accurate, shorter is faster.
 *
 * <p>An open enum: see {@link OpenEnum}.
 */
public final class TranscriptionDelay extends OpenEnum {

    private static final KnownValues<TranscriptionDelay> KNOWN = new KnownValues<>("TranscriptionDelay", TranscriptionDelay::new);

    /** {@code "minimal"}. */
    public static final TranscriptionDelay MINIMAL = KNOWN.add("minimal");

    /** {@code "low"}. */
    public static final TranscriptionDelay LOW = KNOWN.add("low");

    /** {@code "medium"}. */
    public static final TranscriptionDelay MEDIUM = KNOWN.add("medium");

    /** {@code "high"}. */
    public static final TranscriptionDelay HIGH = KNOWN.add("high");

    /** {@code "xhigh"}. */
    public static final TranscriptionDelay XHIGH = KNOWN.add("xhigh");

    private TranscriptionDelay(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the TranscriptionDelay for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static TranscriptionDelay of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<TranscriptionDelay> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
