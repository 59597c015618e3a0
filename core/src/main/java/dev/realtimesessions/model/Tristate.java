package dev.realtimesessions.model;

import dev.realtimesessions.ValidationException;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A JSON field that can be absent, explicitly {@code null}, or hold a value: the API gives the
 * three different meanings. In a request, an absent field leaves the server's default, an explicit
 * {@code null} turns the feature off ({@code "turn_detection": null} disables voice activity
 * detection), and a value configures it. In a response, {@code null} says the feature is off.
 *
 * <pre>{@code
 * Tristate.absent()                      // field omitted
 * Tristate.ofNull()                      // "field": null
 * Tristate.of(TurnDetection.serverVad()) // "field": {...}
 * }</pre>
 *
 * @param <T> the type of the value
 */
public final class Tristate<T> {

    private static final Tristate<?> ABSENT = new Tristate<>(null, false);
    private static final Tristate<?> NULL = new Tristate<>(null, true);

    private final @Nullable T value;
    private final boolean explicitNull;

    private Tristate(@Nullable T value, boolean explicitNull) {
        this.value = value;
        this.explicitNull = explicitNull;
    }

    /**
     * The absent field: omitted from a request, or not sent by the server.
     *
     * @param <T> the value type
     * @return the absent state
     */
    @SuppressWarnings("unchecked")
    public static <T> Tristate<T> absent() {
        return (Tristate<T>) ABSENT;
    }

    /**
     * The explicit JSON {@code null}: written as {@code null}, which turns the feature off.
     *
     * @param <T> the value type
     * @return the null state
     */
    @SuppressWarnings("unchecked")
    public static <T> Tristate<T> ofNull() {
        return (Tristate<T>) NULL;
    }

    /**
     * A field holding a value.
     *
     * @param value the value, not {@code null} (use {@link #ofNull()} for that)
     * @param <T> the value type
     * @return the present state
     * @throws ValidationException if {@code value} is {@code null}
     */
    public static <T> Tristate<T> of(T value) {
        if (value == null) {
            throw new ValidationException("value", "must not be null; use Tristate.ofNull() for an explicit JSON null");
        }
        return new Tristate<>(value, false);
    }

    /**
     * Whether the field is absent.
     *
     * @return {@code true} if absent
     */
    public boolean isAbsent() {
        return value == null && !explicitNull;
    }

    /**
     * Whether the field is an explicit JSON {@code null}.
     *
     * @return {@code true} if explicitly null
     */
    public boolean isNull() {
        return explicitNull;
    }

    /**
     * Whether the field holds a value.
     *
     * @return {@code true} if a value is present
     */
    public boolean isPresent() {
        return value != null;
    }

    /**
     * The value.
     *
     * @return the value
     * @throws NoSuchElementException if the field is absent or null
     */
    public T get() {
        if (value == null) {
            throw new NoSuchElementException(explicitNull ? "the field is an explicit null" : "the field is absent");
        }
        return value;
    }

    /**
     * The value, if present.
     *
     * @return the value, or empty when the field is absent or null
     */
    public Optional<T> toOptional() {
        return Optional.ofNullable(value);
    }

    /**
     * Transforms a present value, keeping absent and null as they are.
     *
     * @param mapper the transformation
     * @param <R> the new value type
     * @return the transformed field
     */
    public <R> Tristate<R> map(Function<? super T, ? extends R> mapper) {
        if (value == null) {
            return explicitNull ? ofNull() : absent();
        }
        return of(mapper.apply(value));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tristate<?> that && that.explicitNull == explicitNull
                && Objects.equals(that.value, value);
    }

    @Override
    public int hashCode() {
        return explicitNull ? -1 : Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return value != null ? String.valueOf(value) : explicitNull ? "null" : "<absent>";
    }
}
