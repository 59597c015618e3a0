package dev.realtimesessions.model;

import java.util.List;

/**
 * Additional data the server adds to its events for the session ({@code include}).
 *
 * <p>An open enum: see {@link OpenEnum}.
 */
public final class Include extends OpenEnum {

    private static final KnownValues<Include> KNOWN = new KnownValues<>("Include", Include::new);

    /** {@code "item.input_audio_transcription.logprobs"}. */
    public static final Include ITEM_INPUT_AUDIO_TRANSCRIPTION_LOGPROBS = KNOWN.add("item.input_audio_transcription.logprobs");

    private Include(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the Include for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static Include of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<Include> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
