package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.realtimesessions.model.AudioFormat;
import dev.realtimesessions.model.AudioTranscription;
import dev.realtimesessions.model.Eagerness;
import dev.realtimesessions.model.Modality;
import dev.realtimesessions.model.NoiseReduction;
import dev.realtimesessions.model.TranscriptionDelay;
import dev.realtimesessions.model.Include;
import dev.realtimesessions.model.TranscriptionModel;
import dev.realtimesessions.model.TranscriptionSessionCreateRequest;
import dev.realtimesessions.model.TurnDetection;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON {@code createTranscriptionSession} sends, checked against OpenAI's published
 * {@code RealtimeTranscriptionSessionCreateRequest}: the 2025-04 file (the authority for the beta
 * endpoints) and the 2026-08 file, which adds transcription {@code languages}, {@code keywords}
 * and {@code delay} and drops {@code modalities}.
 */
class TranscriptionSessionRequestSpecTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OpenApiSpec BETA = OpenApiSpec.load(OpenApiSpec.BETA_2025_04);
    private static final OpenApiSpec LATER = OpenApiSpec.load(OpenApiSpec.SPEC_2026_08);
    private static final String REQUEST = "RealtimeTranscriptionSessionCreateRequest";

    /** The request's {@code client_secret}, which neither file declares: see the test that sends it. */
    private static final List<String> CLIENT_SECRET_PATHS = List.of("client_secret", "client_secret.expires_at",
            "client_secret.expires_at.anchor", "client_secret.expires_at.seconds");

    private MockWebServer server;
    private RealtimeSessions sessions;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        sessions = RealtimeSessions.builder().apiKey("sk-test-123456").baseUrl(server.url("/v1").toString()).build();
    }

    @AfterEach
    void stop() {
        sessions.close();
        server.close();
    }

    /** Sends the request through the public API to the local server and returns the body it received. */
    private JsonNode sent(TranscriptionSessionCreateRequest request) throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                .body("{\"client_secret\":{\"value\":\"ek_test\",\"expires_at\":1742188324}}").build());
        sessions.createTranscriptionSession(request).block(TIMEOUT);
        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded).as("the request reached the server").isNotNull();
        return JSON.readTree(recorded.getBody().utf8());
    }

    @Test
    void everyField2025SpecDeclaresIsSentWithItsNameAndShape() throws Exception {
        TranscriptionSessionCreateRequest request = TranscriptionSessionCreateRequest.builder()
                .modalities(Modality.TEXT, Modality.AUDIO)
                .inputAudioFormat(AudioFormat.G711_ULAW)
                .inputAudioTranscription(AudioTranscription.builder()
                        .model(TranscriptionModel.GPT_4O_TRANSCRIBE)
                        .language("en")
                        .prompt("expect words related to technology")
                        .build())
                .turnDetection(TurnDetection.semanticVad()
                        .eagerness(Eagerness.LOW)
                        .threshold(0.6)
                        .prefixPaddingMs(300)
                        .silenceDurationMs(500)
                        .createResponse(false)
                        .interruptResponse(false)
                        .build())
                .inputAudioNoiseReduction(NoiseReduction.FAR_FIELD)
                .include(Include.ITEM_INPUT_AUDIO_TRANSCRIPTION_LOGPROBS)
                .build();

        JsonNode body = sent(request);

        JsonNode schema = BETA.schema(REQUEST);
        assertThat(OpenApiSpec.keyPaths(body)).as("key paths sent vs. declared by the 2025-04 schema")
                .isEqualTo(BETA.propertyPaths(schema));
        BETA.assertConforms(body, schema, "");
    }

    @Test
    void everyField2026SpecDeclaresIsSentWithItsNameAndShape() throws Exception {
        // The shapes only: delay and prompt are not supported by the same transcription model.
        TranscriptionSessionCreateRequest request = TranscriptionSessionCreateRequest.builder()
                .inputAudioFormat(AudioFormat.PCM16)
                .inputAudioTranscription(AudioTranscription.builder()
                        .model(TranscriptionModel.GPT_REALTIME_WHISPER)
                        .language("en")
                        .languages(List.of("en", "de"))
                        .keywords(List.of("Reactor", "Netty"))
                        .prompt("expect words related to technology")
                        .delay(TranscriptionDelay.LOW)
                        .build())
                .turnDetection(TurnDetection.serverVad().threshold(0.5).prefixPaddingMs(300).silenceDurationMs(200).build())
                .inputAudioNoiseReduction(NoiseReduction.NEAR_FIELD)
                .include(Include.ITEM_INPUT_AUDIO_TRANSCRIPTION_LOGPROBS)
                .build();

        JsonNode body = sent(request);

        JsonNode schema = LATER.schema(REQUEST);
        assertThat(OpenApiSpec.keyPaths(body)).as("key paths sent vs. declared by the 2026-08 schema")
                .isEqualTo(LATER.propertyPaths(schema));
        LATER.assertConforms(body, schema, "");
    }

    @Test
    void fullyPopulatedRequestSendsExactlyTheFieldsEitherSpecDeclaresPlusTheClientSecret() throws Exception {
        TranscriptionSessionCreateRequest request = TranscriptionSessionCreateRequest.builder()
                .modalities(List.of(Modality.AUDIO, Modality.TEXT))
                .inputAudioFormat(AudioFormat.G711_ALAW)
                .inputAudioTranscription(AudioTranscription.builder()
                        .model(TranscriptionModel.GPT_TRANSCRIBE)
                        .language("de")
                        .languages(List.of("de", "en"))
                        .keywords(List.of("Reactor"))
                        .prompt("Fachbegriffe aus der Informatik")
                        .delay(TranscriptionDelay.MEDIUM)
                        .build())
                .turnDetection(TurnDetection.semanticVad()
                        .eagerness(Eagerness.HIGH)
                        .threshold(0.4)
                        .prefixPaddingMs(200)
                        .silenceDurationMs(400)
                        .createResponse(true)
                        .interruptResponse(true)
                        .build())
                .inputAudioNoiseReduction(NoiseReduction.NEAR_FIELD)
                .include(List.of(Include.ITEM_INPUT_AUDIO_TRANSCRIPTION_LOGPROBS))
                .clientSecretExpiresAfter(Duration.ofMinutes(10))
                .build();

        JsonNode body = sent(request);

        SortedSet<String> declared = new TreeSet<>(BETA.propertyPaths(BETA.schema(REQUEST)));
        declared.addAll(LATER.propertyPaths(LATER.schema(REQUEST)));
        declared.addAll(CLIENT_SECRET_PATHS);
        assertThat(OpenApiSpec.keyPaths(body)).as("key paths sent vs. declared by either schema").isEqualTo(declared);
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (!field.getKey().equals("client_secret")) {
                assertConformsToEither(field.getKey(), field.getValue());
            }
        }
    }

    /** A field's value has the shape one of the files gives it (semantic VAD is 2025-04 only, languages 2026-08 only). */
    private static void assertConformsToEither(String field, JsonNode value) {
        List<AssertionError> mismatches = new ArrayList<>();
        for (OpenApiSpec spec : List.of(BETA, LATER)) {
            JsonNode property = spec.schema(REQUEST).path("properties").get(field);
            if (property != null) {
                try {
                    spec.assertConforms(value, property, field);
                    return;
                } catch (AssertionError mismatch) {
                    mismatches.add(mismatch);
                }
            }
        }
        fail("%s (%s) has the shape of neither schema: %s", field, value, mismatches);
    }

    @Test
    void clientSecretLifetimeIsSentAsClientSecretExpiresAt() throws Exception {
        // Neither the 2025-04 nor the 2026-08 file declares a request client_secret for this
        // endpoint; OpenAI's schema of mid-2025 and the SDKs generated from it send the lifetime as
        // client_secret.expires_at {anchor, seconds} (the sessions endpoint calls it expires_after).
        assertThat(BETA.schema(REQUEST).path("properties").has("client_secret")).isFalse();
        assertThat(LATER.schema(REQUEST).path("properties").has("client_secret")).isFalse();

        JsonNode body = sent(TranscriptionSessionCreateRequest.builder()
                .clientSecretExpiresAfter(Duration.ofMinutes(5))
                .build());

        assertThat(body).isEqualTo(JSON.readTree(
                "{\"client_secret\":{\"expires_at\":{\"anchor\":\"created_at\",\"seconds\":300}}}"));
    }

    @Test
    void absentFieldsAreLeftOut() throws Exception {
        assertThat(BETA.post("/realtime/transcription_sessions").path("x-oaiMeta").path("examples")
                .path("request").path("curl").asString())
                .as("the spec's own example request sends an empty object")
                .contains("-d '{}'");

        JsonNode body = sent(TranscriptionSessionCreateRequest.builder().build());

        assertThat(body).isEqualTo(JSON.readTree("{}"));
    }

    @Test
    void explicitNullsAreSentAsNullToTurnFeaturesOff() throws Exception {
        JsonNode properties = BETA.schema(REQUEST).path("properties");
        assertThat(properties.path("turn_detection").path("description").asString()).contains("set to `null` to turn off");
        assertThat(properties.path("input_audio_noise_reduction").path("description").asString())
                .contains("set to `null` to turn off");

        JsonNode body = sent(TranscriptionSessionCreateRequest.builder()
                .inputAudioTranscription(AudioTranscription.of(TranscriptionModel.WHISPER_1))
                .disableInputAudioTranscription()
                .disableTurnDetection()
                .disableInputAudioNoiseReduction()
                .build());

        assertThat(body).isEqualTo(JSON.readTree(
                "{\"input_audio_transcription\":null,\"turn_detection\":null,\"input_audio_noise_reduction\":null}"));
    }

    @Test
    void toBuilderKeepsEveryField() throws Exception {
        TranscriptionSessionCreateRequest request = TranscriptionSessionCreateRequest.builder()
                .modalities(Modality.TEXT)
                .inputAudioFormat(AudioFormat.PCM16)
                .inputAudioTranscription(AudioTranscription.of(TranscriptionModel.GPT_4O_MINI_TRANSCRIBE))
                .disableTurnDetection()
                .inputAudioNoiseReduction(NoiseReduction.NEAR_FIELD)
                .include(Include.ITEM_INPUT_AUDIO_TRANSCRIPTION_LOGPROBS)
                .clientSecretExpiresAfter(Duration.ofSeconds(90))
                .build();

        TranscriptionSessionCreateRequest copy = request.toBuilder().build();

        assertThat(copy).isEqualTo(request);
        assertThat(sent(copy)).isEqualTo(sent(request));
    }

    @Test
    void buildersRejectWrongInputNamingTheJsonField() {
        TranscriptionSessionCreateRequest.Builder builder = TranscriptionSessionCreateRequest.builder();

        assertThatThrownBy(() -> builder.turnDetection(null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("turn_detection"));
        assertThatThrownBy(() -> builder.inputAudioFormat(null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("input_audio_format"));
        assertThatThrownBy(() -> builder.include(Arrays.asList((Include) null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("include[0]"));
        assertThatThrownBy(() -> builder.clientSecretExpiresAfter(Duration.ofMillis(1500)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("client_secret.expires_at.seconds"));
        assertThatThrownBy(() -> builder.clientSecretExpiresAfter(Duration.ZERO))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("client_secret.expires_at.seconds"));
        assertThatThrownBy(() -> builder.clientSecretExpiresAfter((Duration) null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("client_secret.expires_at"));
    }
}
