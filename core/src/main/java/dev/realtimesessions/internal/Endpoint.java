package dev.realtimesessions.internal;

import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.TranscriptionSession;
import dev.realtimesessions.model.TranscriptionSessionCreateRequest;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One token endpoint: its path and the JSON of its request and response. Everything else (the
 * exchange, retry, timeouts, errors, redaction) is shared by all endpoints in {@link CallExecutor}.
 *
 * @param path the path under the base URL, such as {@code /realtime/sessions}
 * @param writer writes the request body
 * @param reader reads the response body, positioned inside its top-level object
 * @param <Q> the request type
 * @param <R> the response type
 */
public record Endpoint<Q, R>(String path, BiConsumer<JsonOut, Q> writer, Function<JsonIn, R> reader) {

    /** The beta {@code POST /realtime/sessions}. */
    public static final Endpoint<RealtimeSessionCreateRequest, RealtimeSession> BETA_SESSIONS =
            new Endpoint<>("/realtime/sessions", BetaSessionJson::writeRequest, BetaSessionJson::readSession);

    /** The beta {@code POST /realtime/transcription_sessions}. */
    public static final Endpoint<TranscriptionSessionCreateRequest, TranscriptionSession> BETA_TRANSCRIPTION_SESSIONS =
            new Endpoint<>("/realtime/transcription_sessions", BetaTranscriptionJson::writeRequest,
                    BetaTranscriptionJson::readSession);

    /** The GA {@code POST /realtime/client_secrets}. */
    public static final Endpoint<ClientSecretCreateRequest, ClientSecretCreateResponse> CLIENT_SECRETS =
            new Endpoint<>("/realtime/client_secrets", ClientSecretJson::writeRequest, ClientSecretJson::readResponse);

    /** How log lines and messages name the endpoint. */
    String describe() {
        return "POST " + path;
    }

    /** Serializes a request to bytes, as this endpoint sends it; for tests, logs and benchmarks. */
    public byte[] toJson(Q request) {
        return Json.writeBytes(request, writer);
    }

    /** Parses a response body as this endpoint does; for tests and benchmarks. */
    public R fromJson(byte[] body) {
        return read(body, body.length);
    }

    /** Parses the first {@code length} bytes of {@code body} as this endpoint's response. */
    R read(byte[] body, int length) {
        return Json.read(body, length, this::describeResponse, reader);
    }

    /** How error messages name the response: built only for an error, not for every call. */
    private String describeResponse() {
        return describe() + " response";
    }
}
