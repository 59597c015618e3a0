package dev.realtimesessions.model;

import java.util.List;

/**
 * The beta endpoints' audio encoding ({@code input_audio_format}, {@code output_audio_format}).
 * {@code pcm16} is 16-bit little-endian mono PCM at 24 kHz.
 *
 * <p>An open enum: see {@link OpenEnum}.
 */
public final class AudioFormat extends OpenEnum {

    private static final KnownValues<AudioFormat> KNOWN = new KnownValues<>("AudioFormat", AudioFormat::new);

    /** {@code "pcm16"}. */
    public static final AudioFormat PCM16 = KNOWN.add("pcm16");

    /** {@code "g711_ulaw"}. */
    public static final AudioFormat G711_ULAW = KNOWN.add("g711_ulaw");

    /** {@code "g711_alaw"}. */
    public static final AudioFormat G711_ALAW = KNOWN.add("g711_alaw");

    private AudioFormat(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the AudioFormat for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static AudioFormat of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<AudioFormat> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
