package dev.realtimesessions.model;

import org.jspecify.annotations.Nullable;

/**
 * How the conversation is cut when it outgrows the model's input limit ({@code truncation}): a
 * mode ({@code "auto"}, the default, or {@code "disabled"}, which makes an overlong conversation an
 * error), or {@link RetentionRatio}, which drops more at once so that truncation happens less often
 * and more of the prompt cache survives.
 *
 * <p>Like every record that also holds an answer, the constructor does not check values: a request
 * checks them when it is built (and the builder's setters at once), while an answer keeps what the
 * server said.
 *
 * <pre>{@code
 * Truncation.AUTO
 * Truncation.retentionRatio(0.8)
 * Truncation.retentionRatio(0.8, 5_000)
 * }</pre>
 */
public sealed interface Truncation permits Truncation.Mode, Truncation.RetentionRatio {

    /** The server's default strategy: {@code "auto"}. */
    Truncation AUTO = new Mode("auto");

    /** Never truncate; an overlong conversation is an error: {@code "disabled"}. */
    Truncation DISABLED = new Mode("disabled");

    /**
     * A mode by name, known or not.
     *
     * @param mode the mode as the API writes it
     * @return the setting
     */
    static Truncation mode(String mode) {
        return new Mode(mode);
    }

    /**
     * Keeps this fraction of the conversation after the instructions when truncating.
     *
     * @param retentionRatio 0.0 to 1.0
     * @return the setting
     * @throws dev.realtimesessions.ValidationException if {@code retentionRatio} is not finite
     */
    static Truncation retentionRatio(double retentionRatio) {
        return RequestRules.truncation(new RetentionRatio(retentionRatio, null));
    }

    /**
     * Keeps this fraction of the conversation after the instructions when truncating, and
     * truncates once that part passes {@code postInstructionsTokens}.
     *
     * @param retentionRatio 0.0 to 1.0
     * @param postInstructionsTokens the token limit after the instructions
     * @return the setting
     * @throws dev.realtimesessions.ValidationException if {@code retentionRatio} is not finite or
     *     {@code postInstructionsTokens} is negative
     */
    static Truncation retentionRatio(double retentionRatio, int postInstructionsTokens) {
        return RequestRules.truncation(new RetentionRatio(retentionRatio, new TokenLimits(postInstructionsTokens)));
    }

    /**
     * A mode, written as a bare string such as {@code "auto"}.
     *
     * @param value the mode
     */
    record Mode(String value) implements Truncation {
        /**
         * Creates the mode.
         *
         * @param value the mode
         * @throws dev.realtimesessions.ValidationException if {@code value} is blank
         */
        public Mode {
            Checks.notBlank("truncation", value);
        }
    }

    /**
     * {@code {"type": "retention_ratio", "retention_ratio": ..., "token_limits": ...}}.
     *
     * @param retentionRatio the fraction of post-instruction tokens kept, 0.0 to 1.0 ({@code retention_ratio})
     * @param tokenLimits custom limits, or {@code null} for the model's ({@code token_limits})
     */
    record RetentionRatio(double retentionRatio, @Nullable TokenLimits tokenLimits) implements Truncation {
        /**
         * Always {@code "retention_ratio"}.
         *
         * @return {@code "retention_ratio"}
         */
        public String type() {
            return "retention_ratio";
        }
    }

    /**
     * {@code token_limits}: custom token limits for retention-ratio truncation.
     *
     * @param postInstructions the most tokens after the instructions (tools included) before
     *     truncating ({@code post_instructions})
     */
    record TokenLimits(@Nullable Integer postInstructions) {    }
}
