package dev.realtimesessions.model;

import org.jspecify.annotations.Nullable;

/**
 * The value rules of what this library sends, applied to a request's whole tree when the request
 * (or its session configuration) is built, each naming the JSON field at fault.
 *
 * <p>They live here and not in the constructors of the records they check because the same
 * records hold what the server answers, and an answer is read as it came: a negative
 * {@code prefix_padding_ms} echoed by the server is kept, while one a caller tries to send fails
 * before any byte is sent. Builders apply the same rules at once, in their setters.
 */
final class RequestRules {

    private RequestRules() {
    }

    /** Checks turn detection: a finite threshold, no negative duration. */
    static @Nullable TurnDetection turnDetection(@Nullable TurnDetection detection) {
        if (detection != null) {
            if (detection.threshold() != null) {
                Checks.finite("turn_detection.threshold", detection.threshold());
            }
            nonNegative("turn_detection.prefix_padding_ms", detection.prefixPaddingMs());
            nonNegative("turn_detection.silence_duration_ms", detection.silenceDurationMs());
            nonNegative("turn_detection.idle_timeout_ms", detection.idleTimeoutMs());
        }
        return detection;
    }

    /** Checks a GA audio format: no negative rate. */
    static @Nullable RealtimeAudioFormat format(@Nullable RealtimeAudioFormat format) {
        if (format != null) {
            nonNegative("format.rate", format.rate());
        }
        return format;
    }

    /** Checks GA input audio: its format and turn detection. */
    static void audioInput(@Nullable AudioInputConfig input) {
        if (input != null) {
            format(input.format());
            turnDetection(input.turnDetection().toOptional().orElse(null));
        }
    }

    /** Checks GA output audio: its format and a finite speed. */
    static void audioOutput(@Nullable AudioOutputConfig output) {
        if (output != null) {
            format(output.format());
            if (output.speed() != null) {
                Checks.finite("audio.output.speed", output.speed());
            }
        }
    }

    /** Checks truncation: a finite retention ratio, no negative token limit. */
    static @Nullable Truncation truncation(@Nullable Truncation truncation) {
        if (truncation instanceof Truncation.RetentionRatio ratio) {
            Checks.finite("truncation.retention_ratio", ratio.retentionRatio());
            if (ratio.tokenLimits() != null) {
                nonNegative("truncation.token_limits.post_instructions", ratio.tokenLimits().postInstructions());
            }
        }
        return truncation;
    }

    private static void nonNegative(String field, @Nullable Integer value) {
        if (value != null) {
            Checks.nonNegative(field, value);
        }
    }
}
