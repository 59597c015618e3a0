package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.AudioFormat;
import dev.realtimesessions.model.AudioTranscription;
import dev.realtimesessions.model.Eagerness;
import dev.realtimesessions.model.FunctionTool;
import dev.realtimesessions.model.MaxOutputTokens;
import dev.realtimesessions.model.Modality;
import dev.realtimesessions.model.NoiseReduction;
import dev.realtimesessions.model.NoiseReductionType;
import dev.realtimesessions.model.OpenEnum;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.ToolChoice;
import dev.realtimesessions.model.Tracing;
import dev.realtimesessions.model.TranscriptionModel;
import dev.realtimesessions.model.TurnDetection;
import dev.realtimesessions.model.TurnDetectionType;
import dev.realtimesessions.model.Voice;
import dev.realtimesessions.spec.BetaReadme;
import dev.realtimesessions.spec.OpenApiSpec;
import dev.realtimesessions.spec.SchemaShapeChecker.Mode;
import dev.realtimesessions.spec.SchemaShapeChecker;
import dev.realtimesessions.testing.Fixtures.MockOpenAi;
import dev.realtimesessions.testing.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The beta {@code POST /realtime/sessions} request, as it reaches the server, against OpenAI's
 * published 2025-04 {@code RealtimeSessionCreateRequest} plus the later fields of
 * {@code spec/README.md}: property names, JSON types and enum values, recursively.
 */
class BetaSessionRequestSpecTest {

    private static final OpenApiSpec SPEC = OpenApiSpec.load(OpenApiSpec.BETA_2025_04);
    private static final JsonNode REQUEST_SCHEMA = BetaReadme.requestSchema(SPEC);
    private static final SchemaShapeChecker EXACT = new SchemaShapeChecker(SPEC, Mode.EXACT);
    private static final SchemaShapeChecker SUBSET = new SchemaShapeChecker(SPEC, Mode.SUBSET);

    @AutoClose
    private final MockOpenAi api = new MockOpenAi();

    /** Every field of the beta request, each with a value (GA-only components left out). */
    static RealtimeSessionCreateRequest everyField() {
        return RealtimeSessionCreateRequest.builder()
                .model(RealtimeModel.GPT_REALTIME)
                .modalities(Modality.AUDIO, Modality.TEXT)
                .instructions("You are a friendly assistant.")
                .voice(Voice.MARIN)
                .inputAudioFormat(AudioFormat.PCM16)
                .outputAudioFormat(AudioFormat.G711_ULAW)
                .inputAudioTranscription(AudioTranscription.builder()
                        .model(TranscriptionModel.GPT_4O_TRANSCRIBE)
                        .language("en")
                        .prompt("expect words about the weather")
                        .build())
                .turnDetection(TurnDetection.semanticVad()
                        .eagerness(Eagerness.LOW)
                        .threshold(0.6)
                        .prefixPaddingMs(300)
                        .silenceDurationMs(700)
                        .createResponse(true)
                        .interruptResponse(false)
                        .build())
                .inputAudioNoiseReduction(NoiseReduction.FAR_FIELD)
                .addTool(FunctionTool.of("get_weather", "Current weather for a city",
                        Map.of("type", "object",
                                "properties", Map.of("city", Map.of("type", "string")),
                                "required", List.of("city"))))
                .toolChoice(ToolChoice.function("get_weather"))
                .temperature(0.8)
                .maxResponseOutputTokens(4096)
                .speed(1.25)
                .tracing(Tracing.config("support-bot", "group-1", Map.of("tier", "gold")))
                .clientSecretExpiresAfter(Duration.ofMinutes(10))
                .build();
    }

    @Test
    void requestWithEveryFieldSetSendsExactlyTheDeclaredPropertiesWithTheirTypesAndEnums() {
        JsonNode sent = api.sentBody(everyField());

        assertThat(EXACT.check(sent, REQUEST_SCHEMA))
                .as("departures of %s from the spec", sent)
                .isEmpty();
    }

    @Test
    void requestWithEveryFieldSetCoversEveryPropertyOfThe2025SchemaAndTheReadmesLaterFields() {
        JsonNode sent = api.sentBody(everyField());

        List<String> expected = new ArrayList<>(SPEC.schema("RealtimeSessionCreateRequest").path("properties").propertyNames());
        expected.addAll(List.of("speed", "tracing", "client_secret"));
        assertThat(sent.propertyNames()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(sent.get("turn_detection").propertyNames()).containsExactlyInAnyOrderElementsOf(
                SPEC.property("RealtimeSessionCreateRequest", "turn_detection").path("properties").propertyNames());
        assertThat(sent.get("input_audio_transcription").propertyNames()).containsExactlyInAnyOrder(
                "model", "language", "prompt");
        assertThat(sent.get("input_audio_noise_reduction").propertyNames()).containsExactly("type");
        assertThat(sent.get("tools").get(0).propertyNames()).containsExactlyInAnyOrder(
                "type", "name", "description", "parameters");
        assertThat(sent.get("client_secret").propertyNames()).containsExactly("expires_after");
        assertThat(sent.get("client_secret").get("expires_after").propertyNames())
                .containsExactlyInAnyOrder("anchor", "seconds");
        assertThat(sent.get("tracing").propertyNames()).containsExactlyInAnyOrder("workflow_name", "group_id", "metadata");
    }

    @Test
    void minimalRequestConformsAndSendsOnlyTheModel() {
        JsonNode sent = api.sentBody(RealtimeSessionCreateRequest.builder().model("gpt-realtime").build());

        assertThat(SUBSET.check(sent, REQUEST_SCHEMA)).isEmpty();
        assertThat(sent.propertyNames()).containsExactly("model");
    }

    @Test
    void explicitNullsConformWhereTheSpecSaysAFeatureCanBeTurnedOffWithNull() {
        JsonNode sent = api.sentBody(RealtimeSessionCreateRequest.builder()
                .model(RealtimeModel.GPT_REALTIME)
                .disableTurnDetection()
                .disableInputAudioNoiseReduction()
                .disableInputAudioTranscription()
                .disableTracing()
                .build());

        assertThat(SUBSET.check(sent, REQUEST_SCHEMA)).isEmpty();
        assertThat(sent.propertyNames()).containsExactlyInAnyOrder("model", "turn_detection",
                "input_audio_noise_reduction", "input_audio_transcription", "tracing");
    }

    @Test
    void stringAlternativesConform() {
        JsonNode sent = api.sentBody(RealtimeSessionCreateRequest.builder()
                .model(RealtimeModel.GPT_4O_REALTIME_PREVIEW_2024_12_17)
                .toolChoice(ToolChoice.REQUIRED)
                .tracing(Tracing.AUTO)
                .maxResponseOutputTokens(MaxOutputTokens.INF)
                .turnDetection(TurnDetection.serverVad().build())
                .build());

        assertThat(SUBSET.check(sent, REQUEST_SCHEMA)).isEmpty();
        assertThat(sent.get("tool_choice").isString()).isTrue();
        assertThat(sent.get("tracing").isString()).isTrue();
        assertThat(sent.get("max_response_output_tokens").isString()).isTrue();
    }

    @Test
    void integerMaxResponseOutputTokensConformsAsAnInteger() {
        JsonNode sent = api.sentBody(RealtimeSessionCreateRequest.builder()
                .model(RealtimeModel.GPT_REALTIME)
                .maxResponseOutputTokens(200)
                .build());

        assertThat(SUBSET.check(sent, REQUEST_SCHEMA)).isEmpty();
        assertThat(sent.get("max_response_output_tokens").isIntegralNumber()).isTrue();
    }

    @Test
    void checkerReportsWhatTheSpecDoesNotAllow() {
        JsonNode wrong = Fixtures.json("""
                {"model": "gpt-realtime", "speed": "fast", "voice": 7, "modalities": ["video"],
                 "input_audio_format": "opus", "temperature": null, "colour": "blue",
                 "turn_detection": {"type": "server_vad", "silence_ms": 5, "prefix_padding_ms": 1.5},
                 "max_response_output_tokens": "lots", "tool_choice": {"type": "mcp"},
                 "client_secret": {"expires_after": {"anchor": "created_at", "seconds": 5}}}
                """);

        List<String> problems = SUBSET.check(wrong, REQUEST_SCHEMA);

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("$.speed: expected number, but was STRING"))
                .anySatisfy(p -> assertThat(p).startsWith("$.voice: matches none of the 2 anyOf alternatives"))
                .anySatisfy(p -> assertThat(p).startsWith("$.modalities[0]: \"video\" is not one of"))
                .anySatisfy(p -> assertThat(p).startsWith("$.input_audio_format: \"opus\" is not one of"))
                .anySatisfy(p -> assertThat(p).startsWith("$.temperature: null, but the schema does not allow null"))
                .anySatisfy(p -> assertThat(p).startsWith("$.colour: not a property the schema declares"))
                .anySatisfy(p -> assertThat(p).startsWith("$.turn_detection.silence_ms: not a property the schema declares"))
                .anySatisfy(p -> assertThat(p).startsWith("$.turn_detection.prefix_padding_ms: expected integer, but was NUMBER"))
                .anySatisfy(p -> assertThat(p).startsWith("$.max_response_output_tokens: matches none of the 2 oneOf alternatives"))
                .anySatisfy(p -> assertThat(p).startsWith("$.tool_choice: matches none of the 2 oneOf alternatives"))
                .anySatisfy(p -> assertThat(p).startsWith("$.client_secret.expires_after.seconds: 5 is below the minimum 10"))
                .hasSize(11);
        assertThat(EXACT.check(Fixtures.json("{\"model\":\"gpt-realtime\"}"), REQUEST_SCHEMA))
                .anySatisfy(p -> assertThat(p).isEqualTo("$.voice: declared by the schema but missing"));
    }

    @Test
    void openEnumConstantsAreTheValuesTheSpecEnumerates() {
        String request = "RealtimeSessionCreateRequest";
        assertThat(wire(AudioFormat.knownValues()))
                .isEqualTo(OpenApiSpec.strings(SPEC.property(request, "input_audio_format").get("enum")))
                .isEqualTo(OpenApiSpec.strings(SPEC.property(request, "output_audio_format").get("enum")));
        assertThat(wire(Modality.knownValues()))
                .isEqualTo(OpenApiSpec.strings(SPEC.property(request, "modalities").get("items").get("enum")));
        JsonNode turnDetection = SPEC.property(request, "turn_detection").get("properties");
        assertThat(wire(TurnDetectionType.knownValues()))
                .isEqualTo(OpenApiSpec.strings(turnDetection.get("type").get("enum")));
        assertThat(wire(Eagerness.knownValues()))
                .isEqualTo(OpenApiSpec.strings(turnDetection.get("eagerness").get("enum")));
        assertThat(wire(NoiseReductionType.knownValues())).isEqualTo(OpenApiSpec.strings(
                SPEC.property(request, "input_audio_noise_reduction").get("properties").get("type").get("enum")));
    }

    @Test
    void modelAndVoiceConstantsCoverTheSpecAndTheReadme() {
        assertThat(wire(RealtimeModel.knownValues())).containsAll(BetaReadme.MODELS)
                .containsAll(OpenApiSpec.strings(SPEC.property("RealtimeSessionCreateRequest", "model").get("enum")));

        List<String> specVoices = OpenApiSpec.strings(SPEC.schema("VoiceIdsShared").get("anyOf").get(1).get("enum"));
        List<String> expectedVoices = new ArrayList<>(specVoices);
        expectedVoices.addAll(List.of("marin", "cedar"));
        assertThat(wire(Voice.knownValues())).isEqualTo(expectedVoices).containsAll(BetaReadme.VOICES);
    }

    private static List<String> wire(List<? extends OpenEnum> values) {
        return values.stream().map(OpenEnum::value).toList();
    }
}
