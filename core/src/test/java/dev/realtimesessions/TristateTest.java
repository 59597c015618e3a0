package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.realtimesessions.model.Tristate;
import dev.realtimesessions.model.TurnDetection;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@link Tristate}: absent, explicit null, or a value, and nothing in between. */
class TristateTest {

    private static final Function<Object, String> NEVER_CALLED = value -> {
        throw new AssertionError("the mapper ran for " + value);
    };

    @Test
    void absentIsNeitherNullNorPresent() {
        Tristate<String> absent = Tristate.absent();

        assertThat(absent.isAbsent()).isTrue();
        assertThat(absent.isNull()).isFalse();
        assertThat(absent.isPresent()).isFalse();
        assertThat(absent.toOptional()).isEmpty();
        assertThat(absent).hasToString("<absent>");
        assertThat(catchThrowable(absent::get)).isInstanceOf(NoSuchElementException.class).hasMessageContaining("absent");
    }

    @Test
    void explicitNullIsNeitherAbsentNorPresent() {
        Tristate<String> nul = Tristate.ofNull();

        assertThat(nul.isNull()).isTrue();
        assertThat(nul.isAbsent()).isFalse();
        assertThat(nul.isPresent()).isFalse();
        assertThat(nul.toOptional()).isEmpty();
        assertThat(nul).hasToString("null");
        assertThat(catchThrowable(nul::get)).isInstanceOf(NoSuchElementException.class).hasMessageContaining("null");
    }

    @Test
    void valueIsPresent() {
        TurnDetection vad = TurnDetection.serverVad().build();
        Tristate<TurnDetection> present = Tristate.of(vad);

        assertThat(present.isPresent()).isTrue();
        assertThat(present.isAbsent()).isFalse();
        assertThat(present.isNull()).isFalse();
        assertThat(present.get()).isSameAs(vad);
        assertThat(present.toOptional()).containsSame(vad);
        assertThat(present).hasToString(vad.toString());
    }

    @Test
    void theThreeStatesAreDistinctAndEqualWithinThemselves() {
        assertThat(Tristate.<String>absent()).isEqualTo(Tristate.<Integer>absent())
                .isNotEqualTo(Tristate.ofNull()).isNotEqualTo(Tristate.of(""));
        assertThat(Tristate.<String>ofNull()).isEqualTo(Tristate.<Integer>ofNull())
                .isNotEqualTo(Tristate.absent()).isNotEqualTo(Tristate.of("null"));
        assertThat(Tristate.of("x")).isEqualTo(Tristate.of("x")).hasSameHashCodeAs(Tristate.of("x"))
                .isNotEqualTo(Tristate.of("y")).isNotEqualTo("x");
        assertThat(Tristate.absent().hashCode()).isNotEqualTo(Tristate.ofNull().hashCode());
    }

    @Test
    void mapTransformsOnlyAValue() {
        assertThat(Tristate.of(2).map(n -> n * 21)).isEqualTo(Tristate.of(42));
        assertThat(Tristate.absent().map(NEVER_CALLED).isAbsent()).isTrue();
        assertThat(Tristate.ofNull().map(NEVER_CALLED).isNull()).isTrue();
    }

    @Test
    void nullIsNotAValue() {
        Throwable error = catchThrowable(() -> Tristate.of(null));

        assertThat(error).isExactlyInstanceOf(ValidationException.class).hasMessageContaining("Tristate.ofNull()");
    }
}
