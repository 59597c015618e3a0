package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.realtimesessions.model.AudioFormat;
import dev.realtimesessions.model.AudioTranscription;
import dev.realtimesessions.model.ClientSecret;
import dev.realtimesessions.model.ClientSecretConfig;
import dev.realtimesessions.model.Eagerness;
import dev.realtimesessions.model.ExpiresAfter;
import dev.realtimesessions.model.FunctionTool;
import dev.realtimesessions.model.Modality;
import dev.realtimesessions.model.NoiseReduction;
import dev.realtimesessions.model.NoiseReductionType;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.Tool;
import dev.realtimesessions.model.ToolChoice;
import dev.realtimesessions.model.Tracing;
import dev.realtimesessions.model.TranscriptionDelay;
import dev.realtimesessions.model.TranscriptionModel;
import dev.realtimesessions.model.Tristate;
import dev.realtimesessions.model.TurnDetection;
import dev.realtimesessions.model.TurnDetectionType;
import dev.realtimesessions.model.UnknownTool;
import dev.realtimesessions.model.Voice;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Structural validation of request records and their builders: a {@link ValidationException}
 * naming the JSON field, never a {@link NullPointerException}.
 */
class RequestValidationTest {

    private static RealtimeSessionCreateRequest.Builder request() {
        return RealtimeSessionCreateRequest.builder().model(RealtimeModel.GPT_REALTIME);
    }

    /** Asserts that {@code call} throws a ValidationException about {@code field}, and returns it. */
    static ValidationException rejects(ThrowingCallable call, String field) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected a ValidationException about %s", field)
                .isExactlyInstanceOf(ValidationException.class);
        ValidationException validation = (ValidationException) thrown;
        assertThat(validation.field()).isEqualTo(field);
        assertThat(validation.getMessage()).startsWith(field + " ");
        return validation;
    }

    @Test
    void missingModelIsRejectedAtBuild() {
        ValidationException error = rejects(() -> RealtimeSessionCreateRequest.builder().instructions("hi").build(), "model");

        assertThat(error.getMessage()).contains("required");
    }

    @Test
    void blankModelIsRejected() {
        rejects(() -> RealtimeSessionCreateRequest.builder().model("").build(), "model");
        rejects(() -> RealtimeSessionCreateRequest.builder().model(" \t").build(), "model");
        rejects(() -> RealtimeSessionCreateRequest.builder().model(RealtimeModel.of("  ")).build(), "model");
        rejects(() -> request().build().toBuilder().model(RealtimeModel.of("")).build(), "model");
    }

    @Test
    void blankToolNameIsRejectedAtBuildNamingTheToolsIndex() {
        ValidationException first = rejects(() -> request().addTool(new FunctionTool(" ", "d", null)).build(),
                "tools[0].name");
        assertThat(first.getMessage()).contains("tools[0].name");

        rejects(() -> request()
                .addTool(FunctionTool.of("ok", "d", Map.of()))
                .addTool(new FunctionTool("", null, null))
                .build(), "tools[1].name");
        rejects(() -> request().tools(List.of(FunctionTool.of("ok", "d", Map.of()), new FunctionTool("\n", null, null)))
                .build(), "tools[1].name");
    }

    @Test
    void blankToolNameIsRejectedByTheFunctionToolFactory() {
        rejects(() -> FunctionTool.of(" ", "d", Map.of()), "name");
    }

    @Test
    void nullToolIsRejectedNamingItsIndex() {
        rejects(() -> request().tools(Arrays.asList(FunctionTool.of("f", "d", Map.of()), null)).build(), "tools[1]");
        rejects(() -> request().addTool(FunctionTool.of("f", "d", Map.of())).addTool(null), "tools[1]");
    }

    @Test
    void aValueThatIsNotJsonInAToolSchemaIsRejectedNamingItsPath() {
        Map<String, Object> unit = Map.of("enum", Arrays.asList("c", Double.NaN));
        rejects(() -> FunctionTool.of("f", "d", Map.of("properties", Map.of("unit", unit))),
                "parameters.properties.unit.enum[1]");
        rejects(() -> FunctionTool.of("f", "d", Map.of("items", List.of(Map.of("x", new Object())))),
                "parameters.items[0].x");
        rejects(() -> FunctionTool.of("f", "d", Map.of("default", new java.util.concurrent.atomic.AtomicLong())),
                "parameters.default");
    }

    @Test
    void negativeTurnDetectionDurationsAreRejected() {
        rejects(() -> TurnDetection.serverVad().silenceDurationMs(-1), "turn_detection.silence_duration_ms");
        rejects(() -> TurnDetection.serverVad().prefixPaddingMs(-300), "turn_detection.prefix_padding_ms");
        rejects(() -> TurnDetection.serverVad().idleTimeoutMs(Integer.MIN_VALUE), "turn_detection.idle_timeout_ms");
        assertThatCode(() -> TurnDetection.serverVad().silenceDurationMs(0).prefixPaddingMs(0).build())
                .doesNotThrowAnyException();
    }

    @Test
    void aRecordBuiltDirectlyHoldsAnyValueButARequestHoldingItIsRejected() {
        TurnDetection negativePadding = new TurnDetection(TurnDetectionType.SERVER_VAD, null, -5, null, null, null,
                null, null);
        assertThat(negativePadding.prefixPaddingMs()).as("records also hold answers, as they came").isEqualTo(-5);

        rejects(() -> request().turnDetection(new TurnDetection(TurnDetectionType.SERVER_VAD, null, null, -1, null,
                null, null, null)).build(), "turn_detection.silence_duration_ms");
        rejects(() -> request().turnDetection(negativePadding), "turn_detection.prefix_padding_ms");
        RealtimeSessionCreateRequest valid = request().build();
        rejects(() -> new RealtimeSessionCreateRequest(valid.model(), null, null, null, null, null, null,
                Tristate.of(negativePadding), null, null, null, null, null, null, null, null),
                "turn_detection.prefix_padding_ms");
        rejects(() -> request().turnDetection(new TurnDetection(TurnDetectionType.SERVER_VAD, null, null, null, -1,
                null, null, null)), "turn_detection.idle_timeout_ms");
        rejects(() -> request().turnDetection(new TurnDetection(TurnDetectionType.SERVER_VAD, Double.NaN, null, null,
                null, null, null, null)), "turn_detection.threshold");
    }

    static Stream<Double> nonFinite() {
        return Stream.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    @ParameterizedTest
    @MethodSource("nonFinite")
    void nonFiniteNumbersAreRejected(double value) {
        rejects(() -> request().temperature(value), "temperature");
        rejects(() -> request().speed(value), "speed");
        rejects(() -> TurnDetection.serverVad().threshold(value), "turn_detection.threshold");
        RealtimeSessionCreateRequest valid = request().build();
        rejects(() -> new RealtimeSessionCreateRequest(valid.model(), null, null, null, null, null, null, null, null,
                null, null, value, null, null, null, null), "temperature");
        rejects(() -> new RealtimeSessionCreateRequest(valid.model(), null, null, null, null, null, null, null, null,
                null, null, null, null, value, null, null), "speed");
    }

    @Test
    void policyRangesAreLeftToTheServer() {
        assertThatCode(() -> request().temperature(5).speed(9).maxResponseOutputTokens(100_000)
                .clientSecretExpiresAfter(Duration.ofDays(7)).build()).doesNotThrowAnyException();
    }

    @Test
    void zeroOrNegativeSecretLifetimeIsRejected() {
        rejects(() -> request().clientSecretExpiresAfter(Duration.ZERO), "expires_after.seconds");
        rejects(() -> request().clientSecretExpiresAfter(Duration.ofSeconds(-60)), "expires_after.seconds");
        rejects(() -> ExpiresAfter.seconds(0), "expires_after.seconds");
        rejects(() -> ExpiresAfter.seconds(-1), "expires_after.seconds");
        rejects(() -> new ExpiresAfter(ExpiresAfter.CREATED_AT, Long.MIN_VALUE), "expires_after.seconds");
    }

    @Test
    void fractionalSecretLifetimeIsRejected() {
        rejects(() -> request().clientSecretExpiresAfter(Duration.ofMillis(1500)), "expires_after.seconds");
        rejects(() -> ExpiresAfter.of(Duration.ofMillis(-1500)), "expires_after.seconds");
    }

    @Test
    void blankExpiryAnchorIsRejected() {
        rejects(() -> new ExpiresAfter(" ", 60), "expires_after.anchor");
    }

    @Test
    void negativeMaxOutputTokensAreRejected() {
        rejects(() -> request().maxResponseOutputTokens(-1), "max_output_tokens");
    }

    @Test
    void nonJsonValuesInFreeFormObjectsAreRejected() {
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, "v");
        rejects(() -> FunctionTool.of("f", "d", Map.of("when", Instant.EPOCH)), "parameters.when");
        rejects(() -> FunctionTool.of("f", "d", Map.of("nested", List.of(Map.of("x", new Object())))),
                "parameters.nested[0].x");
        rejects(() -> FunctionTool.of("f", "d", Map.of("n", Double.NaN)), "parameters.n");
        rejects(() -> FunctionTool.of("f", "d", nullKey), "parameters");
        rejects(() -> Tracing.config("wf", null, Map.of("at", Instant.EPOCH)), "tracing.metadata.at");
    }

    static Stream<Arguments> nullArguments() {
        RealtimeSessionCreateRequest.Builder b = request();
        return Stream.of(
                nullArgument("model(RealtimeModel)", () -> b.model((RealtimeModel) null), "model"),
                nullArgument("model(String)", () -> b.model((String) null), "model"),
                nullArgument("modalities(Modality...)", () -> b.modalities((Modality[]) null), "modalities"),
                nullArgument("modalities(List)", () -> b.modalities((List<Modality>) null), "modalities"),
                nullArgument("modalities(TEXT, null)", () -> b.modalities(Modality.TEXT, null), "modalities[1]"),
                nullArgument("instructions", () -> b.instructions(null), "instructions"),
                nullArgument("voice(Voice)", () -> b.voice((Voice) null), "voice"),
                nullArgument("voice(String)", () -> b.voice((String) null), "voice"),
                nullArgument("inputAudioFormat", () -> b.inputAudioFormat(null), "input_audio_format"),
                nullArgument("outputAudioFormat", () -> b.outputAudioFormat(null), "output_audio_format"),
                nullArgument("inputAudioTranscription", () -> b.inputAudioTranscription(null), "input_audio_transcription"),
                nullArgument("turnDetection", () -> b.turnDetection(null), "turn_detection"),
                nullArgument("inputAudioNoiseReduction", () -> b.inputAudioNoiseReduction(null),
                        "input_audio_noise_reduction"),
                nullArgument("tools", () -> b.tools(null), "tools"),
                nullArgument("addTool", () -> request().addTool(null), "tools[0]"),
                nullArgument("toolChoice", () -> b.toolChoice(null), "tool_choice"),
                nullArgument("maxResponseOutputTokens", () -> b.maxResponseOutputTokens(null), "max_response_output_tokens"),
                nullArgument("tracing", () -> b.tracing(null), "tracing"),
                nullArgument("clientSecret", () -> b.clientSecret(null), "client_secret"),
                nullArgument("clientSecretExpiresAfter", () -> b.clientSecretExpiresAfter(null), "expires_after"),
                nullArgument("TurnDetection eagerness", () -> TurnDetection.semanticVad().eagerness(null),
                        "turn_detection.eagerness"),
                nullArgument("AudioTranscription model", () -> AudioTranscription.builder().model(null),
                        "input_audio_transcription.model"),
                nullArgument("AudioTranscription language", () -> AudioTranscription.builder().language(null),
                        "input_audio_transcription.language"),
                nullArgument("AudioTranscription languages", () -> AudioTranscription.builder().languages(null),
                        "input_audio_transcription.languages"),
                nullArgument("AudioTranscription keywords", () -> AudioTranscription.builder().keywords(null),
                        "input_audio_transcription.keywords"),
                nullArgument("AudioTranscription prompt", () -> AudioTranscription.builder().prompt(null),
                        "input_audio_transcription.prompt"),
                nullArgument("AudioTranscription delay", () -> AudioTranscription.builder().delay(null),
                        "input_audio_transcription.delay"),
                nullArgument("AudioTranscription languages element",
                        () -> AudioTranscription.builder().languages(Arrays.asList("en", null)).build(), "languages[1]"),
                nullArgument("FunctionTool.of name", () -> FunctionTool.of(null, "d", Map.of()), "name"),
                nullArgument("FunctionTool.of description", () -> FunctionTool.of("f", null, Map.of()), "description"),
                nullArgument("FunctionTool.of parameters", () -> FunctionTool.of("f", "d", null), "parameters"),
                nullArgument("new FunctionTool name", () -> new FunctionTool(null, null, null), "name"),
                nullArgument("new UnknownTool type", () -> new UnknownTool(null, Map.of()), "type"),
                nullArgument("new UnknownTool fields", () -> new UnknownTool("mcp", null), "tool"),
                nullArgument("ToolChoice.function", () -> ToolChoice.function(null), "tool_choice.name"),
                nullArgument("ToolChoice.mode", () -> ToolChoice.mode(null), "tool_choice"),
                nullArgument("ToolChoice.mcp", () -> ToolChoice.mcp(null, "t"), "tool_choice.server_label"),
                nullArgument("ExpiresAfter.of", () -> ExpiresAfter.of(null), "expires_after"),
                nullArgument("new ExpiresAfter anchor", () -> new ExpiresAfter(null, 60), "expires_after.anchor"),
                nullArgument("new ClientSecretConfig", () -> new ClientSecretConfig(null), "client_secret.expires_after"),
                nullArgument("new ClientSecret value", () -> new ClientSecret(null, Instant.EPOCH), "client_secret.value"),
                nullArgument("new ClientSecret expiresAt", () -> new ClientSecret("ek_x", null), "client_secret.expires_at"),
                nullArgument("new RealtimeSession clientSecret", () -> new RealtimeSession(null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null),
                        "client_secret"),
                nullArgument("new RealtimeSessionCreateRequest model", () -> new RealtimeSessionCreateRequest(null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null), "model"),
                nullArgument("Tristate.of", () -> Tristate.of(null), "value"),
                nullArgument("Voice.of", () -> Voice.of(null), "Voice"),
                nullArgument("RealtimeModel.of", () -> RealtimeModel.of(null), "RealtimeModel"),
                nullArgument("Modality.of", () -> Modality.of(null), "Modality"),
                nullArgument("AudioFormat.of", () -> AudioFormat.of(null), "AudioFormat"),
                nullArgument("Eagerness.of", () -> Eagerness.of(null), "Eagerness"),
                nullArgument("TurnDetectionType.of", () -> TurnDetectionType.of(null), "TurnDetectionType"),
                nullArgument("NoiseReductionType.of", () -> NoiseReductionType.of(null), "NoiseReductionType"),
                nullArgument("TranscriptionModel.of", () -> TranscriptionModel.of(null), "TranscriptionModel"),
                nullArgument("TranscriptionDelay.of", () -> TranscriptionDelay.of(null), "TranscriptionDelay"));
    }

    private static Arguments nullArgument(String what, ThrowingCallable call, String field) {
        return Arguments.of(what, call, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullArguments")
    void nullArgumentIsAValidationExceptionNamingTheField(String what, ThrowingCallable call, String field) {
        rejects(call, field);
    }

    @Test
    void nullComponentsOfRecordsMeanAbsent() {
        RealtimeSessionCreateRequest request = new RealtimeSessionCreateRequest(RealtimeModel.GPT_REALTIME, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null);

        assertThat(request).isEqualTo(request().build());
        assertThat(request.turnDetection().isAbsent()).isTrue();
        assertThat(request.tracing().isAbsent()).isTrue();
        assertThat(new NoiseReduction(null).type()).isNull();
        assertThat(Tracing.config(null, null, null)).isEqualTo(new Tracing.Config(null, null, null));
    }

    @Test
    void collectionsOfBuiltRecordsCannotBeModified() {
        RealtimeSessionCreateRequest request = request().modalities(Modality.TEXT)
                .addTool(FunctionTool.of("f", "d", Map.of("type", "object"))).build();
        Tool extra = FunctionTool.of("g", "d", Map.of());

        assertThat(catchThrowable(() -> request.tools().add(extra))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(catchThrowable(() -> request.modalities().clear())).isInstanceOf(UnsupportedOperationException.class);
        assertThat(catchThrowable(() -> ((FunctionTool) request.tools().get(0)).parameters().put("x", 1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
