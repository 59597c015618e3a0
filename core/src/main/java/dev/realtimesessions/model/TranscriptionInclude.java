package dev.realtimesessions.model;

import java.util.List;

/**
 * An extra item a transcription session adds to its server events ({@code include} of the beta
 * {@code POST /realtime/transcription_sessions}).
 *
 * <p>An open enum: see {@link OpenEnum}.
 */
public final class TranscriptionInclude extends OpenEnum {

    private static final KnownValues<TranscriptionInclude> KNOWN = new KnownValues<>("TranscriptionInclude", TranscriptionInclude::new);

    /** {@code "item.input_audio_transcription.logprobs"}: the log probabilities of the transcription. */
    public static final TranscriptionInclude ITEM_INPUT_AUDIO_TRANSCRIPTION_LOGPROBS =
            KNOWN.add("item.input_audio_transcription.logprobs");

    private TranscriptionInclude(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the TranscriptionInclude for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static TranscriptionInclude of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<TranscriptionInclude> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
