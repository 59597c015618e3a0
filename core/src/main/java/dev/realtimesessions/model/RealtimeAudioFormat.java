package dev.realtimesessions.model;

import org.jspecify.annotations.Nullable;

/**
 * An audio format of the GA shapes ({@code audio.input.format}, {@code audio.output.format}): an
 * object such as {@code {"type": "audio/pcm", "rate": 24000}}.
 *
 * <pre>{@code
 * RealtimeAudioFormat.PCM_24KHZ   // {"type": "audio/pcm", "rate": 24000}
 * RealtimeAudioFormat.PCMU        // {"type": "audio/pcmu"}
 * }</pre>
 *
 * @param type the encoding ({@code type})
 * @param rate the sample rate in Hz, {@code 24000} for PCM, or {@code null} to leave it out ({@code rate})
 */
public record RealtimeAudioFormat(RealtimeAudioFormatType type, @Nullable Integer rate) {

    /** 16-bit PCM at 24 kHz, the only PCM rate the API supports: {@code {"type": "audio/pcm", "rate": 24000}}. */
    public static final RealtimeAudioFormat PCM_24KHZ = new RealtimeAudioFormat(RealtimeAudioFormatType.PCM, 24_000);

    /** G.711 μ-law: {@code {"type": "audio/pcmu"}}. */
    public static final RealtimeAudioFormat PCMU = new RealtimeAudioFormat(RealtimeAudioFormatType.PCMU, null);

    /** G.711 A-law: {@code {"type": "audio/pcma"}}. */
    public static final RealtimeAudioFormat PCMA = new RealtimeAudioFormat(RealtimeAudioFormatType.PCMA, null);

    /**
     * Creates the format.
     *
     * @param type the encoding ({@code type})
     * @param rate the sample rate in Hz, {@code 24000} for PCM, or {@code null} to leave it out ({@code rate})
     * @throws dev.realtimesessions.ValidationException if {@code type} is null (a request also
     *     refuses a negative {@code rate})
     */
    public RealtimeAudioFormat {
        Checks.notNull("format.type", type);
    }

    /**
     * A format of the given encoding, without a rate.
     *
     * @param type the encoding
     * @return the format
     */
    public static RealtimeAudioFormat of(RealtimeAudioFormatType type) {
        return new RealtimeAudioFormat(type, null);
    }
}
