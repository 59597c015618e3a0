package dev.realtimesessions.model;

import java.util.List;

/**
 * The voice a GPT-Live session speaks with ({@code session.audio.output.voice}): a built-in voice,
 * or a custom voice made for the account, referenced by its id. The default is {@code marin}; the
 * voice cannot change once the session has started.
 *
 * <pre>{@code
 * LiveVoice.MARIN                 // "voice": "marin"
 * LiveVoice.custom("voice_1234")  // "voice": {"id": "voice_1234"}
 * }</pre>
 *
 * <p>An open enum: see {@link OpenEnum}. The constants are the 22 voices of {@code LiveBuiltInVoice}
 * in the spec OpenAI's Node SDK is generated from; that SDK's own types list nine more (brise, flitz,
 * harema, juni, nira, noeul, nuri, shitan, sillage), which {@link #of(String)} takes as it takes any
 * other name. It is a different type from the Realtime {@link Voice}: the two APIs offer different
 * voices. A custom voice's {@link #value()} is its id; it is never equal to a built-in voice of the
 * same name.
 */
public sealed class LiveVoice extends OpenEnum {

    private static final KnownValues<LiveVoice> KNOWN = new KnownValues<>("LiveVoice", LiveVoice::new);

    /** {@code "alloy"}. */
    public static final LiveVoice ALLOY = KNOWN.add("alloy");

    /** {@code "ash"}. */
    public static final LiveVoice ASH = KNOWN.add("ash");

    /** {@code "ballad"}. */
    public static final LiveVoice BALLAD = KNOWN.add("ballad");

    /** {@code "beacon"}. */
    public static final LiveVoice BEACON = KNOWN.add("beacon");

    /** {@code "bossa"}. */
    public static final LiveVoice BOSSA = KNOWN.add("bossa");

    /** {@code "cedar"}. */
    public static final LiveVoice CEDAR = KNOWN.add("cedar");

    /** {@code "cinder"}. */
    public static final LiveVoice CINDER = KNOWN.add("cinder");

    /** {@code "coral"}. */
    public static final LiveVoice CORAL = KNOWN.add("coral");

    /** {@code "delta"}. */
    public static final LiveVoice DELTA = KNOWN.add("delta");

    /** {@code "echo"}. */
    public static final LiveVoice ECHO = KNOWN.add("echo");

    /** {@code "gleam"}. */
    public static final LiveVoice GLEAM = KNOWN.add("gleam");

    /** {@code "marin"}. */
    public static final LiveVoice MARIN = KNOWN.add("marin");

    /** {@code "meridian"}. */
    public static final LiveVoice MERIDIAN = KNOWN.add("meridian");

    /** {@code "quartz"}. */
    public static final LiveVoice QUARTZ = KNOWN.add("quartz");

    /** {@code "ripple"}. */
    public static final LiveVoice RIPPLE = KNOWN.add("ripple");

    /** {@code "sage"}. */
    public static final LiveVoice SAGE = KNOWN.add("sage");

    /** {@code "shimmer"}. */
    public static final LiveVoice SHIMMER = KNOWN.add("shimmer");

    /** {@code "stone"}. */
    public static final LiveVoice STONE = KNOWN.add("stone");

    /** {@code "tempo"}. */
    public static final LiveVoice TEMPO = KNOWN.add("tempo");

    /** {@code "verse"}. */
    public static final LiveVoice VERSE = KNOWN.add("verse");

    /** {@code "vesper"}. */
    public static final LiveVoice VESPER = KNOWN.add("vesper");

    /** {@code "willow"}. */
    public static final LiveVoice WILLOW = KNOWN.add("willow");

    private LiveVoice(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the voice's name
     * @return the LiveVoice for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static LiveVoice of(String value) {
        return KNOWN.of(value);
    }

    /**
     * A custom voice, referenced by its id: written as {@code {"id": "voice_1234"}}.
     *
     * @param id the custom voice's id, such as {@code voice_1234}
     * @return the voice
     * @throws dev.realtimesessions.ValidationException if {@code id} is null or blank
     */
    public static LiveVoice custom(String id) {
        return new Custom(Checks.notBlank("session.audio.output.voice.id", id));
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
     * The documented built-in voices, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<LiveVoice> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return !isCustom() && KNOWN.isKnown(this);
    }

    /** A custom voice reference; its value is the voice's id. */
    private static final class Custom extends LiveVoice {

        private Custom(String id) {
            super(id);
        }

        @Override
        public boolean isCustom() {
            return true;
        }
    }
}
