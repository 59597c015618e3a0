package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.realtimesessions.model.AudioFormat;
import dev.realtimesessions.model.Eagerness;
import dev.realtimesessions.model.LiveModel;
import dev.realtimesessions.model.LiveVoice;
import dev.realtimesessions.model.Modality;
import dev.realtimesessions.model.NoiseReductionType;
import dev.realtimesessions.model.OpenEnum;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.ReasoningSummary;
import dev.realtimesessions.model.ResponsesReasoningEffort;
import dev.realtimesessions.model.ServiceTier;
import dev.realtimesessions.model.TranscriptionDelay;
import dev.realtimesessions.model.TranscriptionModel;
import dev.realtimesessions.model.TranslationModel;
import dev.realtimesessions.model.TurnDetectionType;
import dev.realtimesessions.model.Verbosity;
import dev.realtimesessions.model.Voice;
import dev.realtimesessions.spec.BetaReadme;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The open enums: constants for documented values, any other value kept as it came. */
class OpenEnumTest {

    static Stream<Arguments> types() {
        return Stream.of(
                type(Voice.class, Voice::of, Voice::knownValues),
                type(RealtimeModel.class, RealtimeModel::of, RealtimeModel::knownValues),
                type(Modality.class, Modality::of, Modality::knownValues),
                type(AudioFormat.class, AudioFormat::of, AudioFormat::knownValues),
                type(Eagerness.class, Eagerness::of, Eagerness::knownValues),
                type(TurnDetectionType.class, TurnDetectionType::of, TurnDetectionType::knownValues),
                type(NoiseReductionType.class, NoiseReductionType::of, NoiseReductionType::knownValues),
                type(TranscriptionModel.class, TranscriptionModel::of, TranscriptionModel::knownValues),
                type(TranscriptionDelay.class, TranscriptionDelay::of, TranscriptionDelay::knownValues),
                type(LiveModel.class, LiveModel::of, LiveModel::knownValues),
                type(LiveVoice.class, LiveVoice::of, LiveVoice::knownValues),
                type(ResponsesReasoningEffort.class, ResponsesReasoningEffort::of, ResponsesReasoningEffort::knownValues),
                type(ReasoningSummary.class, ReasoningSummary::of, ReasoningSummary::knownValues),
                type(ServiceTier.class, ServiceTier::of, ServiceTier::knownValues),
                type(Verbosity.class, Verbosity::of, Verbosity::knownValues),
                type(TranslationModel.class, TranslationModel::of, TranslationModel::knownValues));
    }

    private static <E extends OpenEnum> Arguments type(Class<E> type, Function<String, E> of,
            Supplier<List<E>> knownValues) {
        return Arguments.of(type.getSimpleName(), type, of, knownValues);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void ofReturnsTheSameConstantForAKnownValue(String name, Class<?> type, Function<String, OpenEnum> of,
            Supplier<List<? extends OpenEnum>> knownValues) {
        assertThat(knownValues.get()).isNotEmpty();
        for (OpenEnum constant : knownValues.get()) {
            assertThat(of.apply(constant.value())).isSameAs(constant);
            assertThat(constant.isKnown()).isTrue();
            assertThat(constant.toString()).isEqualTo(constant.value());
            assertThat(constant).isExactlyInstanceOf(type);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void unknownValueIsKeptAndEqualByValue(String name, Class<?> type, Function<String, OpenEnum> of,
            Supplier<List<? extends OpenEnum>> knownValues) {
        List<? extends OpenEnum> before = knownValues.get();

        OpenEnum first = of.apply("from-the-future-2030");
        OpenEnum second = of.apply("from-the-future-2030");

        assertThat(first.value()).isEqualTo("from-the-future-2030");
        assertThat(first.toString()).isEqualTo("from-the-future-2030");
        assertThat(first.isKnown()).isFalse();
        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second).isExactlyInstanceOf(type);
        assertThat(first).isNotEqualTo(of.apply("from-the-future-2031"));
        assertThat(knownValues.get()).as("of(...) does not make a value known").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void everyPublicConstantIsAKnownValueNamedAfterIt(String name, Class<?> type, Function<String, OpenEnum> of,
            Supplier<List<? extends OpenEnum>> knownValues) throws IllegalAccessException {
        List<OpenEnum> constants = new ArrayList<>();
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == type) {
                OpenEnum constant = (OpenEnum) field.get(null);
                constants.add(constant);
                assertThat(field.getName()).isEqualTo(constant.value().toUpperCase(Locale.ROOT).replaceAll("[-.]", "_"));
            }
        }
        assertThat(constants).containsExactlyElementsOf(knownValues.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void knownValuesCannotBeModified(String name, Class<?> type, Function<String, OpenEnum> of,
            Supplier<List<OpenEnum>> knownValues) {
        List<OpenEnum> values = knownValues.get();

        assertThat(catchThrowable(() -> values.add(of.apply("x")))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(catchThrowable(() -> values.remove(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void knownValuesAreInTheOrderTheApiListsThem() {
        assertThat(Voice.knownValues()).extracting(OpenEnum::value).containsExactly("alloy", "ash", "ballad", "coral",
                "echo", "fable", "onyx", "nova", "sage", "shimmer", "verse", "marin", "cedar");
        assertThat(RealtimeModel.knownValues()).extracting(OpenEnum::value)
                .as("the beta models in the order the spec README lists them, among the GA ones")
                .containsSubsequence(BetaReadme.MODELS.toArray(String[]::new));
        assertThat(Modality.knownValues()).containsExactly(Modality.TEXT, Modality.AUDIO);
        assertThat(AudioFormat.knownValues()).containsExactly(AudioFormat.PCM16, AudioFormat.G711_ULAW, AudioFormat.G711_ALAW);
        assertThat(Eagerness.knownValues()).containsExactly(Eagerness.LOW, Eagerness.MEDIUM, Eagerness.HIGH, Eagerness.AUTO);
        assertThat(TurnDetectionType.knownValues())
                .containsExactly(TurnDetectionType.SERVER_VAD, TurnDetectionType.SEMANTIC_VAD);
        assertThat(NoiseReductionType.knownValues())
                .containsExactly(NoiseReductionType.NEAR_FIELD, NoiseReductionType.FAR_FIELD);
        assertThat(TranscriptionDelay.knownValues()).extracting(OpenEnum::value)
                .containsExactly("minimal", "low", "medium", "high", "xhigh");
        assertThat(TranscriptionModel.knownValues()).extracting(OpenEnum::value).startsWith("whisper-1",
                "gpt-4o-transcribe", "gpt-4o-mini-transcribe");
    }

    @Test
    void toStringIsTheWireValue() {
        assertThat(Voice.ALLOY).hasToString("alloy");
        assertThat(RealtimeModel.GPT_4O_MINI_REALTIME_PREVIEW_2024_12_17).hasToString("gpt-4o-mini-realtime-preview-2024-12-17");
        assertThat(AudioFormat.G711_ULAW).hasToString("g711_ulaw");
        assertThat(TranscriptionModel.WHISPER_1).hasToString("whisper-1");
        assertThat(Voice.of("nova2")).hasToString("nova2");
    }

    @Test
    void valuesOfDifferentTypesAreNeverEqual() {
        assertThat(Eagerness.LOW.value()).isEqualTo(TranscriptionDelay.LOW.value());

        assertThat((Object) Eagerness.LOW).isNotEqualTo(TranscriptionDelay.LOW);
        assertThat((Object) Eagerness.of("x")).isNotEqualTo(Voice.of("x"));
        assertThat((Object) Voice.ALLOY).isNotEqualTo("alloy");
        assertThat(Voice.ALLOY).isNotEqualTo(null);
    }

    @Test
    void valuesAreCaseSensitiveAsOnTheWire() {
        Voice shouted = Voice.of("ALLOY");

        assertThat(shouted).isNotEqualTo(Voice.ALLOY);
        assertThat(shouted.isKnown()).isFalse();
        assertThat(Voice.of(" alloy").isKnown()).isFalse();
    }
}
