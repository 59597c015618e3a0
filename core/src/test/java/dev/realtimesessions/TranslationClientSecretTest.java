package dev.realtimesessions;

import static dev.realtimesessions.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import dev.realtimesessions.model.ExpiresAfter;
import dev.realtimesessions.model.NoiseReduction;
import dev.realtimesessions.model.NoiseReductionType;
import dev.realtimesessions.model.TranscriptionModel;
import dev.realtimesessions.model.TranslationClientSecretCreateRequest;
import dev.realtimesessions.model.TranslationClientSecretCreateResponse;
import dev.realtimesessions.model.TranslationModel;
import dev.realtimesessions.model.TranslationSessionConfig;
import dev.realtimesessions.model.TranslationSessionDetails;
import dev.realtimesessions.model.Tristate;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testing.Fixtures.MockOpenAi;
import dev.realtimesessions.testing.HostileServer;
import dev.realtimesessions.testsupport.LogCapture;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import mockwebserver3.RecordedRequest;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

/**
 * {@code POST /realtime/translations/client_secrets} through the public API: the request field by
 * field as OpenAI's Python SDK types it ({@code openai/openai-python}
 * {@code src/openai/types/realtime/translations/client_secret_create_params.py},
 * {@code realtime_translation_session_create_request_param.py}), the answer as its
 * {@code realtime_translation_client_secret_create_response.py} and {@code realtime_translation_session.py}
 * type it, read tolerantly, every validation rule with nothing sent, retries and redaction.
 */
class TranslationClientSecretTest {

    private static final String SECRET = "ek_translation_0123456789abcdef";
    private static final String ANSWER = "{\"value\":\"" + SECRET + "\",\"expires_at\":1756310470,"
            + "\"session\":{\"id\":\"sess_translation_1\",\"type\":\"translation\",\"expires_at\":1756314070,"
            + "\"model\":\"gpt-realtime-translate\",\"audio\":{\"input\":{\"noise_reduction\":{\"type\":\"far_field\"},"
            + "\"transcription\":{\"model\":\"gpt-realtime-whisper\"}},\"output\":{\"language\":\"es\"}}}}";

    @AutoClose
    private final MockOpenAi openAi = new MockOpenAi(builder -> builder.retryPolicy(
            RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(5))));

    private static TranslationSessionConfig.Builder session() {
        return TranslationSessionConfig.builder().model(TranslationModel.GPT_REALTIME_TRANSLATE);
    }

    private RecordedRequest sent(TranslationClientSecretCreateRequest request) {
        openAi.answer(200, ANSWER);
        openAi.await(openAi.client.createTranslationClientSecret(request));
        return openAi.takeRequest();
    }

    @Test
    void everyFieldIsSentWhereThePythonSdkTypesIt() {
        RecordedRequest request = sent(TranslationClientSecretCreateRequest.builder()
                .expiresAfter(Duration.ofMinutes(2))
                .session(session()
                        .inputNoiseReduction(NoiseReduction.NEAR_FIELD)
                        .inputTranscription(TranscriptionModel.of("gpt-realtime-whisper"))
                        .outputLanguage("es")
                        .build())
                .build());

        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/realtime/translations/client_secrets");
        assertThat(request.getHeaders().get("content-type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("authorization")).isEqualTo("Bearer " + Fixtures.API_KEY);
        assertThat(json(request.getBody().utf8())).isEqualTo(json("{\"expires_after\":{\"anchor\":\"created_at\","
                + "\"seconds\":120},\"session\":{\"model\":\"gpt-realtime-translate\",\"audio\":{\"input\":{"
                + "\"noise_reduction\":{\"type\":\"near_field\"},"
                + "\"transcription\":{\"model\":\"gpt-realtime-whisper\"}},"
                + "\"output\":{\"language\":\"es\"}}}}"));
    }

    @Test
    void aMinimalRequestSendsOnlyTheModelAndAnExplicitNullTurnsAnInputOptionOff() {
        assertThat(json(sent(TranslationClientSecretCreateRequest.of(session().build())).getBody().utf8()))
                .isEqualTo(json("{\"session\":{\"model\":\"gpt-realtime-translate\"}}"));

        assertThat(json(sent(TranslationClientSecretCreateRequest.of(session().disableInputNoiseReduction()
                .disableInputTranscription().build())).getBody().utf8()))
                .isEqualTo(json("{\"session\":{\"model\":\"gpt-realtime-translate\",\"audio\":{\"input\":{"
                        + "\"noise_reduction\":null,\"transcription\":null}}}}"));

        assertThat(json(sent(TranslationClientSecretCreateRequest.of(session().model("gpt-realtime-translate-2")
                .outputLanguage("ja").build())).getBody().utf8()))
                .isEqualTo(json("{\"session\":{\"model\":\"gpt-realtime-translate-2\",\"audio\":{\"output\":{"
                        + "\"language\":\"ja\"}}}}"));
    }

    @Test
    void theAnswerIsReadWithEveryFieldOfTheSession() {
        openAi.answer(200, ANSWER);
        ApiResponse<TranslationClientSecretCreateResponse> response = openAi.await(
                openAi.client.createTranslationClientSecretWithResponse(
                        TranslationClientSecretCreateRequest.of(session().build()), RequestOptions.none()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.requestId()).contains(Fixtures.REQUEST_ID);
        TranslationClientSecretCreateResponse secret = response.value();
        assertThat(secret.value()).isEqualTo(SECRET);
        assertThat(secret.expiresAt()).isEqualTo(Instant.ofEpochSecond(1_756_310_470L));
        assertThat(secret.clientSecret().value()).isEqualTo(SECRET);
        assertThat(secret.additionalProperties()).isEmpty();
        TranslationSessionDetails session = secret.session();
        assertThat(session.id()).isEqualTo("sess_translation_1");
        assertThat(session.type()).isEqualTo("translation");
        assertThat(session.expiresAt()).isEqualTo(Instant.ofEpochSecond(1_756_314_070L));
        assertThat(session.model()).isSameAs(TranslationModel.GPT_REALTIME_TRANSLATE);
        assertThat(session.inputNoiseReduction()).isEqualTo(Tristate.of(NoiseReduction.FAR_FIELD));
        assertThat(session.inputTranscription()).isEqualTo(Tristate.of(TranscriptionModel.of("gpt-realtime-whisper")));
        assertThat(session.outputLanguage()).isEqualTo("es");
        assertThat(session.additionalProperties()).isEmpty();
    }

    @Test
    void unknownFieldsAndOddValuesAreKeptUnderTheirPaths() {
        openAi.answer(200, "{\"value\":\"" + SECRET + "\",\"expires_at\":1756310470.9,\"object\":\"secret\","
                + "\"session\":{\"type\":\"translation\",\"model\":\"gpt-realtime-translate-next\","
                + "\"expires_at\":\"soon\","
                + "\"audio\":{\"input\":{\"noise_reduction\":null,\"transcription\":{\"model\":\"w\","
                + "\"delay\":\"low\"},"
                + "\"format\":{\"type\":\"audio/pcm\"}},\"output\":{\"language\":7,\"voice\":\"marin\"}},"
                + "\"status\":\"ready\"}}");

        TranslationClientSecretCreateResponse secret = openAi.await(openAi.client.createTranslationClientSecret(
                TranslationClientSecretCreateRequest.of(session().build())));

        assertThat(secret.expiresAt()).isEqualTo(Instant.ofEpochSecond(1_756_310_470L));
        assertThat(secret.additionalProperties()).containsOnly(entry("object", "secret"));
        TranslationSessionDetails session = secret.session();
        assertThat(session.model().value()).isEqualTo("gpt-realtime-translate-next");
        assertThat(session.model().isKnown()).isFalse();
        assertThat(session.expiresAt()).isNull();
        assertThat(session.inputNoiseReduction().isNull()).isTrue();
        assertThat(session.inputTranscription().isAbsent()).as("a transcription with more than a model").isTrue();
        assertThat(session.outputLanguage()).isNull();
        assertThat(session.additionalProperties()).containsOnly(
                entry("expires_at", "soon"),
                entry("audio.input.transcription", Map.of("model", "w", "delay", "low")),
                entry("audio.input.format", Map.of("type", "audio/pcm")),
                entry("audio.output.language", 7),
                entry("audio.output.voice", "marin"),
                entry("status", "ready"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"session\":null", ",\"session\":\"sess_1\"", ",\"session\":[]"})
    void aMissingOrOddSessionReadsAsEmptyAndTheSecretStillArrives(String session) {
        openAi.answer(200, "{\"value\":\"" + SECRET + "\",\"expires_at\":1" + session + "}");

        TranslationClientSecretCreateResponse secret = openAi.await(openAi.client.createTranslationClientSecret(
                TranslationClientSecretCreateRequest.of(session().build())));

        assertThat(secret.value()).isEqualTo(SECRET);
        assertThat(secret.session()).isEqualTo(TranslationSessionDetails.empty());
        assertThat(secret.additionalProperties().keySet()).isEqualTo(session.isEmpty() ? Set.of() : Set.of("session"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"expires_at\":1,\"session\":{}}", "{\"value\":\"" + SECRET + "\"}",
        "{\"value\":7,\"expires_at\":1}", "{\"value\":\"" + SECRET + "\",\"expires_at\":\"soon\"}"})
    void anAnswerWithoutTheSecretOrItsExpiryIsADecodingError(String answer) {
        openAi.answer(200, answer);

        Throwable error = Fixtures.failure(openAi.client.createTranslationClientSecret(
                TranslationClientSecretCreateRequest.of(session().build())));

        assertThat(error).isInstanceOf(ResponseDecodingException.class)
                .hasMessageContaining("POST /realtime/translations/client_secrets").hasMessageNotContaining(SECRET);
    }

    @Test
    void aServerErrorIsRetriedAsForTheOtherTokenEndpoints() {
        openAi.server.enqueue(Fixtures.status(503).build());
        openAi.answer(200, ANSWER);

        ApiResponse<TranslationClientSecretCreateResponse> response = openAi.await(
                openAi.client.createTranslationClientSecretWithResponse(
                        TranslationClientSecretCreateRequest.of(session().build())));

        assertThat(response.attempts()).isEqualTo(2);
    }

    @Test
    void theSecretNeverShowsInToStringOrTheWiretap() throws Exception {
        try (LogCapture log = LogCapture.debug("dev.realtimesessions");
                MockOpenAi tapped = new MockOpenAi(builder -> builder.wiretap(true))) {
            tapped.answer(200, ANSWER);
            TranslationClientSecretCreateResponse secret = tapped.await(tapped.client.createTranslationClientSecret(
                    TranslationClientSecretCreateRequest.of(session().build()), RequestOptions.none()));

            assertThat(secret.toString()).contains("ek_***").doesNotContain(SECRET).contains("sess_translation_1");
            String all = String.join("\n", log.messages());
            assertThat(all).contains("/realtime/translations/client_secrets").doesNotContain(SECRET)
                    .doesNotContain(Fixtures.API_KEY);
        }
    }

    @Test
    void everyRuleOfTheRequestIsCheckedBeforeAnythingIsSent() {
        try (HostileServer server = HostileServer.start();
                RealtimeSessions sessions = RealtimeSessions.builder().apiKey(Fixtures.API_KEY).baseUrl(server.baseUrl())
                        .build()) {
            StepVerifier.create(sessions.createTranslationClientSecret(null))
                    .expectErrorSatisfies(error -> assertThat(((ValidationException) error).field()).isEqualTo("request"))
                    .verify(Fixtures.WAIT);
            StepVerifier.create(sessions.createTranslationClientSecretWithResponse(null, null))
                    .expectError(ValidationException.class).verify(Fixtures.WAIT);
            assertThat(server.connections()).isZero();
        }
        refused(() -> TranslationClientSecretCreateRequest.builder().build(), "session");
        refused(() -> TranslationClientSecretCreateRequest.of(null), "session");
        refused(() -> TranslationClientSecretCreateRequest.builder().expiresAfter(Duration.ofMillis(1500)),
                "expires_after.seconds");
        refused(() -> TranslationClientSecretCreateRequest.builder().expiresAfter((ExpiresAfter) null), "expires_after");
        refused(() -> TranslationSessionConfig.builder().build(), "session.model");
        refused(() -> TranslationSessionConfig.builder().model(" "), "session.model");
        refused(() -> new TranslationSessionConfig(TranslationModel.of(""), null, null, null), "session.model");
        refused(() -> session().outputLanguage(""), "session.audio.output.language");
        refused(() -> new TranslationSessionConfig(TranslationModel.GPT_REALTIME_TRANSLATE, null, null, " "),
                "session.audio.output.language");
        refused(() -> session().inputNoiseReduction(new NoiseReduction(null)), "session.audio.input.noise_reduction.type");
        refused(() -> new TranslationSessionConfig(TranslationModel.GPT_REALTIME_TRANSLATE,
                Tristate.of(new NoiseReduction(null)), null, null), "session.audio.input.noise_reduction.type");
        refused(() -> session().inputTranscription(TranscriptionModel.of(" ")), "session.audio.input.transcription.model");
        refused(() -> session().inputTranscription(null), "session.audio.input.transcription.model");
        assertThat(session().inputNoiseReduction(new NoiseReduction(NoiseReductionType.of("studio"))).build()
                .inputNoiseReduction().get().type().value()).as("an unknown noise reduction is sent as given")
                .isEqualTo("studio");
    }

    @Test
    void aRequestDerivesVariants() {
        TranslationClientSecretCreateRequest spanish = TranslationClientSecretCreateRequest.of(
                session().outputLanguage("es").build());
        TranslationClientSecretCreateRequest french = spanish.toBuilder()
                .session(spanish.session().toBuilder().outputLanguage("fr").build()).build();

        assertThat(french.session().outputLanguage()).isEqualTo("fr");
        assertThat(french.session().model()).isEqualTo(spanish.session().model());
    }

    private static void refused(ThrowingCallable building, String field) {
        ValidationException error = catchThrowableOfType(ValidationException.class, building);
        assertThat(error).as("refused: %s", field).isNotNull();
        assertThat(error.field()).isEqualTo(field);
    }
}
