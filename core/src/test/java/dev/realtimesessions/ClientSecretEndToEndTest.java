package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.realtimesessions.model.AllowedCaller;
import dev.realtimesessions.model.ClientSecret;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.Eagerness;
import dev.realtimesessions.model.Include;
import dev.realtimesessions.model.McpApproval;
import dev.realtimesessions.model.McpConnectorId;
import dev.realtimesessions.model.McpTool;
import dev.realtimesessions.model.Modality;
import dev.realtimesessions.model.NoiseReductionType;
import dev.realtimesessions.model.PromptVariable;
import dev.realtimesessions.model.RealtimeAudioFormatType;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.RealtimeSessionDetails;
import dev.realtimesessions.model.ReasoningEffort;
import dev.realtimesessions.model.ToolChoice;
import dev.realtimesessions.model.TranscriptionDelay;
import dev.realtimesessions.model.TranscriptionSessionDetails;
import dev.realtimesessions.model.Truncation;
import dev.realtimesessions.model.TurnDetectionType;
import dev.realtimesessions.model.UnknownSessionDetails;
import dev.realtimesessions.model.UnknownTool;
import dev.realtimesessions.model.Voice;
import dev.realtimesessions.testing.Fixtures.MockOpenAi;
import dev.realtimesessions.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** {@code RealtimeSessions.createClientSecret} end to end against a loopback server. */
@SuppressWarnings("deprecation") // also calls the beta endpoints, which stay supported and tested
class ClientSecretEndToEndTest {

    private static final String SECRET = "ek_68af296e8e408191a1120ab6383263c2";

    @AutoClose
    private final MockOpenAi openAi = new MockOpenAi();

    @Test
    void postsTheRequestToClientSecretsWithoutABetaHeader() throws Exception {
        openAi.answer(200, Fixtures.MINIMAL_CLIENT_SECRET);
        ClientSecretCreateResponse response = openAi.client.createClientSecret(ClientSecretCreateRequest.builder()
                .expiresAfter(Duration.ofMinutes(2))
                .session(RealtimeSessionConfig.builder().model(RealtimeModel.GPT_REALTIME).build())
                .build()).block(Fixtures.WAIT);

        RecordedRequest request = openAi.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/realtime/client_secrets");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-0123456789abcdef");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeaders().names()).noneMatch(name -> name.equalsIgnoreCase("OpenAI-Beta"));
        assertThat(Fixtures.json(request.getBody().utf8())).isEqualTo(Fixtures.json(
                "{\"expires_after\":{\"anchor\":\"created_at\",\"seconds\":120},"
                        + "\"session\":{\"type\":\"realtime\",\"model\":\"gpt-realtime\"}}"));
        assertThat(response.value()).isEqualTo("ek_test_minimal_secret");
        assertThat(response.expiresAt()).isEqualTo(Instant.ofEpochSecond(1756310470));
        assertThat(response.clientSecret()).isEqualTo(new ClientSecret("ek_test_minimal_secret",
                Instant.ofEpochSecond(1756310470)));
        assertThat(response.session()).isInstanceOf(RealtimeSessionDetails.class);
    }

    @Test
    void withResponseCarriesStatusRequestIdAndAttemptsAndHonoursRequestOptions() throws Exception {
        openAi.answer(200, Fixtures.MINIMAL_CLIENT_SECRET);
        ApiResponse<ClientSecretCreateResponse> response = openAi.client.createClientSecretWithResponse(
                ClientSecretCreateRequest.builder().build(),
                RequestOptions.builder().header("X-Gateway-Route", "eu").build()).block(Fixtures.WAIT);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.requestId()).contains("req_test_1");
        assertThat(response.attempts()).isEqualTo(1);
        assertThat(response.value().value()).isEqualTo("ek_test_minimal_secret");
        assertThat(openAi.takeRequest().getHeaders().get("X-Gateway-Route")).isEqualTo("eu");
    }

    @Test
    void isLazyAndRetriesLikeEveryEndpoint() throws Exception {
        Mono<ClientSecretCreateResponse> call = openAi.client.createClientSecret(ClientSecretCreateRequest.builder().build(),
                RequestOptions.builder().retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(1),
                        Duration.ofMillis(1))).build());
        assertThat(openAi.server.getRequestCount()).as("nothing sent before subscribing").isZero();

        openAi.answer(503, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}");
        openAi.answer(200, Fixtures.MINIMAL_CLIENT_SECRET);
        assertThat(call.block(Fixtures.WAIT).value()).isEqualTo("ek_test_minimal_secret");
        assertThat(openAi.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aNullRequestFailsWithoutSending() {
        assertThatThrownBy(() -> openAi.client.createClientSecret(null).block(Fixtures.WAIT))
                .isInstanceOf(ValidationException.class);
        assertThat(openAi.server.getRequestCount()).isZero();
    }

    @Test
    void unknownFieldsEnumValuesAndShapesAreKept() throws Exception {
        ClientSecretCreateResponse response = openAi.parseClientSecret("""
                {"value": "%s", "expires_at": 1756310470, "new_top_level": {"a": 1},
                 "session": {
                   "type": "realtime", "id": "sess_1", "object": "realtime.session",
                   "model": "gpt-realtime-9", "output_modalities": ["video"],
                   "audio": {
                     "input": {"format": {"type": "audio/opus", "rate": 48000, "channels": 2},
                               "transcription": {"model": "gpt-9-transcribe", "delay": "xxhigh", "diarize": true},
                               "noise_reduction": {"type": "mid_field"},
                               "turn_detection": {"type": "magic_vad", "eagerness": "eager"},
                               "echo_cancellation": true},
                     "output": {"voice": {"id": "voice_1234"}, "pitch": 2}},
                   "include": ["item.something_new"],
                   "tools": [{"type": "web_search", "max_results": 3},
                             {"type": "mcp", "server_label": "docs", "connector_id": "connector_x",
                              "allowed_callers": ["robot"], "require_approval": "sometimes"},
                             {"type": "mcp", "server_label": 42},
                             {"type": "mcp", "server_label": "wiki", "extra": 1}],
                   "tool_choice": "any",
                   "reasoning": {"effort": "max"},
                   "truncation": "smart",
                   "prompt": {"id": "pmpt_1", "variables": {"clip": {"type": "input_audio", "audio_url": "a.wav"}}},
                   "parallel_tool_calls": true,
                   "brand_new": [1, 2]
                 }}
                """.formatted(SECRET));

        RealtimeSessionDetails session = (RealtimeSessionDetails) response.session();
        assertThat(session.model()).isEqualTo(RealtimeModel.of("gpt-realtime-9"));
        assertThat(session.model().isKnown()).isFalse();
        assertThat(session.outputModalities()).containsExactly(Modality.of("video"));
        assertThat(session.audio().input().format().type()).isEqualTo(RealtimeAudioFormatType.of("audio/opus"));
        assertThat(session.audio().input().format().rate()).isEqualTo(48000);
        assertThat(session.audio().input().transcription().get().delay()).isEqualTo(TranscriptionDelay.of("xxhigh"));
        assertThat(session.audio().input().noiseReduction().get().type()).isEqualTo(NoiseReductionType.of("mid_field"));
        assertThat(session.audio().input().turnDetection().get().type()).isEqualTo(TurnDetectionType.of("magic_vad"));
        assertThat(session.audio().input().turnDetection().get().eagerness()).isEqualTo(Eagerness.of("eager"));
        assertThat(session.audio().output().voice()).isEqualTo(Voice.custom("voice_1234"));
        assertThat(session.include()).containsExactly(Include.of("item.something_new"));
        assertThat(session.tools()).hasSize(4);
        assertThat(session.tools().get(0)).isEqualTo(new UnknownTool("web_search", Map.of("max_results", 3)));
        McpTool mcp = (McpTool) session.tools().get(1);
        assertThat(mcp.connectorId()).isEqualTo(McpConnectorId.of("connector_x"));
        assertThat(mcp.allowedCallers().get()).containsExactly(AllowedCaller.of("robot"));
        assertThat(mcp.requireApproval().get()).isEqualTo(McpApproval.mode("sometimes"));
        assertThat(session.tools().get(2)).as("an MCP tool of an unexpected shape is kept whole")
                .isEqualTo(new UnknownTool("mcp", Map.of("server_label", 42)));
        assertThat(session.tools().get(3)).as("so is one with a field McpTool does not have")
                .isEqualTo(new UnknownTool("mcp", Map.of("server_label", "wiki", "extra", 1)));
        assertThat(session.toolChoice()).isEqualTo(ToolChoice.mode("any"));
        assertThat(session.reasoning().effort()).isEqualTo(ReasoningEffort.of("max"));
        assertThat(session.truncation()).isEqualTo(Truncation.mode("smart"));
        assertThat(session.prompt().get().variables().get("clip"))
                .isEqualTo(new PromptVariable.Unknown("input_audio", Map.of("audio_url", "a.wav")));
        assertThat(session.additionalProperties()).as("unknown fields at any depth, under their path")
                .containsExactly(entry("audio.input.format.channels", 2), entry("audio.input.transcription.diarize", true),
                        entry("audio.input.echo_cancellation", true), entry("audio.output.pitch", 2),
                        entry("parallel_tool_calls", true), entry("brand_new", List.of(1, 2)));
    }

    @Test
    void anUnknownSessionTypeIsKeptWithItsFields() throws Exception {
        ClientSecretCreateResponse response = openAi.parseClientSecret("{\"value\":\"" + SECRET + "\",\"expires_at\":1,"
                + "\"session\":{\"type\":\"translation\",\"id\":\"sess_2\",\"target\":{\"language\":\"de\"}}}");

        assertThat(response.session()).isEqualTo(new UnknownSessionDetails("translation",
                Map.of("id", "sess_2", "target", Map.of("language", "de"))));
        assertThat(response.session().type()).isEqualTo("translation");
    }

    @Test
    void theSessionTypeMayComeAfterTheOtherFields() throws Exception {
        ClientSecretCreateResponse response = openAi.parseClientSecret("{\"session\":{\"id\":\"sess_3\",\"include\":null,"
                + "\"audio\":{\"input\":{\"format\":{\"type\":\"audio/pcmu\"}}},\"type\":\"transcription\"},"
                + "\"expires_at\":1,\"value\":\"" + SECRET + "\"}");

        TranscriptionSessionDetails session = (TranscriptionSessionDetails) response.session();
        assertThat(session.id()).isEqualTo("sess_3");
        assertThat(session.audio().input().format().type()).isEqualTo(RealtimeAudioFormatType.PCMU);
        assertThat(session.additionalProperties()).isEmpty();
    }

    @Test
    void aSessionWithoutATypeIsKeptAsUnknown() throws Exception {
        ClientSecretCreateResponse response = openAi.parseClientSecret(
                "{\"value\":\"" + SECRET + "\",\"expires_at\":1,\"session\":{\"id\":\"sess_4\"}}");
        assertThat(response.session()).isEqualTo(new UnknownSessionDetails("", Map.of("id", "sess_4")));
    }

    @Test
    void onlyAMissingOrUnusableValueOrExpiryIsADecodingError() {
        assertDecodingError("{\"expires_at\":1,\"session\":{\"type\":\"realtime\"}}", "value");
        assertDecodingError("{\"value\":[\"" + SECRET + "\"],\"expires_at\":1,\"session\":{\"type\":\"realtime\"}}",
                "value");
        assertDecodingError("{\"value\":\"" + SECRET + "\",\"session\":{\"type\":\"realtime\"}}", "expires_at");
        assertDecodingError("{\"value\":\"" + SECRET + "\",\"expires_at\":\"soon\",\"session\":{\"type\":\"realtime\"}}",
                "expires_at");
    }

    @Test
    void aSessionThatIsMissingOrNotAnObjectDoesNotCostTheSecret() throws Exception {
        for (String session : List.of("", ",\"session\":null", ",\"session\":\"realtime\"", ",\"session\":[1]")) {
            ClientSecretCreateResponse response = openAi.parseClientSecret(
                    "{\"value\":\"" + SECRET + "\",\"expires_at\":1" + session + "}");
            assertThat(response.value()).as(session).isEqualTo(SECRET);
            assertThat(response.session()).as(session).isEqualTo(new UnknownSessionDetails("", Map.of()));
        }
    }

    @Test
    void expiriesBeyondWhatAnInstantHoldsAreReadAsTheFurthestOne() throws Exception {
        ClientSecretCreateResponse response = openAi.parseClientSecret("{\"value\":\"" + SECRET + "\","
                + "\"expires_at\":9223372036854775807,\"session\":{\"type\":\"transcription\","
                + "\"expires_at\":-9223372036854775807}}");
        assertThat(response.expiresAt()).as("the secret's expiry, which the caller needs").isEqualTo(Instant.MAX);
        TranscriptionSessionDetails session = (TranscriptionSessionDetails) response.session();
        assertThat(session.expiresAt()).as("the session's, which no instant holds, is kept").isNull();
        assertThat(session.additionalProperties()).containsExactly(entry("expires_at", -9223372036854775807L));
    }

    private void assertDecodingError(String body, String field) {
        openAi.answer(200, body);
        assertThatThrownBy(() -> openAi.client.createClientSecret(ClientSecretCreateRequest.builder().build())
                .block(Fixtures.WAIT))
                .isInstanceOfSatisfying(ResponseDecodingException.class, e -> {
                    assertThat(e.status()).isEqualTo(200);
                    assertThat(e.requestId()).contains("req_test_1");
                })
                .hasMessageContaining(field)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void betaApiShapeDisabledComesBackTypedWithAdviceToUseTheGaEndpoint() throws Exception {
        openAi.answer(400, "{\"error\":{\"message\":\"The beta API shape is disabled for this model.\","
                + "\"type\":\"invalid_request_error\",\"code\":\"beta_api_shape_disabled\",\"param\":null}}");

        assertThatThrownBy(() -> openAi.client.create(RealtimeSessionCreateRequest.builder()
                .model(RealtimeModel.GPT_REALTIME).build()).block(Fixtures.WAIT))
                .isInstanceOfSatisfying(BetaApiShapeDisabledException.class, e -> {
                    assertThat(e).isInstanceOf(BadRequestException.class);
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorCode()).contains("beta_api_shape_disabled");
                    assertThat(e.errorType()).contains("invalid_request_error");
                    assertThat(e.requestId()).contains("req_test_1");
                    assertThat(e.serverMessage().orElseThrow())
                            .startsWith("The beta API shape is disabled for this model.")
                            .contains("createClientSecret(ClientSecretCreateRequest)")
                            .contains("POST /realtime/client_secrets");
                })
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("Use createClientSecret(ClientSecretCreateRequest)");
        assertThat(openAi.server.getRequestCount()).as("not retried").isEqualTo(1);
    }

    @Test
    void betaApiShapeDisabledIsTypedForAny4xxStatus() {
        openAi.answer(403, "{\"error\":{\"message\":\"\",\"type\":\"invalid_request_error\","
                + "\"code\":\"beta_api_shape_disabled\"}}");

        assertThatThrownBy(() -> openAi.client.createClientSecret(ClientSecretCreateRequest.builder().build())
                .block(Fixtures.WAIT))
                .isInstanceOfSatisfying(BetaApiShapeDisabledException.class,
                        e -> assertThat(e.status()).isEqualTo(403))
                .hasMessageContaining("POST /realtime/client_secrets");
    }

    @Test
    void otherErrorsKeepTheirTypes() {
        openAi.answer(400, "{\"error\":{\"message\":\"Invalid value for 'session.audio.output.speed'.\","
                + "\"type\":\"invalid_request_error\",\"code\":\"invalid_value\",\"param\":\"session.audio.output.speed\"}}");
        assertThatThrownBy(() -> openAi.client.createClientSecret(ClientSecretCreateRequest.builder().build())
                .block(Fixtures.WAIT))
                .isExactlyInstanceOf(BadRequestException.class)
                .satisfies(e -> assertThat(((ApiException) e).param()).contains("session.audio.output.speed"));

        openAi.answer(500, "{\"error\":{\"message\":\"beta\",\"code\":\"beta_api_shape_disabled\"}}",
                "x-should-retry", "false");
        assertThatThrownBy(() -> openAi.client.createClientSecret(ClientSecretCreateRequest.builder().build())
                .block(Fixtures.WAIT))
                .as("the code is typed for client errors only").isExactlyInstanceOf(InternalServerException.class);
    }

    @Test
    void theSecretNeverShowsInToStringOrErrors() throws Exception {
        openAi.answer(200, "{\"value\":\"" + SECRET + "\",\"expires_at\":1756310470,\"session\":{\"type\":\"realtime\"}}");
        ApiResponse<ClientSecretCreateResponse> response = openAi.client.createClientSecretWithResponse(
                ClientSecretCreateRequest.builder().build()).block(Fixtures.WAIT);

        assertThat(response.value().value()).isEqualTo(SECRET);
        assertThat(response.value().toString()).doesNotContain(SECRET).contains("ek_***").contains("2025-08-27");
        assertThat(response.toString()).doesNotContain(SECRET);
        assertThat(response.value().clientSecret().toString()).doesNotContain(SECRET);

        openAi.answer(401, "{\"error\":{\"message\":\"Client secret " + SECRET + " was revoked; key sk-proj-abcdef123456\","
                + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}");
        assertThatThrownBy(() -> openAi.client.createClientSecret(ClientSecretCreateRequest.builder().build())
                .block(Fixtures.WAIT))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageNotContaining(SECRET).hasMessageNotContaining("sk-proj-abcdef123456")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(SECRET));
    }

    @Test
    void mcpCredentialsNeverShowInTheRequestsToString() {
        ClientSecretCreateRequest request = ClientSecretCreateRequest.of(RealtimeSessionConfig.builder()
                .addTool(McpTool.builder("docs").serverUrl("https://mcp.example.com")
                        .authorization("oauth-token-must-not-leak")
                        .headers(Map.of("X-Api-Key", "header-value-must-not-leak"))
                        .build())
                .build());

        assertThat(request.toString()).doesNotContain("oauth-token-must-not-leak")
                .doesNotContain("header-value-must-not-leak").contains("X-Api-Key").contains("https://mcp.example.com");
    }
}
