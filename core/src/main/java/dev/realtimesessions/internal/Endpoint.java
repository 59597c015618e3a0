package dev.realtimesessions.internal;

import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.TranscriptionSession;
import dev.realtimesessions.model.TranscriptionSessionCreateRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One endpoint, as data: its path (fixed or with parameters from the request), how its request is
 * written ({@link RequestBody}), how its answer is read ({@link ResponseBody}), and which failures
 * may be retried ({@link RetrySafety}). Everything else (the exchange, retries, timeouts, errors,
 * redaction) is the same for every endpoint, in {@link CallExecutor}.
 *
 * @param <Q> the request type
 * @param <R> the response type
 */
public final class Endpoint<Q, R> {

    /** The beta {@code POST /realtime/sessions}. */
    public static final Endpoint<RealtimeSessionCreateRequest, RealtimeSession> BETA_SESSIONS =
            json("/realtime/sessions", BetaSessionJson::writeRequest, BetaSessionJson::readSession);

    /** The beta {@code POST /realtime/transcription_sessions}. */
    public static final Endpoint<TranscriptionSessionCreateRequest, TranscriptionSession> BETA_TRANSCRIPTION_SESSIONS =
            json("/realtime/transcription_sessions", BetaTranscriptionJson::writeRequest, BetaTranscriptionJson::readSession);

    /** The GA {@code POST /realtime/client_secrets}. */
    public static final Endpoint<ClientSecretCreateRequest, ClientSecretCreateResponse> CLIENT_SECRETS =
            json("/realtime/client_secrets", ClientSecretJson::writeRequest, ClientSecretJson::readResponse);

    private final PathTemplate<Q> path;
    private final RequestBody<Q> requestBody;
    private final ResponseBody<R> responseBody;
    private final RetrySafety retrySafety;
    private final String description;
    /** How error messages name the answer: built only for an error, not for every call. */
    private final Supplier<String> responseName;

    Endpoint(PathTemplate<Q> path, RequestBody<Q> requestBody, ResponseBody<R> responseBody, RetrySafety retrySafety) {
        this.path = path;
        this.requestBody = requestBody;
        this.responseBody = responseBody;
        this.retrySafety = retrySafety;
        this.description = "POST " + path.template();
        this.responseName = () -> description + " response";
    }

    /** A JSON request and a JSON answer at a fixed path, safe to retry: the token endpoints. */
    static <Q, R> Endpoint<Q, R> json(String path, BiConsumer<JsonOut, Q> writer, Function<JsonIn, R> reader) {
        return new Endpoint<>(PathTemplate.fixed(path), RequestBody.json(writer), ResponseBody.json(reader),
                RetrySafety.IDEMPOTENT);
    }

    /** The path under the base URL as written, parameters as {@code {name}}: how listeners and metrics name the endpoint. */
    public String path() {
        return path.template();
    }

    PathTemplate<Q> pathTemplate() {
        return path;
    }

    RequestBody<Q> requestBody() {
        return requestBody;
    }

    ResponseBody<R> responseBody() {
        return responseBody;
    }

    RetrySafety retrySafety() {
        return retrySafety;
    }

    /** How log lines and messages name the endpoint, such as {@code POST /realtime/sessions}. */
    String describe() {
        return description;
    }

    /** Serializes a request to bytes, as this endpoint sends it; for tests, logs and benchmarks. */
    public byte[] toJson(Q request) {
        return requestBody.toBytes(request);
    }

    /** Reads a 200 answer's body as this endpoint does; for tests and benchmarks. */
    public R fromJson(byte[] body) {
        return read(new RawResponse(200, EmptyHttpHeaders.INSTANCE, body, body.length));
    }

    /** Reads a successful answer; the caller still owns, and releases, its body. */
    R read(RawResponse response) {
        return responseBody.read(response, responseName);
    }
}
