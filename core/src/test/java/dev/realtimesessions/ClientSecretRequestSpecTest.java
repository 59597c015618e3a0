package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.model.AudioInputConfig;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.McpTool;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.TranscriptionSessionConfig;
import dev.realtimesessions.model.Tristate;
import dev.realtimesessions.spec.OpenApiSpec;
import dev.realtimesessions.spec.SchemaShapeChecker.Mode;
import dev.realtimesessions.spec.SchemaShapeChecker;
import dev.realtimesessions.testing.Fixtures.MockOpenAi;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testing.FullGaRequests;
import java.util.List;
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
        JsonNode body = openAi.sentBody(FullGaRequests.of(FullGaRequests.serverVadSession()));

        assertExactly(body);
        assertThat(body.at("/session/audio/input/turn_detection/type").asString()).isEqualTo("server_vad");
        assertThat(body.at("/session/tools/1/allowed_tools/read_only").asBoolean()).isTrue();
        assertThat(body.at("/session/truncation/token_limits/post_instructions").asInt()).isEqualTo(5000);
    }

    @Test
    void fullyPopulatedRealtimeSessionWithSemanticVadAndOtherAlternativesHasExactlyTheSchemasProperties()
            throws Exception {
        JsonNode body = openAi.sentBody(FullGaRequests.of(FullGaRequests.semanticVadSession()));

        assertExactly(body);
        assertThat(body.at("/session/audio/output/voice")).isEqualTo(Fixtures.json("{\"id\":\"voice_1234\"}"));
        assertThat(body.at("/session/max_output_tokens").asString()).isEqualTo("inf");
        assertThat(body.at("/session/tool_choice")).isEqualTo(
                Fixtures.json("{\"type\":\"mcp\",\"server_label\":\"docs\",\"name\":\"search\"}"));
    }

    @Test
    void fullyPopulatedTranscriptionSessionHasExactlyTheSchemasProperties() throws Exception {
        JsonNode body = openAi.sentBody(FullGaRequests.of(FullGaRequests.transcriptionSession()));

        assertExactly(body);
        assertThat(body.at("/session/type").asString()).isEqualTo("transcription");
    }

    @Test
    void theLocalEndpointValidatingAgainstTheSameSchemaAcceptsEveryFullyPopulatedRequest() {
        try (LocalRealtimeEndpoint local = LocalRealtimeEndpoint.start();
                RealtimeSessions sessions = RealtimeSessions.builder().apiKey(LocalRealtimeEndpoint.API_KEY)
                        .baseUrl(local.baseUrl()).build()) {
            for (ClientSecretCreateRequest request : List.of(FullGaRequests.of(FullGaRequests.serverVadSession()),
                    FullGaRequests.of(FullGaRequests.semanticVadSession()),
                    FullGaRequests.of(FullGaRequests.transcriptionSession()))) {
                assertThat(sessions.createClientSecret(request).block(Fixtures.WAIT).value()).startsWith("ek_local_");
            }
        }
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
}
