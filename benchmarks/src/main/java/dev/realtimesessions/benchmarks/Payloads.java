package dev.realtimesessions.benchmarks;

import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.Modality;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.Voice;
import java.nio.charset.StandardCharsets;

/**
 * The request every client sends and the canned answer the local server gives: the same bytes
 * for the codec benchmarks and for every client of the load harness.
 */
public final class Payloads {

    /** The model asked for. */
    public static final String MODEL = "gpt-realtime";

    /** The instructions sent. */
    public static final String INSTRUCTIONS = "You are a friendly assistant.";

    /** The GA {@code POST /realtime/client_secrets} request, as this library's record. */
    public static final ClientSecretCreateRequest CLIENT_SECRET_REQUEST = ClientSecretCreateRequest.of(
            RealtimeSessionConfig.builder()
                    .model(MODEL)
                    .instructions(INSTRUCTIONS)
                    .outputModalities(Modality.AUDIO)
                    .build());

    /** The beta {@code POST /realtime/sessions} request, as this library's record. */
    public static final RealtimeSessionCreateRequest BETA_SESSION_REQUEST = RealtimeSessionCreateRequest.builder()
            .model(MODEL)
            .voice(Voice.VERSE)
            .instructions(INSTRUCTIONS)
            .build();

    /**
     * A GA answer shaped like the example in OpenAI's API reference for
     * {@code POST /v1/realtime/client_secrets} (1.1 KB).
     */
    public static final String CLIENT_SECRET_RESPONSE_JSON = "{"
            + "\"value\":\"ek_68af296e8e408191a1120ab6383263c2\","
            + "\"expires_at\":1756310470,"
            + "\"session\":{"
            + "\"type\":\"realtime\","
            + "\"object\":\"realtime.session\","
            + "\"id\":\"sess_C9CiUVUzUzYIssh3ELY1d\","
            + "\"model\":\"gpt-realtime\","
            + "\"output_modalities\":[\"audio\"],"
            + "\"instructions\":\"You are a friendly assistant.\","
            + "\"tools\":[],"
            + "\"tool_choice\":\"auto\","
            + "\"max_output_tokens\":\"inf\","
            + "\"tracing\":null,"
            + "\"truncation\":\"auto\","
            + "\"prompt\":null,"
            + "\"expires_at\":0,"
            + "\"audio\":{"
            + "\"input\":{"
            + "\"format\":{\"type\":\"audio/pcm\",\"rate\":24000},"
            + "\"transcription\":null,"
            + "\"noise_reduction\":null,"
            + "\"turn_detection\":{\"type\":\"server_vad\",\"threshold\":0.5,\"prefix_padding_ms\":300,"
            + "\"silence_duration_ms\":200,\"idle_timeout_ms\":null,\"create_response\":true,"
            + "\"interrupt_response\":true}"
            + "},"
            + "\"output\":{\"format\":{\"type\":\"audio/pcm\",\"rate\":24000},\"voice\":\"alloy\",\"speed\":1.0}"
            + "},"
            + "\"include\":null"
            + "}"
            + "}";

    /** A beta {@code POST /realtime/sessions} answer shaped like OpenAI's published example. */
    public static final String BETA_SESSION_RESPONSE_JSON = "{"
            + "\"id\":\"sess_001\","
            + "\"object\":\"realtime.session\","
            + "\"model\":\"gpt-4o-realtime-preview\","
            + "\"modalities\":[\"audio\",\"text\"],"
            + "\"instructions\":\"You are a friendly assistant.\","
            + "\"voice\":\"alloy\","
            + "\"input_audio_format\":\"pcm16\","
            + "\"output_audio_format\":\"pcm16\","
            + "\"input_audio_transcription\":{\"model\":\"whisper-1\"},"
            + "\"turn_detection\":null,"
            + "\"tools\":[],"
            + "\"tool_choice\":\"none\","
            + "\"temperature\":0.7,"
            + "\"max_response_output_tokens\":200,"
            + "\"speed\":1.1,"
            + "\"tracing\":\"auto\","
            + "\"client_secret\":{\"value\":\"ek_abc123\",\"expires_at\":1234567890}"
            + "}";

    /** {@link #CLIENT_SECRET_RESPONSE_JSON} as UTF-8. */
    public static final byte[] CLIENT_SECRET_RESPONSE = CLIENT_SECRET_RESPONSE_JSON.getBytes(StandardCharsets.UTF_8);

    /** {@link #BETA_SESSION_RESPONSE_JSON} as UTF-8. */
    public static final byte[] BETA_SESSION_RESPONSE = BETA_SESSION_RESPONSE_JSON.getBytes(StandardCharsets.UTF_8);

    /** The API key every client sends to the local server (which ignores it). */
    public static final String API_KEY = "sk-bench-0123456789abcdef";

    private Payloads() {
    }
}
