package dev.realtimesessions.model;

import java.util.List;

/**
 * The kind of input noise reduction ({@code input_audio_noise_reduction.type}): {@code near_field}
 * for headsets, {@code far_field} for laptop or room microphones.
 *
 * <p>An open enum: see {@link OpenEnum}.
 */
public final class NoiseReductionType extends OpenEnum {

    private static final KnownValues<NoiseReductionType> KNOWN = new KnownValues<>("NoiseReductionType", NoiseReductionType::new);

    /** {@code "near_field"}. */
    public static final NoiseReductionType NEAR_FIELD = KNOWN.add("near_field");

    /** {@code "far_field"}. */
    public static final NoiseReductionType FAR_FIELD = KNOWN.add("far_field");

    private NoiseReductionType(String value) {
        super(value);
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the NoiseReductionType for it
     * @throws dev.realtimesessions.ValidationException if {@code value} is {@code null}
     */
    public static NoiseReductionType of(String value) {
        return KNOWN.of(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<NoiseReductionType> knownValues() {
        return KNOWN.values();
    }

    @Override
    public boolean isKnown() {
        return KNOWN.isKnown(this);
    }
}
