package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.AudioFormat;
import dev.realtimesessions.model.AudioTranscription;
import dev.realtimesessions.model.Eagerness;
import dev.realtimesessions.model.Modality;
import dev.realtimesessions.model.NoiseReduction;
import dev.realtimesessions.model.TranscriptionModel;
import dev.realtimesessions.model.TranscriptionSession;
import dev.realtimesessions.model.TranscriptionSessionCreateRequest;
import dev.realtimesessions.model.TurnDetection;
import dev.realtimesessions.model.TurnDetectionType;
import dev.realtimesessions.spec.OpenApiSpec;
import dev.realtimesessions.testing.Fixtures.MockOpenAi;
import dev.realtimesessions.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/** {@code createTranscriptionSession} end to end against a local server: the exchange, the answer, the errors. */
@SuppressWarnings("deprecation") // also calls the beta endpoints, which stay supported and tested
class TranscriptionSessionsTest {

    private static final String SECRET = "ek_68af2c9f1d8c8190a1b2c3d4e5f6";
    private static final String ANSWER = "{\"id\":\"sess_1\",\"object\":\"realtime.transcription_session\","
            + "\"expires_at\":1742188264,\"modalities\":[\"audio\",\"text\"],\"input_audio_format\":\"pcm16\","
            + "\"input_audio_transcription\":{\"model\":\"gpt-4o-transcribe\",\"language\":\"en\",\"prompt\":\"\"},"
            + "\"turn_detection\":{\"type\":\"server_vad\",\"threshold\":0.5,\"prefix_padding_ms\":300,"
            + "\"silence_duration_ms\":200},"
            + "\"client_secret\":{\"value\":\"" + SECRET + "\",\"expires_at\":1742188324}}";

    @AutoClose
    private final MockOpenAi openAi = new MockOpenAi();

    private TranscriptionSession mint(String answerBody) {
        openAi.answer(200, answerBody);
        return openAi.await(openAi.client.createTranscriptionSession(TranscriptionSessionCreateRequest.builder().build()));
    }

    @Test
    void postsTheRequestToTranscriptionSessionsAndDecodesTheSession() throws Exception {
        openAi.answer(200, ANSWER);

        TranscriptionSession session = openAi.client.createTranscriptionSession(TranscriptionSessionCreateRequest.builder()
                .inputAudioFormat(AudioFormat.PCM16)
                .inputAudioTranscription(AudioTranscription.builder()
                        .model(TranscriptionModel.GPT_4O_TRANSCRIBE).language("en").build())
                .turnDetection(TurnDetection.semanticVad().eagerness(Eagerness.LOW).build())
                .inputAudioNoiseReduction(NoiseReduction.NEAR_FIELD)
                .build()).block(Fixtures.WAIT);

        RecordedRequest request = openAi.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/v1/realtime/transcription_sessions");
        assertThat(request.getHeaders().get("authorization")).isEqualTo("Bearer " + Fixtures.API_KEY);
        assertThat(request.getHeaders().get("content-type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("openai-beta")).as("never an OpenAI-Beta header").isNull();
        assertThat(Fixtures.json(request.getBody().utf8())).isEqualTo(Fixtures.json("{\"input_audio_format\":\"pcm16\","
                + "\"input_audio_transcription\":{\"model\":\"gpt-4o-transcribe\",\"language\":\"en\"},"
                + "\"turn_detection\":{\"type\":\"semantic_vad\",\"eagerness\":\"low\"},"
                + "\"input_audio_noise_reduction\":{\"type\":\"near_field\"}}"));

        assertThat(session.id()).isEqualTo("sess_1");
        assertThat(session.object()).isEqualTo("realtime.transcription_session");
        assertThat(session.expiresAt()).isEqualTo(Instant.ofEpochSecond(1742188264));
        assertThat(session.modalities()).containsExactly(Modality.AUDIO, Modality.TEXT);
        assertThat(session.inputAudioFormat()).isEqualTo(AudioFormat.PCM16);
        assertThat(session.inputAudioTranscription().get().model()).isEqualTo(TranscriptionModel.GPT_4O_TRANSCRIBE);
        assertThat(session.turnDetection().get().silenceDurationMs()).isEqualTo(200);
        assertThat(session.clientSecret()).isNotNull();
        assertThat(session.clientSecret().value()).isEqualTo(SECRET);
        assertThat(session.clientSecret().expiresAt()).isEqualTo(Instant.ofEpochSecond(1742188324));
        assertThat(session.additionalProperties()).isEmpty();
    }

    @Test
    void withResponseCarriesStatusRequestIdAndAttempts() {
        openAi.answer(200, ANSWER, "x-request-id", "req_transcription_1");

        ApiResponse<TranscriptionSession> response = openAi.client.createTranscriptionSessionWithResponse(
                TranscriptionSessionCreateRequest.builder().build()).block(Fixtures.WAIT);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.requestId()).hasValue("req_transcription_1");
        assertThat(response.attempts()).isEqualTo(1);
        assertThat(response.value().id()).isEqualTo("sess_1");
    }

    @Test
    void requestOptionsApplyToTheCall() throws Exception {
        openAi.answer(200, ANSWER);
        RequestOptions options = RequestOptions.builder().header("X-Tenant", "acme").apiKey("sk-other-654321").build();

        ApiResponse<TranscriptionSession> response = openAi.client.createTranscriptionSessionWithResponse(
                TranscriptionSessionCreateRequest.builder().build(), options).block(Fixtures.WAIT);

        RecordedRequest request = openAi.takeRequest();
        assertThat(request.getHeaders().get("x-tenant")).isEqualTo("acme");
        assertThat(request.getHeaders().get("authorization")).isEqualTo("Bearer sk-other-654321");
        assertThat(response.value().clientSecret()).isNotNull();
    }

    @Test
    void rateLimitBecomesRateLimitExceptionWithTheServersRetryAfter() {
        openAi.answer(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}",
                "retry-after", "20", "x-request-id", "req_429");
        RequestOptions noRetries = RequestOptions.builder().retryPolicy(RetryPolicy.none()).build();

        StepVerifier.create(openAi.client.createTranscriptionSession(TranscriptionSessionCreateRequest.builder().build(),
                        noRetries))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(RateLimitException.class);
                    RateLimitException rateLimit = (RateLimitException) error;
                    assertThat(rateLimit.status()).isEqualTo(429);
                    assertThat(rateLimit.retryAfter()).hasValue(Duration.ofSeconds(20));
                    assertThat(rateLimit.errorCode()).hasValue("rate_limit_exceeded");
                    assertThat(rateLimit.requestId()).hasValue("req_429");
                })
                .verify(Fixtures.WAIT);
        assertThat(openAi.server.getRequestCount()).as("no retry with RetryPolicy.none()").isEqualTo(1);
    }

    @Test
    void badRequestBecomesBadRequestExceptionNamingTheParam() {
        openAi.answer(400, "{\"error\":{\"message\":\"Invalid value: 'opus'. Supported values are: 'pcm16', 'g711_ulaw',"
                + " and 'g711_alaw'.\",\"type\":\"invalid_request_error\",\"param\":\"input_audio_format\","
                + "\"code\":\"invalid_value\"}}");

        StepVerifier.create(openAi.client.createTranscriptionSession(TranscriptionSessionCreateRequest.builder()
                        .inputAudioFormat(AudioFormat.of("opus")).build()))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(BadRequestException.class);
                    BadRequestException badRequest = (BadRequestException) error;
                    assertThat(badRequest.status()).isEqualTo(400);
                    assertThat(badRequest.param()).hasValue("input_audio_format");
                    assertThat(badRequest.errorType()).hasValue("invalid_request_error");
                    assertThat(badRequest.errorCode()).hasValue("invalid_value");
                })
                .verify(Fixtures.WAIT);
        assertThat(openAi.server.getRequestCount()).as("a 400 is not retried").isEqualTo(1);
    }

    static Stream<Arguments> specExampleAnswers() {
        return Stream.of(OpenApiSpec.BETA_2025_04, OpenApiSpec.SPEC_2026_08).flatMap(file -> {
            OpenApiSpec spec = OpenApiSpec.load(file);
            return Stream.of(
                    Arguments.of(file, "the operation's example",
                            spec.post("/realtime/transcription_sessions").path("x-oaiMeta").path("examples")
                                    .path("response").asString()),
                    Arguments.of(file, "the response schema's example",
                            spec.schema("RealtimeTranscriptionSessionCreateResponse").path("x-oaiMeta").path("example")
                                    .asString()));
        });
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("specExampleAnswers")
    void theSpecsExampleAnswersParse(String file, String which, String example) {
        // The examples disagree with their own schema: they carry id, object and (the schema's
        // example) expires_at, which the schema does not declare, and "client_secret": null
        // although the schema requires a client_secret object. Both are accepted: the undeclared
        // fields are modelled, and a null client secret is a null clientSecret().
        JsonNode schema = OpenApiSpec.load(file).schema("RealtimeTranscriptionSessionCreateResponse");
        assertThat(schema.path("properties").propertyNames()).doesNotContain("id", "object", "expires_at");
        assertThat(schema.path("required").values()).extracting(JsonNode::asString).contains("client_secret");
        JsonNode exampleJson = Fixtures.json(example);
        assertThat(exampleJson.get("client_secret").isNull()).isTrue();

        TranscriptionSession session = mint(example);

        assertThat(session.id()).isEqualTo("sess_BBwZc7cFV3XizEyKGDCGL");
        assertThat(session.object()).isEqualTo("realtime.transcription_session");
        assertThat(session.expiresAt()).isEqualTo(exampleJson.has("expires_at")
                ? Instant.ofEpochSecond(exampleJson.get("expires_at").asLong()) : null);
        assertThat(session.modalities()).containsExactly(Modality.AUDIO, Modality.TEXT);
        assertThat(session.inputAudioFormat()).isEqualTo(AudioFormat.PCM16);
        TurnDetection turnDetection = session.turnDetection().get();
        assertThat(turnDetection.type()).isEqualTo(TurnDetectionType.SERVER_VAD);
        assertThat(turnDetection.threshold()).isEqualTo(0.5);
        assertThat(turnDetection.prefixPaddingMs()).isEqualTo(300);
        assertThat(turnDetection.silenceDurationMs()).isEqualTo(200);
        AudioTranscription transcription = session.inputAudioTranscription().get();
        assertThat(transcription.model()).isEqualTo(TranscriptionModel.GPT_4O_TRANSCRIBE);
        assertThat(transcription.language()).isNull();
        assertThat(transcription.prompt()).isEmpty();
        assertThat(session.clientSecret()).isNull();
        assertThat(session.additionalProperties()).isEmpty();
    }

    @Test
    void unknownFieldsAndEnumValuesAreKept() {
        TranscriptionSession session = mint("{\"id\":\"sess_2\",\"modalities\":[\"audio\",\"video\"],"
                + "\"input_audio_format\":\"opus\","
                + "\"input_audio_transcription\":{\"model\":\"gpt-9-transcribe\",\"language\":\"de\",\"future\":{}},"
                + "\"turn_detection\":{\"type\":\"future_vad\",\"eagerness\":\"whenever\",\"threshold\":0.4},"
                + "\"input_audio_noise_reduction\":{\"type\":\"near_field\"},"
                + "\"include\":[\"item.input_audio_transcription.logprobs\"],"
                + "\"shiny_new_field\":{\"nested\":[1,2.5,\"x\",null,false]},"
                + "\"client_secret\":{\"value\":\"ek_2\",\"expires_at\":1742188324,\"scope\":\"transcription\"}}");

        assertThat(session.modalities()).containsExactly(Modality.AUDIO, Modality.of("video"));
        assertThat(session.modalities().get(1).isKnown()).isFalse();
        assertThat(session.inputAudioFormat().value()).isEqualTo("opus");
        assertThat(session.inputAudioFormat().isKnown()).isFalse();
        assertThat(session.inputAudioTranscription().get().model()).isEqualTo(TranscriptionModel.of("gpt-9-transcribe"));
        assertThat(session.inputAudioTranscription().get().language()).isEqualTo("de");
        assertThat(session.turnDetection().get().type().value()).isEqualTo("future_vad");
        assertThat(session.turnDetection().get().type().isKnown()).isFalse();
        assertThat(session.turnDetection().get().eagerness()).isEqualTo(Eagerness.of("whenever"));
        assertThat(session.clientSecret().value()).isEqualTo("ek_2");
        assertThat(session.additionalProperties()).containsOnlyKeys("input_audio_transcription.future",
                "input_audio_noise_reduction", "include", "shiny_new_field", "client_secret.scope");
        assertThat(session.additionalProperties().get("input_audio_transcription.future")).isEqualTo(Map.of());
        assertThat(session.additionalProperties().get("client_secret.scope")).isEqualTo("transcription");
        assertThat(session.additionalProperties().get("input_audio_noise_reduction"))
                .isEqualTo(Map.of("type", "near_field"));
        assertThat(session.additionalProperties().get("include"))
                .isEqualTo(List.of("item.input_audio_transcription.logprobs"));
        assertThat(session.additionalProperties().get("shiny_new_field"))
                .isEqualTo(Map.of("nested", Arrays.asList(1, 2.5, "x", null, false)));
    }

    @Test
    void nullsInTheAnswerMeanOff() {
        TranscriptionSession session = mint("{\"input_audio_transcription\":null,\"turn_detection\":null,"
                + "\"client_secret\":null,\"expires_at\":null}");

        assertThat(session.inputAudioTranscription().isNull()).isTrue();
        assertThat(session.turnDetection().isNull()).isTrue();
        assertThat(session.clientSecret()).isNull();
        assertThat(session.expiresAt()).isNull();

        TranscriptionSession empty = mint("{}");
        assertThat(empty.inputAudioTranscription().isAbsent()).isTrue();
        assertThat(empty.turnDetection().isAbsent()).isTrue();
        assertThat(empty.clientSecret()).isNull();
    }

    @Test
    void toStringNeverShowsTheSecret() {
        openAi.answer(200, ANSWER);

        ApiResponse<TranscriptionSession> response = openAi.client.createTranscriptionSessionWithResponse(
                TranscriptionSessionCreateRequest.builder().build()).block(Fixtures.WAIT);

        assertThat(response.value().toString()).doesNotContain(SECRET).contains("ek_***");
        assertThat(response.toString()).doesNotContain(SECRET).contains("ek_***");
        assertThat(response.value().clientSecret().toString()).doesNotContain(SECRET);
    }

    @Test
    void aClientSecretWithoutItsValueIsADecodingError() {
        openAi.answer(200, "{\"id\":\"sess_3\",\"client_secret\":{\"expires_at\":1742188324}}");

        StepVerifier.create(openAi.client.createTranscriptionSession(TranscriptionSessionCreateRequest.builder().build()))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ResponseDecodingException.class)
                            .hasMessageContaining("client_secret.value");
                    assertThat(((ResponseDecodingException) error).status()).isEqualTo(200);
                })
                .verify(Fixtures.WAIT);
        assertThat(openAi.server.getRequestCount()).as("an undecodable answer is not retried").isEqualTo(1);
    }

    @Test
    void aSessionExpiryBeyondWhatAnInstantHoldsIsKeptAsItCame() {
        TranscriptionSession session = mint("{\"id\":\"sess_4\",\"expires_at\":9223372036854775807}");

        assertThat(session.id()).isEqualTo("sess_4");
        assertThat(session.expiresAt()).isNull();
        assertThat(session.additionalProperties()).isEqualTo(Map.of("expires_at", Long.MAX_VALUE));
    }

    @Test
    void aNullRequestFailsWithoutSendingAnything() {
        StepVerifier.create(openAi.client.createTranscriptionSession(null))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(ValidationException.class,
                        validation -> assertThat(validation.field()).isEqualTo("request")))
                .verify(Fixtures.WAIT);
        assertThat(openAi.server.getRequestCount()).isZero();
    }

    @Test
    void nothingIsSentUntilSubscribedAndEachSubscriptionIsACall() {
        openAi.answer(200, ANSWER);
        openAi.answer(200, ANSWER);

        Mono<TranscriptionSession> call = openAi.client.createTranscriptionSession(
                TranscriptionSessionCreateRequest.builder().build());
        assertThat(openAi.server.getRequestCount()).isZero();

        call.block(Fixtures.WAIT);
        call.block(Fixtures.WAIT);
        assertThat(openAi.server.getRequestCount()).isEqualTo(2);
    }
}
