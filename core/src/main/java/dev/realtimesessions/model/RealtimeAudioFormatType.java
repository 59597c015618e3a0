package dev.realtimesessions.model;

import java.util.List;

/**
 * The encoding of a GA audio format ({@code audio.input.format.type}, {@code audio.output.format.type}):
 * {@code audio/pcm} (16-bit PCM at 24 kHz), {@code audio/pcmu} (G.711 μ-law) or {@code audio/pcma}
 * (G.711 A-law).
 *
 * <p>An open enum: see {@link OpenEnum}.
 */
public final class RealtimeAudioFormatType extends OpenEnum {

    private static final KnownValues<RealtimeAudioFormatType> KNOWN = new KnownValues<>("RealtimeAudioFormatType", RealtimeAudioFormatType::new);

    /** {@code "audio/pcm"}. */
    public static final RealtimeAudioFormatType PCM = KNOWN.add("audio/pcm");

    /** {@code "audio/pcmu"}. */
    public static final RealtimeAudioFormatType PCMU = KNOWN.add("audio/pcmu");

    /** {@code "audio/pcma"}. */
    public static final RealtimeAudioFormatType PCMA = KNOWN.add("audio/pcma");

    private RealtimeAudioFormatType(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the RealtimeAudioFormatType for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static RealtimeAudioFormatType of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<RealtimeAudioFormatType> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
