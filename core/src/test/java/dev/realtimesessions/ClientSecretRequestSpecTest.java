package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.AllowedCaller;
import dev.realtimesessions.model.AudioInputConfig;
import dev.realtimesessions.model.AudioOutputConfig;
import dev.realtimesessions.model.AudioTranscription;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.Eagerness;
import dev.realtimesessions.model.FileInputDetail;
import dev.realtimesessions.model.FunctionTool;
import dev.realtimesessions.model.ImageDetail;
import dev.realtimesessions.model.Include;
import dev.realtimesessions.model.MaxOutputTokens;
import dev.realtimesessions.model.McpAllowedTools;
import dev.realtimesessions.model.McpApproval;
import dev.realtimesessions.model.McpConnectorId;
import dev.realtimesessions.model.McpTool;
import dev.realtimesessions.model.McpToolFilter;
import dev.realtimesessions.model.Modality;
import dev.realtimesessions.model.NoiseReduction;
import dev.realtimesessions.model.Prompt;
import dev.realtimesessions.model.PromptCacheBreakpoint;
import dev.realtimesessions.model.PromptVariable;
import dev.realtimesessions.model.RealtimeAudioFormat;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.Reasoning;
import dev.realtimesessions.model.ReasoningEffort;
import dev.realtimesessions.model.SessionConfig;
import dev.realtimesessions.model.ToolChoice;
import dev.realtimesessions.model.Tracing;
import dev.realtimesessions.model.TranscriptionDelay;
import dev.realtimesessions.model.TranscriptionModel;
import dev.realtimesessions.model.TranscriptionSessionConfig;
import dev.realtimesessions.model.Tristate;
import dev.realtimesessions.model.Truncation;
import dev.realtimesessions.model.TurnDetection;
import dev.realtimesessions.model.Voice;
import dev.realtimesessions.spec.OpenApiSpec;
import dev.realtimesessions.spec.SchemaShapeChecker.Mode;
import dev.realtimesessions.spec.SchemaShapeChecker;
import dev.realtimesessions.testing.Fixtures.MockOpenAi;
import dev.realtimesessions.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The GA request as sent on the wire, checked against OpenAI's published schema
 * {@code RealtimeCreateClientSecretRequest} (read from the spec file in the test resources): every
 * property name and shape, recursively. A "fully populated" request sets every field; since the
 * schema has unions (server or semantic VAD, function or MCP tool, ...), three such requests
 * together cover every alternative, each checked in {@link Mode#EXACT} mode.
 */
class ClientSecretRequestSpecTest {

    private static final OpenApiSpec SPEC = OpenApiSpec.load();
    private static final JsonNode REQUEST_SCHEMA = SPEC.schema("RealtimeCreateClientSecretRequest");

    @AutoClose
    private final MockOpenAi openAi = new MockOpenAi();

    @Test
    void fullyPopulatedRealtimeSessionWithServerVadAndFunctionChoiceHasExactlyTheSchemasProperties() throws Exception {
        JsonNode body = openAi.sentBody(fullRequest(serverVadSession()));

        assertExactly(body);
        assertThat(body.at("/session/audio/input/turn_detection/type").asString()).isEqualTo("server_vad");
        assertThat(body.at("/session/tools/1/allowed_tools/read_only").asBoolean()).isTrue();
        assertThat(body.at("/session/truncation/token_limits/post_instructions").asInt()).isEqualTo(5000);
    }

    @Test
    void fullyPopulatedRealtimeSessionWithSemanticVadAndOtherAlternativesHasExactlyTheSchemasProperties()
            throws Exception {
        JsonNode body = openAi.sentBody(fullRequest(semanticVadSession()));

        assertExactly(body);
        assertThat(body.at("/session/audio/output/voice")).isEqualTo(Fixtures.json("{\"id\":\"voice_1234\"}"));
        assertThat(body.at("/session/max_output_tokens").asString()).isEqualTo("inf");
        assertThat(body.at("/session/tool_choice")).isEqualTo(
                Fixtures.json("{\"type\":\"mcp\",\"server_label\":\"docs\",\"name\":\"search\"}"));
    }

    @Test
    void fullyPopulatedTranscriptionSessionHasExactlyTheSchemasProperties() throws Exception {
        JsonNode body = openAi.sentBody(fullRequest(TranscriptionSessionConfig.builder()
                .audioInput(fullInput(RealtimeAudioFormat.PCM_24KHZ, serverVad()))
                .include(Include.ITEM_INPUT_AUDIO_TRANSCRIPTION_LOGPROBS)
                .build()));

        assertExactly(body);
        assertThat(body.at("/session/type").asString()).isEqualTo("transcription");
    }

    @Test
    void absentFieldsAreOmitted() throws Exception {
        assertThat(openAi.sentBody(ClientSecretCreateRequest.builder().build())).isEqualTo(Fixtures.json("{}"));
        assertThat(openAi.sentBody(ClientSecretCreateRequest.of(RealtimeSessionConfig.builder().build())))
                .isEqualTo(Fixtures.json("{\"session\":{\"type\":\"realtime\"}}"));
        assertThat(openAi.sentBody(ClientSecretCreateRequest.of(RealtimeSessionConfig.builder()
                .model(RealtimeModel.GPT_REALTIME).instructions("You are a friendly assistant.").build())))
                .as("the request of the spec's own example")
                .isEqualTo(Fixtures.json("{\"session\":{\"type\":\"realtime\",\"model\":\"gpt-realtime\","
                        + "\"instructions\":\"You are a friendly assistant.\"}}"));
        assertThat(openAi.sentBody(ClientSecretCreateRequest.of(TranscriptionSessionConfig.builder()
                .audioInput(AudioInputConfig.builder().build()).build())))
                .isEqualTo(Fixtures.json("{\"session\":{\"type\":\"transcription\",\"audio\":{\"input\":{}}}}"));
    }

    @Test
    void explicitNullsAreSentAsNullWhereTheSpecAllowsThem() throws Exception {
        McpTool nullFields = new McpTool("docs", "https://mcp.example.com", null, null, null, null,
                Tristate.ofNull(), Tristate.ofNull(), Tristate.ofNull(), Tristate.ofNull(), null);
        JsonNode body = openAi.sentBody(ClientSecretCreateRequest.of(RealtimeSessionConfig.builder()
                .audioInput(AudioInputConfig.builder()
                        .disableTranscription().disableNoiseReduction().disableTurnDetection().build())
                .disableTracing()
                .disablePrompt()
                .addTool(nullFields)
                .build()));

        assertThat(new SchemaShapeChecker(SPEC, Mode.SUBSET).check(body, REQUEST_SCHEMA, "$")).isEmpty();
        JsonNode input = body.at("/session/audio/input");
        assertThat(input.propertyNames()).containsExactly("transcription", "noise_reduction", "turn_detection");
        input.forEach(value -> assertThat(value.isNull()).isTrue());
        assertThat(body.at("/session/tracing").isNull()).isTrue();
        assertThat(body.at("/session/prompt").isNull()).isTrue();
        JsonNode tool = body.at("/session/tools/0");
        for (String field : List.of("headers", "allowed_tools", "allowed_callers", "require_approval")) {
            assertThat(tool.has(field) && tool.get(field).isNull()).as(field + " is sent as null").isTrue();
        }
    }

    @Test
    void everyModelTheGaSchemaListsIsAKnownRealtimeModel() {
        JsonNode models = SPEC.schema("RealtimeSessionCreateRequestGA").at("/properties/model/anyOf/1/enum");
        assertThat(models.size()).isGreaterThan(10);
        models.forEach(model -> assertThat(RealtimeModel.of(model.asString()).isKnown()).as(model.asString()).isTrue());
    }

    private static void assertExactly(JsonNode body) {
        assertThat(new SchemaShapeChecker(SPEC, Mode.EXACT).check(body, REQUEST_SCHEMA, "$")).isEmpty();
    }

    private static ClientSecretCreateRequest fullRequest(SessionConfig session) {
        return ClientSecretCreateRequest.builder().expiresAfter(Duration.ofMinutes(10)).session(session).build();
    }

    private static RealtimeSessionConfig serverVadSession() {
        return RealtimeSessionConfig.builder()
                .model(RealtimeModel.GPT_REALTIME)
                .outputModalities(Modality.AUDIO)
                .instructions("You are a friendly assistant.")
                .audioInput(fullInput(RealtimeAudioFormat.PCM_24KHZ, serverVad()))
                .audioOutput(AudioOutputConfig.builder()
                        .format(RealtimeAudioFormat.PCM_24KHZ).voice(Voice.MARIN).speed(1.1).build())
                .include(Include.ITEM_INPUT_AUDIO_TRANSCRIPTION_LOGPROBS)
                .tracing(Tracing.config("support", "group-1", Map.of("tier", "gold")))
                .addTool(FunctionTool.of("get_weather", "Current weather for a city",
                        Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")))))
                .addTool(mcpTool(new McpToolFilter(List.of("search"), true),
                        McpApproval.filter(new McpToolFilter(List.of("delete"), false),
                                new McpToolFilter(List.of("search"), true))))
                .toolChoice(ToolChoice.function("get_weather"))
                .parallelToolCalls(true)
                .reasoning(Reasoning.of(ReasoningEffort.LOW))
                .maxOutputTokens(1024)
                .truncation(Truncation.retentionRatio(0.8, 5000))
                .prompt(Prompt.builder("pmpt_123").version("2")
                        .variable("customer_name", "Alice")
                        .variable("greeting", new PromptVariable.InputText("Hello", PromptCacheBreakpoint.EXPLICIT))
                        .variable("menu", new PromptVariable.InputImage("https://example.com/menu.png", "file-img",
                                ImageDetail.HIGH, PromptCacheBreakpoint.EXPLICIT))
                        .variable("terms", new PromptVariable.InputFile("file-terms", "terms.pdf", "JVBERi0=",
                                "https://example.com/terms.pdf", FileInputDetail.LOW, PromptCacheBreakpoint.EXPLICIT))
                        .build())
                .build();
    }

    private static RealtimeSessionConfig semanticVadSession() {
        return RealtimeSessionConfig.builder()
                .model("gpt-realtime-2")
                .outputModalities(Modality.TEXT)
                .instructions("Answer in one sentence.")
                .audioInput(fullInput(RealtimeAudioFormat.PCMU, TurnDetection.semanticVad()
                        .eagerness(Eagerness.HIGH).createResponse(false).interruptResponse(true).build()))
                .audioOutput(AudioOutputConfig.builder()
                        .format(RealtimeAudioFormat.PCMA).voice(Voice.custom("voice_1234")).speed(0.9).build())
                .include(Include.ITEM_INPUT_AUDIO_TRANSCRIPTION_LOGPROBS)
                .tracing(Tracing.AUTO)
                .addTool(mcpTool(McpAllowedTools.names("search", "fetch"), McpApproval.NEVER))
                .toolChoice(ToolChoice.mcp("docs", "search"))
                .parallelToolCalls(false)
                .reasoning(Reasoning.of(ReasoningEffort.XHIGH))
                .maxOutputTokens(MaxOutputTokens.INF)
                .truncation(Truncation.DISABLED)
                .prompt(Prompt.builder("pmpt_456").version("1")
                        .variable("greeting", new PromptVariable.InputText("Hi", PromptCacheBreakpoint.EXPLICIT))
                        .build())
                .build();
    }

    private static McpTool mcpTool(McpAllowedTools allowedTools, McpApproval approval) {
        return McpTool.builder("docs")
                .serverUrl("https://mcp.example.com/sse")
                .connectorId(McpConnectorId.GOOGLE_DRIVE)
                .tunnelId("tunnel_0123456789abcdef0123456789abcdef")
                .authorization("oauth-access-token-123")
                .serverDescription("Company documents")
                .headers(Map.of("X-Api-Key", "header-secret-456"))
                .allowedTools(allowedTools)
                .allowedCallers(AllowedCaller.DIRECT, AllowedCaller.PROGRAMMATIC)
                .requireApproval(approval)
                .deferLoading(true)
                .build();
    }

    private static AudioInputConfig fullInput(RealtimeAudioFormat format, TurnDetection turnDetection) {
        return AudioInputConfig.builder()
                .format(format)
                .transcription(AudioTranscription.builder()
                        .model(TranscriptionModel.GPT_REALTIME_WHISPER)
                        .language("en")
                        .languages(List.of("en", "de"))
                        .keywords(List.of("Reactor", "Netty"))
                        .prompt("Expect words about software.")
                        .delay(TranscriptionDelay.LOW)
                        .build())
                .noiseReduction(NoiseReduction.NEAR_FIELD)
                .turnDetection(turnDetection)
                .build();
    }

    private static TurnDetection serverVad() {
        return TurnDetection.serverVad().threshold(0.6).prefixPaddingMs(300).silenceDurationMs(500)
                .idleTimeoutMs(6000).createResponse(true).interruptResponse(false).build();
    }
}
