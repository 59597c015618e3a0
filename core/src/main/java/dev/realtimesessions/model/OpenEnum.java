package dev.realtimesessions.model;

/**
 * A string-valued enum that stays open: it has constants for the values the API documents and
 * also holds any other value the server sends, so that a new voice or model never breaks parsing
 * and round-trips unchanged.
 *
 * <p>Subclasses ({@link Voice}, {@link Modality}, {@link AudioFormat}, {@link RealtimeModel}, ...)
 * are obtained with their {@code of(String)} factory, which returns the constant for a documented
 * value and a new instance for any other. Two instances are equal when they are of the same type and
 * hold the same value.
 */
public abstract class OpenEnum {

    private final String value;

    OpenEnum(String value) {
        this.value = value;
    }

    /**
     * The value as the API writes it, for example {@code "alloy"}.
     *
     * @return the wire value
     */
    public final String value() {
        return value;
    }

    /**
     * Whether this value is one of the type's documented constants.
     *
     * @return {@code true} for a documented value, {@code false} for one this library does not know
     */
    public abstract boolean isKnown();

    @Override
    public final boolean equals(Object other) {
        return other == this
                || other != null && other.getClass() == getClass() && ((OpenEnum) other).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    /**
     * The wire value.
     *
     * @return {@link #value()}
     */
    @Override
    public final String toString() {
        return value;
    }
}
