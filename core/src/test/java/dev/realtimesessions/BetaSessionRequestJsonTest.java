package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.AudioFormat;
import dev.realtimesessions.model.AudioTranscription;
import dev.realtimesessions.model.FunctionTool;
import dev.realtimesessions.model.MaxOutputTokens;
import dev.realtimesessions.model.Modality;
import dev.realtimesessions.model.NoiseReduction;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.Tool;
import dev.realtimesessions.model.ToolChoice;
import dev.realtimesessions.model.Tracing;
import dev.realtimesessions.model.TranscriptionModel;
import dev.realtimesessions.model.TurnDetection;
import dev.realtimesessions.model.UnknownTool;
import dev.realtimesessions.model.Voice;
import dev.realtimesessions.testing.Fixtures.MockOpenAi;
import dev.realtimesessions.testing.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** What the beta {@code POST /realtime/sessions} request puts on the wire, value by value. */
class BetaSessionRequestJsonTest {

    @AutoClose
    private final MockOpenAi api = new MockOpenAi();

    private static RealtimeSessionCreateRequest.Builder request() {
        return RealtimeSessionCreateRequest.builder().model(RealtimeModel.GPT_REALTIME);
    }

    private static JsonNode json(String text) {
        return Fixtures.json(text);
    }

    @Test
    void everyFieldIsSentWithItsValueAndJsonType() {
        JsonNode sent = api.sentBody(BetaSessionRequestSpecTest.everyField());

        assertThat(sent).isEqualTo(json("""
                {"model": "gpt-realtime", "modalities": ["audio", "text"],
                 "instructions": "You are a friendly assistant.", "voice": "marin",
                 "input_audio_format": "pcm16", "output_audio_format": "g711_ulaw",
                 "input_audio_transcription": {"model": "gpt-4o-transcribe", "language": "en",
                                               "prompt": "expect words about the weather"},
                 "turn_detection": {"type": "semantic_vad", "threshold": 0.6, "prefix_padding_ms": 300,
                                    "silence_duration_ms": 700, "create_response": true,
                                    "interrupt_response": false, "eagerness": "low"},
                 "input_audio_noise_reduction": {"type": "far_field"},
                 "tools": [{"type": "function", "name": "get_weather", "description": "Current weather for a city",
                            "parameters": {"type": "object", "properties": {"city": {"type": "string"}},
                                           "required": ["city"]}}],
                 "tool_choice": {"type": "function", "name": "get_weather"},
                 "temperature": 0.8, "max_response_output_tokens": 4096, "speed": 1.25,
                 "tracing": {"workflow_name": "support-bot", "group_id": "group-1", "metadata": {"tier": "gold"}},
                 "client_secret": {"expires_after": {"anchor": "created_at", "seconds": 600}}}
                """));
        assertThat(sent.get("turn_detection").get("prefix_padding_ms").isIntegralNumber()).isTrue();
        assertThat(sent.get("client_secret").get("expires_after").get("seconds").isIntegralNumber()).isTrue();
    }

    @Test
    void absentFieldsAreOmitted() {
        assertThat(api.sentBody(request().build())).isEqualTo(json("{\"model\": \"gpt-realtime\"}"));
    }

    static Stream<Arguments> disabledFeatures() {
        return Stream.of(
                Arguments.of("turn_detection", (UnaryOperator<RealtimeSessionCreateRequest.Builder>)
                        RealtimeSessionCreateRequest.Builder::disableTurnDetection),
                Arguments.of("input_audio_noise_reduction", (UnaryOperator<RealtimeSessionCreateRequest.Builder>)
                        RealtimeSessionCreateRequest.Builder::disableInputAudioNoiseReduction),
                Arguments.of("input_audio_transcription", (UnaryOperator<RealtimeSessionCreateRequest.Builder>)
                        RealtimeSessionCreateRequest.Builder::disableInputAudioTranscription),
                Arguments.of("tracing", (UnaryOperator<RealtimeSessionCreateRequest.Builder>)
                        RealtimeSessionCreateRequest.Builder::disableTracing));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("disabledFeatures")
    void disabledFeatureIsSentAsExplicitNull(String field, UnaryOperator<RealtimeSessionCreateRequest.Builder> disable) {
        JsonNode sent = api.sentBody(disable.apply(request()).build());

        assertThat(sent.has(field)).as("%s is sent", field).isTrue();
        assertThat(sent.get(field).isNull()).as("%s is null in %s", field, sent).isTrue();
        assertThat(sent.propertyNames()).containsExactlyInAnyOrder("model", field);
    }

    @Test
    void explicitNullTurnDetectionIsSentAsNull() {
        RealtimeSessionCreateRequest request = request().disableTurnDetection().build();

        assertThat(request.turnDetection().isNull()).isTrue();
        assertThat(api.sentBody(request)).isEqualTo(json("{\"model\": \"gpt-realtime\", \"turn_detection\": null}"));
    }

    @Test
    void theLastOfDisableAndSetWins() {
        JsonNode enabledAfterDisable = api.sentBody(request()
                .disableTurnDetection().turnDetection(TurnDetection.serverVad().silenceDurationMs(500).build())
                .disableTracing().tracing(Tracing.AUTO)
                .build());
        assertThat(enabledAfterDisable.get("turn_detection")).isEqualTo(json(
                "{\"type\": \"server_vad\", \"silence_duration_ms\": 500}"));
        assertThat(enabledAfterDisable.get("tracing")).isEqualTo(json("\"auto\""));

        JsonNode disabledAfterSet = api.sentBody(request()
                .inputAudioNoiseReduction(NoiseReduction.NEAR_FIELD).disableInputAudioNoiseReduction()
                .build());
        assertThat(disabledAfterSet.get("input_audio_noise_reduction").isNull()).isTrue();
    }

    @Test
    void maxResponseOutputTokensIsSentAsIntegerOrInf() {
        assertThat(api.sentBody(request().maxResponseOutputTokens(1).build()).get("max_response_output_tokens"))
                .isEqualTo(json("1"));
        assertThat(api.sentBody(request().maxResponseOutputTokens(MaxOutputTokens.INF).build())
                .get("max_response_output_tokens")).isEqualTo(json("\"inf\""));
    }

    @Test
    void toolChoiceModeIsSentAsStringAndFunctionAsObject() {
        assertThat(api.sentBody(request().toolChoice(ToolChoice.AUTO).build()).get("tool_choice"))
                .isEqualTo(json("\"auto\""));
        assertThat(api.sentBody(request().toolChoice(ToolChoice.NONE).build()).get("tool_choice"))
                .isEqualTo(json("\"none\""));
        assertThat(api.sentBody(request().toolChoice(ToolChoice.mode("some_future_mode")).build()).get("tool_choice"))
                .isEqualTo(json("\"some_future_mode\""));
        assertThat(api.sentBody(request().toolChoice(ToolChoice.function("get_weather")).build()).get("tool_choice"))
                .isEqualTo(json("{\"type\": \"function\", \"name\": \"get_weather\"}"));
    }

    @Test
    void tracingAutoIsSentAsStringAndConfigAsObjectWithoutItsUnsetParts() {
        assertThat(api.sentBody(request().tracing(Tracing.AUTO).build()).get("tracing")).isEqualTo(json("\"auto\""));
        assertThat(api.sentBody(request().tracing(Tracing.config("wf", null, null)).build()).get("tracing"))
                .isEqualTo(json("{\"workflow_name\": \"wf\"}"));
        assertThat(api.sentBody(request().tracing(Tracing.config(null, "g", Map.of("n", 1, "ok", true))).build())
                .get("tracing")).isEqualTo(json("{\"group_id\": \"g\", \"metadata\": {\"n\": 1, \"ok\": true}}"));
    }

    @Test
    void clientSecretLifetimeIsSentAsCreatedAtAnchorAndWholeSeconds() {
        assertThat(api.sentBody(request().clientSecretExpiresAfter(Duration.ofHours(2)).build()).get("client_secret"))
                .isEqualTo(json("{\"expires_after\": {\"anchor\": \"created_at\", \"seconds\": 7200}}"));
    }

    @Test
    void functionToolParametersAreSentAsNestedJsonUnchanged() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", Map.of("days", Map.of("type", "integer", "minimum", 1, "maximum", 14),
                "units", Map.of("enum", List.of("metric", "imperial")),
                "ratio", Map.of("type", "number", "default", 0.5)));
        schema.put("additionalProperties", false);
        schema.put("examples", Arrays.asList(null, 3L, "x"));

        JsonNode sent = api.sentBody(request().addTool(FunctionTool.of("forecast", "Forecast", schema)).build());

        assertThat(sent.get("tools").get(0).get("parameters")).isEqualTo(json("""
                {"type": "object",
                 "properties": {"days": {"type": "integer", "minimum": 1, "maximum": 14},
                                "units": {"enum": ["metric", "imperial"]},
                                "ratio": {"type": "number", "default": 0.5}},
                 "additionalProperties": false, "examples": [null, 3, "x"]}
                """));
    }

    @Test
    void unknownEnumValuesAndModelNamesPassThroughUnchanged() {
        JsonNode sent = api.sentBody(RealtimeSessionCreateRequest.builder()
                .model("gpt-realtime-9")
                .voice("nova2")
                .modalities(Modality.of("video"), Modality.TEXT)
                .inputAudioFormat(AudioFormat.of("opus"))
                .inputAudioTranscription(AudioTranscription.of(TranscriptionModel.of("whisper-9")))
                .build());

        assertThat(sent).isEqualTo(json("""
                {"model": "gpt-realtime-9", "voice": "nova2", "modalities": ["video", "text"],
                 "input_audio_format": "opus", "input_audio_transcription": {"model": "whisper-9"}}
                """));
    }

    @Test
    void unknownToolIsSentWithAllItsFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("server_label", "deepwiki");
        fields.put("allowed_tools", List.of("ask_question"));
        fields.put("require_approval", Map.of("never", Map.of("tool_names", List.of("ask_question"))));
        Tool mcp = new UnknownTool("mcp", fields);

        JsonNode sent = api.sentBody(request().tools(List.of(mcp)).build());

        assertThat(sent.get("tools")).isEqualTo(json("""
                [{"type": "mcp", "server_label": "deepwiki", "allowed_tools": ["ask_question"],
                  "require_approval": {"never": {"tool_names": ["ask_question"]}}}]
                """));
    }

    @Test
    void nonAsciiTextIsSentAsUtf8() {
        String instructions = "Grüße, 你好 👋 \"quoted\" \\ back\nslash";

        JsonNode sent = api.sentBody(request().instructions(instructions).build());

        assertThat(sent.get("instructions").asString()).isEqualTo(instructions);
    }

    @Test
    void toBuilderKeepsEveryField() {
        RealtimeSessionCreateRequest original = BetaSessionRequestSpecTest.everyField();

        assertThat(original.toBuilder().build()).isEqualTo(original);
        RealtimeSessionCreateRequest variant = original.toBuilder().instructions("Be brief.").voice(Voice.CEDAR).build();
        assertThat(variant.instructions()).isEqualTo("Be brief.");
        assertThat(variant.voice()).isSameAs(Voice.CEDAR);
        assertThat(variant.toBuilder().instructions(original.instructions()).voice(original.voice()).build())
                .isEqualTo(original);
        RealtimeSessionCreateRequest disabled = request().disableTurnDetection().disableTracing().build();
        assertThat(disabled.toBuilder().build()).isEqualTo(disabled);
    }

    @Test
    void requestDoesNotChangeWhenItsInputsOrBuilderChangeLater() {
        List<Modality> modalities = new ArrayList<>(List.of(Modality.TEXT));
        Map<String, Object> parameters = new LinkedHashMap<>(Map.of("type", "object"));
        RealtimeSessionCreateRequest.Builder builder = request()
                .modalities(modalities)
                .addTool(FunctionTool.of("f", "d", parameters));
        RealtimeSessionCreateRequest built = builder.build();

        modalities.add(Modality.AUDIO);
        parameters.put("type", "array");
        builder.addTool(FunctionTool.of("g", "d", Map.of())).modalities(Modality.AUDIO);
        RealtimeSessionCreateRequest derived = built.toBuilder().addTool(FunctionTool.of("h", "d", Map.of())).build();

        assertThat(built.modalities()).containsExactly(Modality.TEXT);
        assertThat(built.tools()).hasSize(1);
        assertThat(((FunctionTool) built.tools().get(0)).parameters()).containsEntry("type", "object");
        assertThat(derived.tools()).hasSize(2);
        assertThat(api.sentBody(built).get("tools").get(0).get("parameters")).isEqualTo(json("{\"type\": \"object\"}"));
    }
}
