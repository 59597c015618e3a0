package dev.realtimesessions.model;

import dev.realtimesessions.ValidationException;
import java.util.OptionalInt;

/**
 * The most output tokens one response may use ({@code max_response_output_tokens} in the beta
 * shape, {@code max_output_tokens} in the GA shape): a number, or {@code "inf"} for the model's
 * maximum.
 *
 * <pre>{@code
 * MaxOutputTokens.of(1024)
 * MaxOutputTokens.INF
 * }</pre>
 */
public final class MaxOutputTokens {

    /** No limit beyond the model's own: {@code "inf"}. */
    public static final MaxOutputTokens INF = new MaxOutputTokens(-1);

    private final int limit;

    private MaxOutputTokens(int limit) {
        this.limit = limit;
    }

    /**
     * A limit of {@code tokens} output tokens per response (1 to 4096 for the API).
     *
     * @param tokens the limit
     * @return the setting
     * @throws ValidationException if {@code tokens} is negative
     */
    public static MaxOutputTokens of(int tokens) {
        if (tokens < 0) {
            throw new ValidationException("max_output_tokens", "must not be negative, but was " + tokens);
        }
        return new MaxOutputTokens(tokens);
    }

    /**
     * Whether this is {@code "inf"}.
     *
     * @return {@code true} for no limit
     */
    public boolean isInfinite() {
        return limit < 0;
    }

    /**
     * The numeric limit.
     *
     * @return the limit, or empty for {@code "inf"}
     */
    public OptionalInt limit() {
        return limit < 0 ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MaxOutputTokens that && that.limit == limit;
    }

    @Override
    public int hashCode() {
        return limit;
    }

    /**
     * The JSON form.
     *
     * @return {@code inf} or the number
     */
    @Override
    public String toString() {
        return limit < 0 ? "inf" : Integer.toString(limit);
    }
}
