package dev.realtimesessions.model;

import java.util.List;

/**
 * The voice the model speaks with ({@code voice} in the beta shapes, {@code audio.output.voice} in
 * the GA shapes). Any other voice name the API accepts can be given with {@link #of(String)}; a
 * custom voice made for the account is referenced by its id with {@link #custom(String)}, which
 * only the GA endpoint accepts.
 *
 * <pre>{@code
 * Voice.MARIN                 // "voice": "marin"
 * Voice.custom("voice_1234")  // "voice": {"id": "voice_1234"}
 * }</pre>
 *
 * <p>An open enum: see {@link OpenEnum}. A custom voice's {@link #value()} is its id; it is never
 * equal to a built-in voice of the same name.
 */
public sealed class Voice extends OpenEnum {

    private static final KnownValues<Voice> KNOWN = new KnownValues<>("Voice", Voice::new);

    /** {@code "alloy"}. */
    public static final Voice ALLOY = KNOWN.add("alloy");

    /** {@code "ash"}. */
    public static final Voice ASH = KNOWN.add("ash");

    /** {@code "ballad"}. */
    public static final Voice BALLAD = KNOWN.add("ballad");

    /** {@code "coral"}. */
    public static final Voice CORAL = KNOWN.add("coral");

    /** {@code "echo"}. */
    public static final Voice ECHO = KNOWN.add("echo");

    /** {@code "fable"}. */
    public static final Voice FABLE = KNOWN.add("fable");

    /** {@code "onyx"}. */
    public static final Voice ONYX = KNOWN.add("onyx");

    /** {@code "nova"}. */
    public static final Voice NOVA = KNOWN.add("nova");

    /** {@code "sage"}. */
    public static final Voice SAGE = KNOWN.add("sage");

    /** {@code "shimmer"}. */
    public static final Voice SHIMMER = KNOWN.add("shimmer");

    /** {@code "verse"}. */
    public static final Voice VERSE = KNOWN.add("verse");

    /** {@code "marin"}. */
    public static final Voice MARIN = KNOWN.add("marin");

    /** {@code "cedar"}. */
    public static final Voice CEDAR = KNOWN.add("cedar");

    private Voice(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the Voice for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static Voice of(String value) {
        return KNOWN.of(value);
    }

    /**
     * A custom voice, referenced by its id: written as {@code {"id": "voice_1234"}}. GA endpoint only.
     *
     * @param id the custom voice's id, such as {@code voice_1234}
     * @return the voice
     * @throws dev.realtimesessions.ValidationException if {@code id} is null or blank
     */
    public static Voice custom(String id) {
        return new Custom(Checks.notBlank("voice.id", id));
    }

    /**
     * Whether this is a custom voice reference ({@code {"id": ...}}) rather than a voice name.
     *
     * @return {@code true} for a voice made by {@link #custom(String)}
     */
    public boolean isCustom() {
        return false;
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<Voice> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return !isCustom() && KNOWN.isKnown(this);
    }

    /** A custom voice reference; its value is the voice's id. */
    private static final class Custom extends Voice {

        private Custom(String id) {
            super(id);
        }

        @Override
        public boolean isCustom() {
            return true;
        }
    }
}
