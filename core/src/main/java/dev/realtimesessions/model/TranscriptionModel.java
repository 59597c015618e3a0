package dev.realtimesessions.model;

import java.util.List;

/**
 * The model that transcribes input audio ({@code input_audio_transcription.model}).
 *
 * <p>An open enum: see {@link OpenEnum}.
 */
public final class TranscriptionModel extends OpenEnum {

    private static final KnownValues<TranscriptionModel> KNOWN = new KnownValues<>("TranscriptionModel", TranscriptionModel::new);

    /** {@code "whisper-1"}. */
    public static final TranscriptionModel WHISPER_1 = KNOWN.add("whisper-1");

    /** {@code "gpt-4o-transcribe"}. */
    public static final TranscriptionModel GPT_4O_TRANSCRIBE = KNOWN.add("gpt-4o-transcribe");

    /** {@code "gpt-4o-mini-transcribe"}. */
    public static final TranscriptionModel GPT_4O_MINI_TRANSCRIBE = KNOWN.add("gpt-4o-mini-transcribe");

    /** {@code "gpt-4o-mini-transcribe-2025-12-15"}. */
    public static final TranscriptionModel GPT_4O_MINI_TRANSCRIBE_2025_12_15 = KNOWN.add("gpt-4o-mini-transcribe-2025-12-15");

    /** {@code "gpt-4o-transcribe-diarize"}. */
    public static final TranscriptionModel GPT_4O_TRANSCRIBE_DIARIZE = KNOWN.add("gpt-4o-transcribe-diarize");

    /** {@code "gpt-transcribe"}. */
    public static final TranscriptionModel GPT_TRANSCRIBE = KNOWN.add("gpt-transcribe");

    /** {@code "gpt-live-transcribe"}. */
    public static final TranscriptionModel GPT_LIVE_TRANSCRIBE = KNOWN.add("gpt-live-transcribe");

    /** {@code "gpt-realtime-whisper"}. */
    public static final TranscriptionModel GPT_REALTIME_WHISPER = KNOWN.add("gpt-realtime-whisper");

    private TranscriptionModel(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the TranscriptionModel for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static TranscriptionModel of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<TranscriptionModel> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
