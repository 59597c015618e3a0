package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.realtimesessions.model.AudioFormat;
import dev.realtimesessions.model.AudioTranscription;
import dev.realtimesessions.model.Eagerness;
import dev.realtimesessions.model.Include;
import dev.realtimesessions.model.Modality;
import dev.realtimesessions.model.NoiseReduction;
import dev.realtimesessions.model.TranscriptionDelay;
import dev.realtimesessions.model.TranscriptionModel;
import dev.realtimesessions.model.TranscriptionSessionCreateRequest;
import dev.realtimesessions.model.TurnDetection;
import dev.realtimesessions.spec.OpenApiSpec;
import dev.realtimesessions.spec.SchemaShapeChecker.Mode;
import dev.realtimesessions.spec.SchemaShapeChecker;
import dev.realtimesessions.testing.Fixtures.MockOpenAi;
import dev.realtimesessions.testing.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The JSON {@code createTranscriptionSession} sends, checked against OpenAI's published
 * {@code RealtimeTranscriptionSessionCreateRequest}: the 2025-04 file (the authority for the beta
 * endpoints) and the 2026-08 file, which adds transcription {@code languages}, {@code keywords}
 * and {@code delay} and drops {@code modalities}.
 */
class TranscriptionSessionRequestSpecTest {

    private static final OpenApiSpec BETA = OpenApiSpec.load(OpenApiSpec.BETA_2025_04);
    private static final OpenApiSpec LATER = OpenApiSpec.load(OpenApiSpec.SPEC_2026_08);
    private static final String REQUEST = "RealtimeTranscriptionSessionCreateRequest";

    /** The request's {@code client_secret}, which neither file declares: see the test that sends it. */
    private static final List<String> CLIENT_SECRET_PATHS = List.of("client_secret", "client_secret.expires_at",
            "client_secret.expires_at.anchor", "client_secret.expires_at.seconds");

    @AutoClose
    private final MockOpenAi openAi = new MockOpenAi();

    /** Every mismatch between {@code value} and {@code schema} of {@code spec}, present keys only. */
    private static List<String> mismatches(OpenApiSpec spec, JsonNode value, JsonNode schema, String path) {
        return new SchemaShapeChecker(spec, Mode.SUBSET).check(value, schema, path);
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

        JsonNode body = openAi.sentBody(request);

        JsonNode schema = BETA.schema(REQUEST);
        assertThat(OpenApiSpec.keyPaths(body)).as("key paths sent vs. declared by the 2025-04 schema")
                .isEqualTo(BETA.propertyPaths(schema));
        assertThat(mismatches(BETA, body, schema, "$")).as("departures from the 2025-04 schema").isEmpty();
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

        JsonNode body = openAi.sentBody(request);

        JsonNode schema = LATER.schema(REQUEST);
        assertThat(OpenApiSpec.keyPaths(body)).as("key paths sent vs. declared by the 2026-08 schema")
                .isEqualTo(LATER.propertyPaths(schema));
        assertThat(mismatches(LATER, body, schema, "$")).as("departures from the 2026-08 schema").isEmpty();
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

        JsonNode body = openAi.sentBody(request);

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
        List<String> mismatches = new ArrayList<>();
        for (OpenApiSpec spec : List.of(BETA, LATER)) {
            JsonNode property = spec.schema(REQUEST).path("properties").get(field);
            if (property != null) {
                List<String> own = mismatches(spec, value, property, field);
                if (own.isEmpty()) {
                    return;
                }
                mismatches.add(spec + ": " + own);
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

        JsonNode body = openAi.sentBody(TranscriptionSessionCreateRequest.builder()
                .clientSecretExpiresAfter(Duration.ofMinutes(5))
                .build());

        assertThat(body).isEqualTo(Fixtures.json(
                "{\"client_secret\":{\"expires_at\":{\"anchor\":\"created_at\",\"seconds\":300}}}"));
    }

    @Test
    void absentFieldsAreLeftOut() throws Exception {
        assertThat(BETA.post("/realtime/transcription_sessions").path("x-oaiMeta").path("examples")
                .path("request").path("curl").asString())
                .as("the spec's own example request sends an empty object")
                .contains("-d '{}'");

        JsonNode body = openAi.sentBody(TranscriptionSessionCreateRequest.builder().build());

        assertThat(body).isEqualTo(Fixtures.json("{}"));
    }

    @Test
    void explicitNullsAreSentAsNullToTurnFeaturesOff() throws Exception {
        JsonNode properties = BETA.schema(REQUEST).path("properties");
        assertThat(properties.path("turn_detection").path("description").asString()).contains("set to `null` to turn off");
        assertThat(properties.path("input_audio_noise_reduction").path("description").asString())
                .contains("set to `null` to turn off");

        JsonNode body = openAi.sentBody(TranscriptionSessionCreateRequest.builder()
                .inputAudioTranscription(AudioTranscription.of(TranscriptionModel.WHISPER_1))
                .disableInputAudioTranscription()
                .disableTurnDetection()
                .disableInputAudioNoiseReduction()
                .build());

        assertThat(body).isEqualTo(Fixtures.json(
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
        assertThat(openAi.sentBody(copy)).isEqualTo(openAi.sentBody(request));
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
