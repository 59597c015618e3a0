package dev.realtimesessions.model;

import java.util.List;

/**
 * The kind of turn detection ({@code turn_detection.type}): plain server voice activity
 * detection, or semantic detection that judges whether the speaker has finished.
 *
 * <p>An open enum: see {@link OpenEnum}.
 */
public final class TurnDetectionType extends OpenEnum {

    private static final KnownValues<TurnDetectionType> KNOWN = new KnownValues<>("TurnDetectionType", TurnDetectionType::new);

    /** {@code "server_vad"}. */
    public static final TurnDetectionType SERVER_VAD = KNOWN.add("server_vad");

    /** {@code "semantic_vad"}. */
    public static final TurnDetectionType SEMANTIC_VAD = KNOWN.add("semantic_vad");

    private TurnDetectionType(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the TurnDetectionType for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static TurnDetectionType of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<TurnDetectionType> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
