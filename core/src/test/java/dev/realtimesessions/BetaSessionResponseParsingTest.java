package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.realtimesessions.model.AudioFormat;
import dev.realtimesessions.model.AudioTranscription;
import dev.realtimesessions.model.Eagerness;
import dev.realtimesessions.model.FunctionTool;
import dev.realtimesessions.model.MaxOutputTokens;
import dev.realtimesessions.model.Modality;
import dev.realtimesessions.model.NoiseReduction;
import dev.realtimesessions.model.NoiseReductionType;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.ToolChoice;
import dev.realtimesessions.model.Tracing;
import dev.realtimesessions.model.TranscriptionModel;
import dev.realtimesessions.model.TurnDetection;
import dev.realtimesessions.model.TurnDetectionType;
import dev.realtimesessions.model.UnknownTool;
import dev.realtimesessions.model.Voice;
import dev.realtimesessions.spec.OpenApiSpec;
import dev.realtimesessions.testing.Fixtures.MockOpenAi;
import dev.realtimesessions.testing.Fixtures;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** How the answer of the beta {@code POST /realtime/sessions} is read, served by MockWebServer with status 200. */
@SuppressWarnings("deprecation") // also calls the beta endpoints, which stay supported and tested
class BetaSessionResponseParsingTest {

    private static final OpenApiSpec SPEC = OpenApiSpec.load(OpenApiSpec.BETA_2025_04);

    @AutoClose
    private final MockOpenAi api = new MockOpenAi();

    static Stream<Arguments> specExamples() {
        return Stream.of(
                Arguments.of("the operation's x-oaiMeta response example", SPEC.post("/realtime/sessions")
                        .path("x-oaiMeta").path("examples").path("response")
                        .asString()),
                Arguments.of("the RealtimeSessionCreateResponse example",
                        SPEC.schema("RealtimeSessionCreateResponse").path("x-oaiMeta").path("example").asString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specExamples")
    void specExampleResponseParsesWithEveryValue(String which, String example) {
        assertThat(example).as(which).contains("\"client_secret\"");

        RealtimeSession session = api.parseSession(example);

        assertThat(session.id()).isEqualTo("sess_001");
        assertThat(session.object()).isEqualTo("realtime.session");
        assertThat(session.model()).isSameAs(RealtimeModel.GPT_4O_REALTIME_PREVIEW);
        assertThat(session.modalities()).containsExactly(Modality.AUDIO, Modality.TEXT);
        assertThat(session.modalities().get(0)).isSameAs(Modality.AUDIO);
        assertThat(session.instructions()).isEqualTo("You are a friendly assistant.");
        assertThat(session.voice()).isSameAs(Voice.ALLOY);
        assertThat(session.inputAudioFormat()).isSameAs(AudioFormat.PCM16);
        assertThat(session.outputAudioFormat()).isSameAs(AudioFormat.PCM16);
        assertThat(session.inputAudioTranscription().isPresent()).isTrue();
        assertThat(session.inputAudioTranscription().get()).isEqualTo(AudioTranscription.of(TranscriptionModel.WHISPER_1));
        assertThat(session.inputAudioTranscription().get().model()).isSameAs(TranscriptionModel.WHISPER_1);
        assertThat(session.turnDetection().isNull()).as("turn_detection: null").isTrue();
        assertThat(session.inputAudioNoiseReduction().isAbsent()).isTrue();
        assertThat(session.tools()).isNotNull().isEmpty();
        assertThat(session.toolChoice()).isEqualTo(ToolChoice.NONE);
        assertThat(session.temperature()).isEqualTo(0.7);
        assertThat(session.maxResponseOutputTokens()).isEqualTo(MaxOutputTokens.of(200));
        assertThat(session.maxResponseOutputTokens().limit()).hasValue(200);
        assertThat(session.speed()).isNull();
        assertThat(session.tracing().isAbsent()).isTrue();
        assertThat(session.clientSecret().value()).isEqualTo("ek_abc123");
        assertThat(session.clientSecret().expiresAt()).isEqualTo(Instant.ofEpochSecond(1234567890));
        assertThat(session.additionalProperties()).as("every field of the example is modelled").isEmpty();
    }

    @Test
    void responseWithEveryLaterFieldParses() {
        RealtimeSession session = api.parseSession("""
                {"id": "sess_2", "object": "realtime.session", "model": "gpt-realtime", "modalities": ["text"],
                 "voice": "marin", "input_audio_format": "g711_alaw", "output_audio_format": "g711_ulaw",
                 "input_audio_transcription": {"model": "gpt-4o-transcribe", "language": "de", "prompt": "p"},
                 "turn_detection": {"type": "semantic_vad", "eagerness": "high", "threshold": 0.5,
                                    "prefix_padding_ms": 300, "silence_duration_ms": 200,
                                    "create_response": false, "interrupt_response": true},
                 "input_audio_noise_reduction": {"type": "near_field"},
                 "tools": [{"type": "function", "name": "f", "description": "d",
                            "parameters": {"type": "object", "required": ["a"]}}],
                 "tool_choice": {"type": "function", "name": "f"},
                 "temperature": 1, "max_response_output_tokens": "inf", "speed": 1.5,
                 "tracing": {"workflow_name": "wf", "group_id": "g", "metadata": {"k": [1, "v"]}},
                 "client_secret": {"value": "ek_2", "expires_at": 1767225600}}
                """);

        assertThat(session.model()).isSameAs(RealtimeModel.GPT_REALTIME);
        assertThat(session.modalities()).containsExactly(Modality.TEXT);
        assertThat(session.voice()).isSameAs(Voice.MARIN);
        assertThat(session.inputAudioFormat()).isSameAs(AudioFormat.G711_ALAW);
        assertThat(session.outputAudioFormat()).isSameAs(AudioFormat.G711_ULAW);
        assertThat(session.inputAudioTranscription().get()).isEqualTo(AudioTranscription.builder()
                .model(TranscriptionModel.GPT_4O_TRANSCRIBE).language("de").prompt("p").build());
        assertThat(session.turnDetection().get()).isEqualTo(TurnDetection.semanticVad().eagerness(Eagerness.HIGH)
                .threshold(0.5).prefixPaddingMs(300).silenceDurationMs(200).createResponse(false)
                .interruptResponse(true).build());
        assertThat(session.turnDetection().get().type()).isSameAs(TurnDetectionType.SEMANTIC_VAD);
        assertThat(session.inputAudioNoiseReduction().get()).isEqualTo(NoiseReduction.NEAR_FIELD);
        assertThat(session.tools()).containsExactly(
                new FunctionTool("f", "d", Map.of("type", "object", "required", List.of("a"))));
        assertThat(session.toolChoice()).isEqualTo(ToolChoice.function("f"));
        assertThat(session.temperature()).isEqualTo(1.0);
        assertThat(session.maxResponseOutputTokens()).isEqualTo(MaxOutputTokens.INF);
        assertThat(session.maxResponseOutputTokens().isInfinite()).isTrue();
        assertThat(session.speed()).isEqualTo(1.5);
        assertThat(session.tracing().get()).isEqualTo(Tracing.config("wf", "g", Map.of("k", List.of(1, "v"))));
        assertThat(session.clientSecret().expiresAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(session.additionalProperties()).isEmpty();
    }

    @Test
    void tracingAutoParsesAsAuto() {
        assertThat(api.parseSession(withSecret("\"tracing\": \"auto\"")).tracing().get()).isEqualTo(Tracing.AUTO);
    }

    @Test
    void unknownFieldsAreKeptWithTheirNestedValuesIntact() {
        RealtimeSession session = api.parseSession(withSecret("""
                "future_object": {"nested": [1, 2.5, "x", true, null, {"deep": {"deeper": false}}], "n": null},
                "future_number": 12345678901234,
                "future_string": "s",
                "future_null": null
                """));

        assertThat(session.additionalProperties()).containsOnlyKeys(
                "future_object", "future_number", "future_string", "future_null");
        Map<String, Object> expected = new HashMap<>();
        expected.put("nested", Arrays.asList(1, 2.5, "x", true, null, Map.of("deep", Map.of("deeper", false))));
        expected.put("n", null);
        assertThat(session.additionalProperties().get("future_object")).isEqualTo(expected);
        assertThat(((Number) session.additionalProperties().get("future_number")).longValue()).isEqualTo(12345678901234L);
        assertThat(session.additionalProperties()).containsEntry("future_string", "s").containsEntry("future_null", null);
        assertThat(session.clientSecret().value()).isEqualTo("ek_test");
    }

    @Test
    void unknownFieldsInsideKnownObjectsAreKeptUnderTheirPath() {
        RealtimeSession session = api.parseSession("""
                {"turn_detection": {"type": "server_vad", "future_knob": {"a": [1]}, "silence_duration_ms": 400},
                 "input_audio_transcription": {"model": "whisper-1", "future": 1},
                 "input_audio_noise_reduction": {"type": "far_field", "strength": 0.3},
                 "tracing": {"workflow_name": "wf", "future": true},
                 "client_secret": {"value": "ek_3", "future": {"x": 1}, "expires_at": 1}}
                """);

        assertThat(session.turnDetection().get()).isEqualTo(TurnDetection.serverVad().silenceDurationMs(400).build());
        assertThat(session.inputAudioTranscription().get()).isEqualTo(AudioTranscription.of(TranscriptionModel.WHISPER_1));
        assertThat(session.inputAudioNoiseReduction().get()).isEqualTo(NoiseReduction.FAR_FIELD);
        assertThat(session.tracing().get()).isEqualTo(Tracing.config("wf", null, null));
        assertThat(session.clientSecret().value()).isEqualTo("ek_3");
        assertThat(session.additionalProperties()).containsExactly(
                entry("turn_detection.future_knob", Map.of("a", List.of(1))),
                entry("input_audio_transcription.future", 1),
                entry("input_audio_noise_reduction.strength", 0.3),
                entry("tracing.future", true),
                entry("client_secret.future", Map.of("x", 1)));
    }

    @Test
    void valuesOfAnUnexpectedTypeAreKeptUnderTheirPathAndTheCallSucceeds() {
        RealtimeSession session = api.parseSession(withSecret("""
                "voice": 5, "max_response_output_tokens": "lots", "temperature": {"value": 0.8},
                "turn_detection": {"type": "server_vad", "silence_duration_ms": "long", "prefix_padding_ms": -300},
                "modalities": ["text", null, 7], "tools": ["not a tool"]"""));

        assertThat(session.clientSecret().value()).isEqualTo("ek_test");
        assertThat(session.voice()).isNull();
        assertThat(session.maxResponseOutputTokens()).isNull();
        assertThat(session.temperature()).isNull();
        assertThat(session.turnDetection().get().prefixPaddingMs()).as("a value its type holds is kept as it came")
                .isEqualTo(-300);
        assertThat(session.turnDetection().get().silenceDurationMs()).isNull();
        assertThat(session.modalities()).containsExactly(Modality.TEXT);
        assertThat(session.tools()).isEmpty();
        assertThat(session.additionalProperties()).containsExactly(
                entry("voice", 5), entry("max_response_output_tokens", "lots"),
                entry("temperature", Map.of("value", 0.8)), entry("turn_detection.silence_duration_ms", "long"),
                entry("modalities[1]", null), entry("modalities[2]", 7), entry("tools[0]", "not a tool"));
    }

    @Test
    void anExpiryBeyondWhatAnInstantHoldsReadsAsTheFurthestInstant() {
        assertThat(api.parseSession("{\"client_secret\": {\"value\": \"ek_a\", \"expires_at\": 9223372036854775807}}")
                .clientSecret().expiresAt()).isEqualTo(Instant.MAX);
        assertThat(api.parseSession("{\"client_secret\": {\"value\": \"ek_a\", \"expires_at\": -92233720368547758070}}")
                .clientSecret().expiresAt()).isEqualTo(Instant.MIN);
        assertThat(api.parseSession("{\"client_secret\": {\"value\": \"ek_a\", \"expires_at\": 1234567890.9}}")
                .clientSecret().expiresAt()).isEqualTo(Instant.ofEpochSecond(1234567890));
    }

    @Test
    void unknownEnumValuesParseAsUnknownAndRoundTripUnchanged() {
        RealtimeSession session = api.parseSession(withSecret("""
                "model": "gpt-realtime-9", "voice": "nova2", "modalities": ["video", "audio"],
                "input_audio_format": "opus", "output_audio_format": "flac",
                "input_audio_transcription": {"model": "whisper-9"},
                "turn_detection": {"type": "telepathic_vad", "eagerness": "impatient"},
                "input_audio_noise_reduction": {"type": "mid_field"},
                "tool_choice": "sometimes"
                """));

        assertThat(session.model().value()).isEqualTo("gpt-realtime-9");
        assertThat(session.model().isKnown()).isFalse();
        assertThat(session.voice().value()).isEqualTo("nova2");
        assertThat(session.voice().isKnown()).isFalse();
        assertThat(session.modalities()).containsExactly(Modality.of("video"), Modality.AUDIO);
        assertThat(session.modalities().get(0).isKnown()).isFalse();
        assertThat(session.modalities().get(1).isKnown()).isTrue();
        assertThat(session.inputAudioFormat().isKnown()).isFalse();
        assertThat(session.inputAudioTranscription().get().model().isKnown()).isFalse();
        assertThat(session.turnDetection().get().type().value()).isEqualTo("telepathic_vad");
        assertThat(session.turnDetection().get().type().isKnown()).isFalse();
        assertThat(session.turnDetection().get().eagerness()).isEqualTo(Eagerness.of("impatient"));
        assertThat(session.inputAudioNoiseReduction().get().type()).isEqualTo(NoiseReductionType.of("mid_field"));
        assertThat(session.toolChoice()).isEqualTo(ToolChoice.mode("sometimes"));

        JsonNode sentBack = api.sentBody(RealtimeSessionCreateRequest.builder()
                .model(session.model()).voice(session.voice()).modalities(session.modalities())
                .inputAudioFormat(session.inputAudioFormat()).outputAudioFormat(session.outputAudioFormat())
                .inputAudioTranscription(session.inputAudioTranscription().get())
                .turnDetection(session.turnDetection().get())
                .inputAudioNoiseReduction(session.inputAudioNoiseReduction().get())
                .toolChoice(session.toolChoice())
                .build());
        assertThat(sentBack).isEqualTo(Fixtures.json("""
                {"model": "gpt-realtime-9", "voice": "nova2", "modalities": ["video", "audio"],
                 "input_audio_format": "opus", "output_audio_format": "flac",
                 "input_audio_transcription": {"model": "whisper-9"},
                 "turn_detection": {"type": "telepathic_vad", "eagerness": "impatient"},
                 "input_audio_noise_reduction": {"type": "mid_field"},
                 "tool_choice": "sometimes"}
                """));
    }

    @Test
    void toolsOfAnyTypeRoundTripUnchanged() {
        String tools = """
                [{"type": "function", "name": "f", "description": "d", "parameters": {"type": "object"}},
                 {"type": "web_search", "server_label": "wiki", "headers": {"x": "y"}, "allowed_tools": ["a", "b"]},
                 {"type": "function", "name": "no_description"}]
                """;
        RealtimeSession session = api.parseSession(withSecret("\"tools\": " + tools));

        assertThat(session.tools()).hasSize(3);
        assertThat(session.tools().get(0)).isEqualTo(new FunctionTool("f", "d", Map.of("type", "object")));
        assertThat(session.tools().get(1)).isEqualTo(new UnknownTool("web_search",
                Map.of("server_label", "wiki", "headers", Map.of("x", "y"), "allowed_tools", List.of("a", "b"))));
        assertThat(session.tools().get(2)).isEqualTo(new FunctionTool("no_description", null, null));

        JsonNode sentBack = api.sentBody(RealtimeSessionCreateRequest.builder().model("gpt-realtime")
                .tools(session.tools()).build());
        assertThat(sentBack.get("tools")).isEqualTo(Fixtures.json(tools));
    }

    @Test
    void nullTurnDetectionParsesAsExplicitNullAndMissingAsAbsent() {
        RealtimeSession off = api.parseSession(withSecret("\"turn_detection\": null"));
        RealtimeSession unsaid = api.parseSession(withSecret("\"instructions\": \"hi\""));

        assertThat(off.turnDetection().isNull()).isTrue();
        assertThat(off.turnDetection().isAbsent()).isFalse();
        assertThat(off.turnDetection().isPresent()).isFalse();
        assertThat(unsaid.turnDetection().isAbsent()).isTrue();
        assertThat(unsaid.turnDetection().isNull()).isFalse();
        assertThat(off.turnDetection()).isNotEqualTo(unsaid.turnDetection());
    }

    @Test
    void everyTriStateFieldTellsNullFromAbsent() {
        RealtimeSession nulls = api.parseSession(withSecret("""
                "input_audio_transcription": null, "turn_detection": null,
                "input_audio_noise_reduction": null, "tracing": null
                """));
        RealtimeSession absent = api.parseSession(withSecret("\"id\": \"sess_4\""));

        assertThat(List.of(nulls.inputAudioTranscription(), nulls.turnDetection(), nulls.inputAudioNoiseReduction(),
                nulls.tracing())).allSatisfy(field -> assertThat(field.isNull()).isTrue());
        assertThat(List.of(absent.inputAudioTranscription(), absent.turnDetection(), absent.inputAudioNoiseReduction(),
                absent.tracing())).allSatisfy(field -> assertThat(field.isAbsent()).isTrue());
    }

    @Test
    void nullPlainFieldsParseAsNull() {
        RealtimeSession session = api.parseSession(withSecret("""
                "id": null, "model": null, "voice": null, "modalities": null, "tools": null, "tool_choice": null,
                "temperature": null, "max_response_output_tokens": null, "speed": null
                """));

        assertThat(session.id()).isNull();
        assertThat(session.model()).isNull();
        assertThat(session.voice()).isNull();
        assertThat(session.modalities()).isNull();
        assertThat(session.tools()).isNull();
        assertThat(session.toolChoice()).isNull();
        assertThat(session.temperature()).isNull();
        assertThat(session.maxResponseOutputTokens()).isNull();
        assertThat(session.speed()).isNull();
    }

    static Stream<Arguments> undecodableBodies() {
        return Stream.of(
                Arguments.of("no client_secret", "{\"id\": \"sess_1\", \"model\": \"gpt-realtime\"}"),
                Arguments.of("client_secret null", "{\"client_secret\": null}"),
                Arguments.of("client_secret a string", "{\"client_secret\": \"ek_abc\"}"),
                Arguments.of("client_secret without value", "{\"client_secret\": {\"expires_at\": 1}}"),
                Arguments.of("client_secret without expires_at", "{\"client_secret\": {\"value\": \"ek_abc\"}}"),
                Arguments.of("expires_at a string", "{\"client_secret\": {\"value\": \"ek_a\", \"expires_at\": \"soon\"}}"),
                Arguments.of("expires_at an object", "{\"client_secret\": {\"value\": \"ek_a\", \"expires_at\": {}}}"),
                Arguments.of("value a number", "{\"client_secret\": {\"value\": 12, \"expires_at\": 1}}"),
                Arguments.of("malformed JSON", "{\"client_secret\": {\"value\": \"ek_abc\", \"expires_at\": 1}"),
                Arguments.of("a missing comma", "{\"id\": \"sess_1\" \"client_secret\": {}}"),
                Arguments.of("non-JSON text", "<html><body>502 Bad Gateway</body></html>"),
                Arguments.of("plain words", "Service temporarily unavailable"),
                Arguments.of("an empty body", ""),
                Arguments.of("only whitespace", "  \n "),
                Arguments.of("a JSON array", "[{" + SECRET + "}]"),
                Arguments.of("JSON null", "null"),
                Arguments.of("a JSON string", "\"ek_abc\""),
                Arguments.of("two objects", "{" + SECRET + "} {" + SECRET + "}"));
    }

    private static final String SECRET = "\"client_secret\": {\"value\": \"ek_test\", \"expires_at\": 1234567890}";

    @ParameterizedTest(name = "{0}")
    @MethodSource("undecodableBodies")
    void undecodableAnswerIsAResponseDecodingException(String what, String body) {
        api.answer(200, body);

        Throwable error = Fixtures.failure(api.client.create(
                RealtimeSessionCreateRequest.builder().model("gpt-realtime").build()));

        assertThat(error).as(what).isExactlyInstanceOf(ResponseDecodingException.class);
        ResponseDecodingException decoding = (ResponseDecodingException) error;
        assertThat(decoding.status()).isEqualTo(200);
        assertThat(decoding.requestId()).hasValue(Fixtures.REQUEST_ID);
        assertThat(decoding.getMessage()).contains("POST /realtime/sessions").doesNotContain("ek_test", "ek_abc");
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            assertThat(cause.getClass().getName()).as("cause of %s", what).doesNotStartWith("tools.jackson");
        }
        assertThat(api.server.getRequestCount()).as("an undecodable answer is not retried").isEqualTo(1);
    }

    private static String withSecret(String fields) {
        return "{" + fields + ", " + SECRET + "}";
    }
}
