package dev.realtimesessions.model;

import java.util.List;

/**
 * The Realtime model of a session ({@code model}). New models work before this library lists
 * them: pass their name to {@link #of(String)}.
 *
 * <p>An open enum: see {@link OpenEnum}.
 */
public final class RealtimeModel extends OpenEnum {

    private static final KnownValues<RealtimeModel> KNOWN = new KnownValues<>("RealtimeModel", RealtimeModel::new);

    /** {@code "gpt-realtime"}. */
    public static final RealtimeModel GPT_REALTIME = KNOWN.add("gpt-realtime");

    /** {@code "gpt-realtime-1.5"}. */
    public static final RealtimeModel GPT_REALTIME_1_5 = KNOWN.add("gpt-realtime-1.5");

    /** {@code "gpt-realtime-2"}. */
    public static final RealtimeModel GPT_REALTIME_2 = KNOWN.add("gpt-realtime-2");

    /** {@code "gpt-realtime-2.1"}. */
    public static final RealtimeModel GPT_REALTIME_2_1 = KNOWN.add("gpt-realtime-2.1");

    /** {@code "gpt-realtime-2.1-mini"}. */
    public static final RealtimeModel GPT_REALTIME_2_1_MINI = KNOWN.add("gpt-realtime-2.1-mini");

    /** {@code "gpt-realtime-2025-08-28"}. */
    public static final RealtimeModel GPT_REALTIME_2025_08_28 = KNOWN.add("gpt-realtime-2025-08-28");

    /** {@code "gpt-4o-realtime-preview"}. */
    public static final RealtimeModel GPT_4O_REALTIME_PREVIEW = KNOWN.add("gpt-4o-realtime-preview");

    /** {@code "gpt-4o-realtime-preview-2024-10-01"}. */
    public static final RealtimeModel GPT_4O_REALTIME_PREVIEW_2024_10_01 = KNOWN.add("gpt-4o-realtime-preview-2024-10-01");

    /** {@code "gpt-4o-realtime-preview-2024-12-17"}. */
    public static final RealtimeModel GPT_4O_REALTIME_PREVIEW_2024_12_17 = KNOWN.add("gpt-4o-realtime-preview-2024-12-17");

    /** {@code "gpt-4o-realtime-preview-2025-06-03"}. */
    public static final RealtimeModel GPT_4O_REALTIME_PREVIEW_2025_06_03 = KNOWN.add("gpt-4o-realtime-preview-2025-06-03");

    /** {@code "gpt-4o-mini-realtime-preview"}. */
    public static final RealtimeModel GPT_4O_MINI_REALTIME_PREVIEW = KNOWN.add("gpt-4o-mini-realtime-preview");

    /** {@code "gpt-4o-mini-realtime-preview-2024-12-17"}. */
    public static final RealtimeModel GPT_4O_MINI_REALTIME_PREVIEW_2024_12_17 = KNOWN.add("gpt-4o-mini-realtime-preview-2024-12-17");

    /** {@code "gpt-realtime-mini"}. */
    public static final RealtimeModel GPT_REALTIME_MINI = KNOWN.add("gpt-realtime-mini");

    /** {@code "gpt-realtime-mini-2025-10-06"}. */
    public static final RealtimeModel GPT_REALTIME_MINI_2025_10_06 = KNOWN.add("gpt-realtime-mini-2025-10-06");

    /** {@code "gpt-realtime-mini-2025-12-15"}. */
    public static final RealtimeModel GPT_REALTIME_MINI_2025_12_15 = KNOWN.add("gpt-realtime-mini-2025-12-15");

    /** {@code "gpt-audio-1.5"}. */
    public static final RealtimeModel GPT_AUDIO_1_5 = KNOWN.add("gpt-audio-1.5");

    /** {@code "gpt-audio-mini"}. */
    public static final RealtimeModel GPT_AUDIO_MINI = KNOWN.add("gpt-audio-mini");

    /** {@code "gpt-audio-mini-2025-10-06"}. */
    public static final RealtimeModel GPT_AUDIO_MINI_2025_10_06 = KNOWN.add("gpt-audio-mini-2025-10-06");

    /** {@code "gpt-audio-mini-2025-12-15"}. */
    public static final RealtimeModel GPT_AUDIO_MINI_2025_12_15 = KNOWN.add("gpt-audio-mini-2025-12-15");

    private RealtimeModel(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the RealtimeModel for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static RealtimeModel of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<RealtimeModel> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
