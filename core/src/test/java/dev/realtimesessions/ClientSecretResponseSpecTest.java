package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.MaxOutputTokens;
import dev.realtimesessions.model.Modality;
import dev.realtimesessions.model.RealtimeAudioFormat;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.RealtimeSessionDetails;
import dev.realtimesessions.model.ToolChoice;
import dev.realtimesessions.model.TranscriptionModel;
import dev.realtimesessions.model.TranscriptionSessionConfig;
import dev.realtimesessions.model.TranscriptionSessionDetails;
import dev.realtimesessions.model.Truncation;
import dev.realtimesessions.model.TurnDetectionType;
import dev.realtimesessions.model.Voice;
import dev.realtimesessions.spec.OpenApiSpec;
import dev.realtimesessions.spec.SchemaSampler;
import dev.realtimesessions.testing.Fixtures.MockOpenAi;
import dev.realtimesessions.testing.Fixtures;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers of {@code POST /realtime/client_secrets} as OpenAI's spec describes them: its published
 * examples, and answers that set every property the response schemas declare.
 */
class ClientSecretResponseSpecTest {

    private static final OpenApiSpec SPEC = OpenApiSpec.load();

    @AutoClose
    private final MockOpenAi openAi = new MockOpenAi();

    /**
     * The operation's example answer is not valid JSON as published: it has a trailing comma after
     * {@code "type": "server_vad"}. The client rightly refuses it; without the comma it parses.
     */
    @Test
    void operationExampleHasATrailingCommaAndParsesOnceItIsRemoved() throws Exception {
        String published = SPEC.at("/paths/~1realtime~1client_secrets/post/x-oaiMeta/examples/response").asString();
        assertThatThrownBy(() -> Fixtures.json(published)).as("the published example is invalid JSON")
                .isInstanceOf(JacksonException.class);
        openAi.answer(200, published);
        assertThatThrownBy(() -> openAi.client.createClientSecret(ClientSecretCreateRequest.builder().build())
                .block(Fixtures.WAIT))
                .isInstanceOf(ResponseDecodingException.class)
                .hasMessageNotContaining("ek_68af296e8e408191a1120ab6383263c2");
        openAi.takeRequest();

        String fixed = published.replaceAll(",(\\s*})", "$1");
        assertThat(fixed).hasSize(published.length() - 1);
        ClientSecretCreateResponse response = openAi.parseClientSecret(fixed);

        assertThat(response.value()).isEqualTo("ek_68af296e8e408191a1120ab6383263c2");
        assertThat(response.expiresAt()).isEqualTo(Instant.ofEpochSecond(1756310470));
        RealtimeSessionDetails session = (RealtimeSessionDetails) response.session();
        assertThat(session.id()).isEqualTo("sess_C9CiUVUzUzYIssh3ELY1d");
        assertThat(session.object()).isEqualTo("realtime.session");
        assertThat(session.model()).isEqualTo(RealtimeModel.GPT_REALTIME);
        assertThat(session.outputModalities()).containsExactly(Modality.AUDIO);
        assertThat(session.tools()).isEmpty();
        assertThat(session.toolChoice()).isEqualTo(ToolChoice.AUTO);
        assertThat(session.maxOutputTokens()).isEqualTo(MaxOutputTokens.INF);
        assertThat(session.tracing().isNull()).isTrue();
        assertThat(session.truncation()).isEqualTo(Truncation.AUTO);
        assertThat(session.prompt().isNull()).isTrue();
        assertThat(session.include()).isNull();
        assertThat(session.expiresAt()).isEqualTo(Instant.EPOCH);
        assertThat(session.audio().input().format()).isEqualTo(RealtimeAudioFormat.PCM_24KHZ);
        assertThat(session.audio().input().transcription().isNull()).isTrue();
        assertThat(session.audio().input().noiseReduction().isNull()).isTrue();
        assertThat(session.audio().input().turnDetection().get().type()).isEqualTo(TurnDetectionType.SERVER_VAD);
        assertThat(session.audio().output().voice()).isEqualTo(Voice.ALLOY);
        assertThat(session.audio().output().speed()).isEqualTo(1.0);
        assertThat(session.additionalProperties()).isEmpty();
    }

    /** The response schema's own example is valid JSON, and names a model this library does not list. */
    @Test
    void schemaExampleParses() throws Exception {
        String example = SPEC.schema("RealtimeCreateClientSecretResponse").at("/x-oaiMeta/example").asString();
        ClientSecretCreateResponse response = openAi.parseClientSecret(example);

        RealtimeSessionDetails session = (RealtimeSessionDetails) response.session();
        assertThat(session.model().value()).isEqualTo("gpt-realtime-2025-08-25");
        assertThat(session.model().isKnown()).isFalse();
        assertThat(session.audio().input().turnDetection().get().idleTimeoutMs()).isNull();
        assertThat(session.audio().input().turnDetection().get().silenceDurationMs()).isEqualTo(200);
        assertThat(response.clientSecret().value()).isEqualTo("ek_68af296e8e408191a1120ab6383263c2");
    }

    /**
     * The GA transcription session's example gives {@code "format": "pcm16"}, a string, where the
     * schema has an object. The client reads the beta names it may meet there ({@code pcm16},
     * {@code g711_ulaw}, {@code g711_alaw}) as their GA formats.
     */
    @Test
    void transcriptionSessionExampleWithAStringFormatParses() throws Exception {
        String example = SPEC.schema("RealtimeTranscriptionSessionCreateResponseGA").at("/x-oaiMeta/example").asString();
        assertThat(Fixtures.json(example).at("/audio/input/format").isString()).isTrue();
        ClientSecretCreateResponse response = openAi.parseClientSecret(
                "{\"value\":\"ek_transcription\",\"expires_at\":1742188264,\"session\":" + example + "}");

        TranscriptionSessionDetails session = (TranscriptionSessionDetails) response.session();
        assertThat(session.id()).isEqualTo("sess_BBwZc7cFV3XizEyKGDCGL");
        assertThat(session.object()).isEqualTo("realtime.transcription_session");
        assertThat(session.expiresAt()).isEqualTo(Instant.ofEpochSecond(1742188264));
        assertThat(session.include()).extracting(Object::toString).containsExactly("item.input_audio_transcription.logprobs");
        assertThat(session.audio().input().format()).isEqualTo(RealtimeAudioFormat.PCM_24KHZ);
        assertThat(session.audio().input().transcription().get().model()).isEqualTo(TranscriptionModel.GPT_4O_TRANSCRIBE);
        assertThat(session.audio().input().transcription().get().language()).isNull();
        assertThat(session.audio().input().transcription().get().prompt()).isEmpty();
        assertThat(session.audio().input().noiseReduction().isNull()).isTrue();
        assertThat(session.audio().input().turnDetection().get().threshold()).isEqualTo(0.5);
        assertThat(session.additionalProperties()).isEmpty();
    }

    /**
     * A realtime session with every property of {@code RealtimeSessionCreateResponseGA} set (each
     * variant takes other alternatives of the unions) is read completely: nothing lands in
     * {@code additionalProperties}, and the records, sent back as a request, reproduce the JSON of
     * every field the request shares with the response.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void fullyPopulatedRealtimeSessionIsReadCompletely(int variant) throws Exception {
        ObjectNode sample = (ObjectNode) new SchemaSampler(SPEC, variant).sample(SPEC.schema("RealtimeSessionCreateResponseGA"));
        RealtimeSessionDetails session = (RealtimeSessionDetails) openAi.parseClientSecret(answerWith(sample)).session();

        assertThat(session.additionalProperties()).isEmpty();
        assertThat(session.id()).isEqualTo("sample");
        assertThat(session.expiresAt()).isEqualTo(Instant.ofEpochSecond(1));
        JsonNode sent = openAi.sentBody(ClientSecretCreateRequest.of(new RealtimeSessionConfig(session.model(),
                session.outputModalities(), session.instructions(), session.audio(), session.include(),
                session.tracing(), session.tools(), session.toolChoice(), null, session.reasoning(),
                session.maxOutputTokens(), session.truncation(), session.prompt())));
        sample.remove(java.util.List.of("id", "object", "expires_at"));
        assertThat(sent.get("session")).isEqualTo(sample);
    }

    /** The same for {@code RealtimeTranscriptionSessionCreateResponseGA}. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void fullyPopulatedTranscriptionSessionIsReadCompletely(int variant) throws Exception {
        ObjectNode sample = (ObjectNode) new SchemaSampler(SPEC, variant)
                .sample(SPEC.schema("RealtimeTranscriptionSessionCreateResponseGA"));
        TranscriptionSessionDetails session = (TranscriptionSessionDetails) openAi.parseClientSecret(answerWith(sample)).session();

        assertThat(session.additionalProperties()).isEmpty();
        assertThat(session.object()).isEqualTo("sample");
        JsonNode sent = openAi.sentBody(ClientSecretCreateRequest.of(
                new TranscriptionSessionConfig(session.audio(), session.include())));
        sample.remove(java.util.List.of("id", "object", "expires_at"));
        assertThat(sent.get("session")).isEqualTo(sample);
    }

    private static String answerWith(JsonNode session) {
        return "{\"value\":\"ek_sampled\",\"expires_at\":1756310470,\"session\":" + session + "}";
    }
}
