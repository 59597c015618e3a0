package dev.realtimesessions.internal;

import dev.realtimesessions.model.OpenEnum;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The string values a field is known to hold, each with the constant it reads as: {@link JsonIn}
 * matches the parser's characters against them, so a known value is read without making a
 * {@code String} or a new object. Any other value is made by the fallback factory.
 *
 * <pre>{@code
 * WireConstants<Voice> VOICES = WireConstants.openEnum(Voice.knownValues(), Voice::of);
 * Voice voice = in.string(VOICES);
 * }</pre>
 *
 * @param <T> what a value reads as
 */
final class WireConstants<T> {

    private final char[][] texts;
    private final List<T> constants;
    private final Function<String, T> fallback;

    private WireConstants(List<T> constants, Function<T, String> wireValue, Function<String, T> fallback) {
        this.constants = List.copyOf(constants);
        this.texts = new char[constants.size()][];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = wireValue.apply(constants.get(i)).toCharArray();
        }
        this.fallback = fallback;
    }

    /** The documented constants of an open enum type; any other value is made by its {@code of}. */
    static <E extends OpenEnum> WireConstants<E> openEnum(List<E> known, Function<String, E> of) {
        return new WireConstants<>(known, OpenEnum::value, of);
    }

    /** Constants written as {@code wireValue} gives; any other value is made by {@code fallback}. */
    static <T> WireConstants<T> of(List<T> constants, Function<T, String> wireValue, Function<String, T> fallback) {
        return new WireConstants<>(constants, wireValue, fallback);
    }

    /** Strings that read as these shared instances; any other string is read as it is. */
    static WireConstants<String> strings(String... values) {
        return new WireConstants<>(List.of(values), Function.identity(), Function.identity());
    }

    /** The constant written as {@code text[offset, offset + length)}, or {@code null} if there is none. */
    @Nullable T find(char[] text, int offset, int length) {
        for (int i = 0; i < texts.length; i++) {
            char[] known = texts[i];
            if (known.length == length && Arrays.equals(known, 0, length, text, offset, offset + length)) {
                return constants.get(i);
            }
        }
        return null;
    }

    /** The value for a string that is none of the constants. */
    T other(String value) {
        return fallback.apply(value);
    }
}
