package dev.realtimesessions.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.AuthenticationException;
import dev.realtimesessions.BadRequestException;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RetryPolicy;
import dev.realtimesessions.model.AudioFormat;
import dev.realtimesessions.model.AudioInputConfig;
import dev.realtimesessions.model.AudioOutputConfig;
import dev.realtimesessions.model.AudioTranscription;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.Eagerness;
import dev.realtimesessions.model.FunctionTool;
import dev.realtimesessions.model.Include;
import dev.realtimesessions.model.MaxOutputTokens;
import dev.realtimesessions.model.McpTool;
import dev.realtimesessions.model.Modality;
import dev.realtimesessions.model.NoiseReduction;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.RealtimeSessionDetails;
import dev.realtimesessions.model.ToolChoice;
import dev.realtimesessions.model.Tracing;
import dev.realtimesessions.model.TranscriptionDelay;
import dev.realtimesessions.model.TranscriptionModel;
import dev.realtimesessions.model.TranscriptionSessionConfig;
import dev.realtimesessions.model.TranscriptionSessionCreateRequest;
import dev.realtimesessions.model.Tristate;
import dev.realtimesessions.model.TurnDetection;
import dev.realtimesessions.model.UnknownTool;
import dev.realtimesessions.model.Voice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SuppressWarnings("deprecation") // also calls the beta endpoints, which stay supported and tested
class LocalRealtimeEndpointTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void mintsASessionWithAFreshSecretAndTheRequestedLifetime() {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start(0, Clock.fixed(NOW, ZoneOffset.UTC));
                RealtimeSessions sessions = RealtimeSessions.builder().apiKey(LocalRealtimeEndpoint.API_KEY)
                        .baseUrl(endpoint.baseUrl()).build()) {
            RealtimeSessionCreateRequest request = RealtimeSessionCreateRequest.builder().model("gpt-realtime")
                    .voice(Voice.CEDAR).clientSecretExpiresAfter(Duration.ofMinutes(5)).build();
            StepVerifier.create(sessions.create(request).zipWith(sessions.create(request)))
                    .assertNext(two -> {
                        assertThat(two.getT1().voice()).isEqualTo(Voice.CEDAR);
                        assertThat(two.getT1().id()).startsWith("sess_local_");
                        assertThat(two.getT1().clientSecret().value()).startsWith("ek_local_")
                                .isNotEqualTo(two.getT2().clientSecret().value());
                        assertThat(two.getT1().clientSecret().expiresAt()).isEqualTo(NOW.plusSeconds(300));
                    })
                    .verifyComplete();
        }
    }

    @Test
    void mintsAGaClientSecretWithTheDefaultTenMinuteLifetime() {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start(0, Clock.fixed(NOW, ZoneOffset.UTC));
                RealtimeSessions sessions = RealtimeSessions.builder().apiKey(LocalRealtimeEndpoint.API_KEY)
                        .baseUrl(endpoint.baseUrl()).build()) {
            ClientSecretCreateRequest request = ClientSecretCreateRequest.of(RealtimeSessionConfig.builder()
                    .model(RealtimeModel.GPT_REALTIME).audioOutput(AudioOutputConfig.ofVoice(Voice.MARIN)).build());
            StepVerifier.create(sessions.createClientSecret(request))
                    .assertNext(secret -> {
                        assertThat(secret.value()).startsWith("ek_local_");
                        assertThat(secret.expiresAt()).isEqualTo(NOW.plusSeconds(600));
                        assertThat(secret.session()).isInstanceOfSatisfying(RealtimeSessionDetails.class, session -> {
                            assertThat(session.model()).isEqualTo(RealtimeModel.GPT_REALTIME);
                            assertThat(session.audio().output().voice()).isEqualTo(Voice.MARIN);
                        });
                    })
                    .verifyComplete();
        }
    }

    @Test
    void refusesAWrongKeyAndAnOutOfRangeLifetimeLikeTheRealApi() {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
                RealtimeSessions wrongKey = RealtimeSessions.builder().apiKey("sk-wrong").baseUrl(endpoint.baseUrl())
                        .retryPolicy(RetryPolicy.none()).build();
                RealtimeSessions sessions = RealtimeSessions.builder().apiKey(LocalRealtimeEndpoint.API_KEY)
                        .baseUrl(endpoint.baseUrl()).retryPolicy(RetryPolicy.none()).build()) {
            RealtimeSessionCreateRequest request = RealtimeSessionCreateRequest.builder().model("gpt-realtime").build();
            StepVerifier.create(wrongKey.create(request))
                    .expectError(AuthenticationException.class)
                    .verify(Duration.ofSeconds(10));
            StepVerifier.create(sessions.create(request.toBuilder().clientSecretExpiresAfter(Duration.ofHours(3)).build()))
                    .expectErrorSatisfies(error -> assertThat(((BadRequestException) error).param())
                            .contains("client_secret.expires_after.seconds"))
                    .verify(Duration.ofSeconds(10));
        }
    }

    // --- validation against the published request schemas ---

    private final LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
    private final RealtimeSessions sessions = RealtimeSessions.builder().apiKey(LocalRealtimeEndpoint.API_KEY)
            .baseUrl(endpoint.baseUrl()).retryPolicy(RetryPolicy.none()).build();

    @AfterEach
    void closeEndpoint() {
        sessions.close();
        endpoint.close();
    }

    /** Expects {@code call} to fail with a 400 naming {@code param} and {@code code}. */
    private static void assertBadRequest(Mono<?> call, String param, String code) {
        StepVerifier.create(call)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(BadRequestException.class, bad -> {
                    assertThat(bad.status()).isEqualTo(400);
                    assertThat(bad.errorType()).contains("invalid_request_error");
                    assertThat(bad.param()).as(bad.getMessage()).contains(param);
                    assertThat(bad.errorCode()).as(bad.getMessage()).contains(code);
                }))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void acceptsAFullyPopulatedBetaSessionRequest() {
        RealtimeSessionCreateRequest request = RealtimeSessionCreateRequest.builder()
                .model(RealtimeModel.GPT_REALTIME)
                .modalities(Modality.AUDIO, Modality.TEXT)
                .instructions("You are a friendly assistant.")
                .voice(Voice.MARIN)
                .inputAudioFormat(AudioFormat.PCM16)
                .outputAudioFormat(AudioFormat.G711_ULAW)
                .inputAudioTranscription(AudioTranscription.builder()
                        .model(TranscriptionModel.GPT_4O_TRANSCRIBE).language("en")
                        .prompt("expect words about the weather").build())
                .turnDetection(TurnDetection.semanticVad().eagerness(Eagerness.LOW).threshold(0.6)
                        .prefixPaddingMs(300).silenceDurationMs(700).createResponse(true).interruptResponse(false)
                        .build())
                .inputAudioNoiseReduction(NoiseReduction.FAR_FIELD)
                .addTool(FunctionTool.of("get_weather", "Current weather for a city",
                        Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")),
                                "required", List.of("city"))))
                .toolChoice(ToolChoice.function("get_weather"))
                .temperature(0.8)
                .maxResponseOutputTokens(4096)
                .speed(1.25)
                .tracing(Tracing.config("support-bot", "group-1", Map.of("tier", "gold")))
                .clientSecretExpiresAfter(Duration.ofMinutes(10))
                .build();
        StepVerifier.create(sessions.create(request))
                .assertNext(session -> assertThat(session.clientSecret().value()).startsWith("ek_local_"))
                .verifyComplete();
        StepVerifier.create(sessions.create(request.toBuilder().maxResponseOutputTokens(MaxOutputTokens.INF)
                        .tracing(Tracing.AUTO).model("gpt-realtime-next").voice(Voice.of("a-new-voice")).build()))
                .expectNextCount(1)
                .verifyComplete();
    }

    @Test
    void acceptsExplicitNullsThatTurnBetaFeaturesOff() {
        StepVerifier.create(sessions.create(RealtimeSessionCreateRequest.builder().model("gpt-realtime")
                        .disableTurnDetection().disableInputAudioTranscription().disableInputAudioNoiseReduction()
                        .disableTracing().build()))
                .expectNextCount(1)
                .verifyComplete();
        StepVerifier.create(sessions.createTranscriptionSession(TranscriptionSessionCreateRequest.builder()
                        .disableInputAudioTranscription().disableTurnDetection().disableInputAudioNoiseReduction()
                        .build()))
                .expectNextCount(1)
                .verifyComplete();
    }

    @Test
    void acceptsAFullyPopulatedBetaTranscriptionSessionRequest() {
        TranscriptionSessionCreateRequest request = TranscriptionSessionCreateRequest.builder()
                .modalities(List.of(Modality.AUDIO, Modality.TEXT))
                .inputAudioFormat(AudioFormat.G711_ALAW)
                .inputAudioTranscription(AudioTranscription.builder()
                        .model(TranscriptionModel.GPT_TRANSCRIBE).language("de").languages(List.of("de", "en"))
                        .keywords(List.of("Reactor")).prompt("Fachbegriffe aus der Informatik")
                        .delay(TranscriptionDelay.MEDIUM).build())
                .turnDetection(TurnDetection.semanticVad().eagerness(Eagerness.HIGH).threshold(0.4)
                        .prefixPaddingMs(200).silenceDurationMs(400).createResponse(true).interruptResponse(true)
                        .build())
                .inputAudioNoiseReduction(NoiseReduction.NEAR_FIELD)
                .include(List.of(Include.ITEM_INPUT_AUDIO_TRANSCRIPTION_LOGPROBS))
                .clientSecretExpiresAfter(Duration.ofMinutes(10))
                .build();
        StepVerifier.create(sessions.createTranscriptionSession(request))
                .assertNext(session -> assertThat(session.clientSecret().value()).startsWith("ek_local_"))
                .verifyComplete();
        StepVerifier.create(sessions.createTranscriptionSession(request.toBuilder()
                        .inputAudioTranscription(AudioTranscription.builder()
                                .model(TranscriptionModel.GPT_4O_MINI_TRANSCRIBE).language("en").prompt("tech").build())
                        .turnDetection(TurnDetection.serverVad().threshold(0.5).prefixPaddingMs(300)
                                .silenceDurationMs(200).build())
                        .build()))
                .expectNextCount(1)
                .verifyComplete();
    }

    @Test
    void acceptsTheExplicitNullsTheGaSchemaAllows() {
        McpTool nullFields = new McpTool("docs", "https://mcp.example.com", null, null, null, null,
                Tristate.ofNull(), Tristate.ofNull(), Tristate.ofNull(), Tristate.ofNull(), null);
        StepVerifier.create(sessions.createClientSecret(ClientSecretCreateRequest.of(RealtimeSessionConfig.builder()
                        .audioInput(AudioInputConfig.builder()
                                .disableTranscription().disableNoiseReduction().disableTurnDetection().build())
                        .disableTracing()
                        .disablePrompt()
                        .addTool(nullFields)
                        .build())))
                .expectNextCount(1)
                .verifyComplete();
    }

    @Test
    void refusesAnUnknownParameterNamingItsPath() {
        UnknownTool strict = new UnknownTool("function", Map.of("name", "get_weather", "strict", true));
        assertBadRequest(sessions.create(RealtimeSessionCreateRequest.builder().model("gpt-realtime")
                .addTool(strict).build()), "tools[0].strict", "unknown_parameter");
        assertBadRequest(sessions.createClientSecret(ClientSecretCreateRequest.of(RealtimeSessionConfig.builder()
                .addTool(FunctionTool.of("lookup", "Looks up", Map.of())).addTool(strict).build())),
                "session.tools[1].strict", "unknown_parameter");
    }

    @Test
    void refusesAValueOfTheWrongJsonType() {
        UnknownTool numericName = new UnknownTool("function", Map.of("name", 42));
        assertBadRequest(sessions.create(RealtimeSessionCreateRequest.builder().model("gpt-realtime")
                .addTool(numericName).build()), "tools[0].name", "invalid_type");
        assertBadRequest(sessions.createClientSecret(ClientSecretCreateRequest.of(RealtimeSessionConfig.builder()
                .addTool(numericName).build())), "session.tools[0].name", "invalid_type");
    }

    @Test
    void refusesAValueOutsideAClosedEnumButPassesAnyStringOfAnOpenOne() {
        assertBadRequest(sessions.create(RealtimeSessionCreateRequest.builder().model("gpt-realtime")
                .inputAudioFormat(AudioFormat.of("opus")).build()), "input_audio_format", "invalid_value");
        assertBadRequest(sessions.createClientSecret(ClientSecretCreateRequest.of(TranscriptionSessionConfig.builder()
                .include(Include.of("item.everything")).build())), "session.include[0]", "invalid_value");
        assertBadRequest(sessions.createClientSecret(ClientSecretCreateRequest.of(RealtimeSessionConfig.builder()
                .outputModalities(Modality.of("video")).build())), "session.output_modalities[0]", "invalid_value");
        StepVerifier.create(sessions.createClientSecret(ClientSecretCreateRequest.of(RealtimeSessionConfig.builder()
                        .model("gpt-realtime-next")
                        .audioOutput(AudioOutputConfig.ofVoice(Voice.of("a-new-voice"))).build())))
                .expectNextCount(1)
                .verifyComplete();
    }

    @Test
    void refusesNumbersOutsideTheDeclaredRanges() {
        assertBadRequest(sessions.createClientSecret(ClientSecretCreateRequest.builder()
                .expiresAfter(Duration.ofHours(3)).session(RealtimeSessionConfig.builder().build()).build()),
                "expires_after.seconds", "integer_out_of_range");
        assertBadRequest(sessions.createTranscriptionSession(TranscriptionSessionCreateRequest.builder()
                .clientSecretExpiresAfter(Duration.ofSeconds(5)).build()),
                "client_secret.expires_at.seconds", "integer_out_of_range");
        assertBadRequest(sessions.create(RealtimeSessionCreateRequest.builder().model("gpt-realtime").speed(2.0)
                .build()), "speed", "invalid_value");
    }

    @Test
    void answersARawBodyWithOpenAisErrorShape() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint.baseUrl()
                        + "/realtime/client_secrets"))
                .header("authorization", "Bearer " + LocalRealtimeEndpoint.API_KEY)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"session\":{\"type\":\"realtime\",\"audio\":{\"output\":{\"voicee\":\"marin\"}}}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JsonMapper.builder().build().readTree(response.body()).get("error");
        assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
        assertThat(error.get("code").asString()).isEqualTo("unknown_parameter");
        assertThat(error.get("param").asString()).isEqualTo("session.audio.output.voicee");
        assertThat(error.get("message").asString()).contains("session.audio.output.voicee");
    }
}
