package dev.realtimesessions.model;

import org.jspecify.annotations.Nullable;

/**
 * Input noise reduction ({@code input_audio_noise_reduction} in the beta shapes,
 * {@code audio.input.noise_reduction} in the GA shapes): filters the input before voice activity
 * detection and the model hear it.
 *
 * @param type the microphone kind to filter for ({@code type})
 */
public record NoiseReduction(@Nullable NoiseReductionType type) {

    /** Noise reduction for headsets and other close-talking microphones. */
    public static final NoiseReduction NEAR_FIELD = new NoiseReduction(NoiseReductionType.NEAR_FIELD);

    /** Noise reduction for laptop and conference-room microphones. */
    public static final NoiseReduction FAR_FIELD = new NoiseReduction(NoiseReductionType.FAR_FIELD);
}
