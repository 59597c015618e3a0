package dev.realtimesessions.local;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small stand-in for OpenAI's Realtime token endpoints on loopback, so that examples and tests
 * run offline. It answers {@code POST /v1/realtime/sessions}, {@code /v1/realtime/transcription_sessions}
 * and {@code /v1/realtime/client_secrets} like the real API: it checks the bearer key and the body,
 * echoes the session configuration back with an id, and mints a fresh fake client secret
 * ({@code ek_local_...}) with a real expiry; a bad request gets OpenAI's error JSON.
 *
 * <p>Each body is checked against the request schema OpenAI publishes for its endpoint, read once
 * when the endpoint starts from copies of the spec files kept in this module: an unknown property
 * is answered with code {@code unknown_parameter}, a value of the wrong JSON type with
 * {@code invalid_type}, a value outside a closed enum with {@code invalid_value}, a number outside
 * a declared range with {@code integer_out_of_range} (integers) or {@code invalid_value}, a missing
 * required property with {@code missing_required_parameter}; {@code param} names the JSON path,
 * such as {@code session.audio.output.voicee} or {@code tools[0].name}. The beta
 * {@code /realtime/sessions} request is the April 2025 schema plus the fields OpenAI's SDKs add
 * ({@code client_secret.expires_after}, {@code speed}, {@code tracing}, an open {@code model}); the
 * beta transcription request accepts both the April 2025 and the August 2026 schema, plus
 * {@code client_secret.expires_at}.
 *
 * <pre>{@code
 * try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start()) {
 *     RealtimeSessions sessions = RealtimeSessions.builder()
 *         .apiKey(LocalRealtimeEndpoint.API_KEY)
 *         .baseUrl(endpoint.baseUrl())
 *         .build();
 *     ...
 * }
 * }</pre>
 */
public final class LocalRealtimeEndpoint implements AutoCloseable {

    /** The only API key the endpoint accepts. */
    public static final String API_KEY = "sk-local-realtime-sessions";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DisposableServer server;
    private final Clock clock;

    private LocalRealtimeEndpoint(DisposableServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    /**
     * Starts the endpoint on a free loopback port.
     *
     * @return the running endpoint; close it when done
     */
    public static LocalRealtimeEndpoint start() {
        return start(0, Clock.systemUTC());
    }

    /**
     * Starts the endpoint on the given loopback port (0 for any free port), with a clock for expiry times.
     *
     * @param port the port, or 0
     * @param clock the clock expiry times are computed from
     * @return the running endpoint; close it when done
     */
    public static LocalRealtimeEndpoint start(int port, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        // Parsed here, once, on the caller's thread: never per request and never on an event loop.
        Handler handler = new Handler(clock, RequestSchemas.get());
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .route(routes -> routes
                        .post("/v1/realtime/sessions", (request, response) -> handler.handle(request, response, Kind.SESSION))
                        .post("/v1/realtime/transcription_sessions",
                                (request, response) -> handler.handle(request, response, Kind.TRANSCRIPTION_SESSION))
                        .post("/v1/realtime/client_secrets",
                                (request, response) -> handler.handle(request, response, Kind.CLIENT_SECRET)))
                .bindNow(Duration.ofSeconds(10));
        return new LocalRealtimeEndpoint(server, clock);
    }

    /**
     * The base URL to give a client, such as {@code http://127.0.0.1:41234/v1}.
     *
     * @return the base URL
     */
    public String baseUrl() {
        InetSocketAddress address = (InetSocketAddress) server.address();
        return "http://127.0.0.1:" + address.getPort() + "/v1";
    }

    /** Stops the endpoint. */
    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }

    /** The three token endpoints. */
    private enum Kind { SESSION, TRANSCRIPTION_SESSION, CLIENT_SECRET }

    /** Validates one request and writes the answer. */
    private static final class Handler {
        private final Clock clock;
        private final RequestSchemas schemas;

        Handler(Clock clock, RequestSchemas schemas) {
            this.clock = clock;
            this.schemas = schemas;
        }

        Mono<Void> handle(HttpServerRequest request, HttpServerResponse response, Kind kind) {
            String requestId = "req_local_" + hex(8);
            response.header("x-request-id", requestId).header("content-type", "application/json");
            String authorization = request.requestHeaders().get("authorization");
            if (authorization == null || !authorization.equals("Bearer " + API_KEY)) {
                return error(response, 401, "invalid_request_error", "invalid_api_key", null,
                        "Incorrect API key provided. The local endpoint accepts only LocalRealtimeEndpoint.API_KEY.");
            }
            return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap(body -> {
                JsonNode json;
                try {
                    json = JSON.readTree(new String(body, StandardCharsets.UTF_8));
                } catch (JacksonException e) {
                    return error(response, 400, "invalid_request_error", null, null,
                            "We could not parse the JSON body of your request.");
                }
                if (json == null || !json.isObject()) {
                    return error(response, 400, "invalid_request_error", null, null,
                            "The request body must be a JSON object.");
                }
                JsonNode schema = switch (kind) {
                    case SESSION -> schemas.session;
                    case TRANSCRIPTION_SESSION -> schemas.transcriptionSession;
                    case CLIENT_SECRET -> schemas.clientSecret;
                };
                RequestSchemas.Violation violation = schemas.validate(json, schema, "");
                if (violation != null) {
                    return error(response, 400, "invalid_request_error", violation.code(), violation.param(),
                            violation.message());
                }
                return switch (kind) {
                    case SESSION -> session(response, (ObjectNode) json);
                    case TRANSCRIPTION_SESSION -> transcriptionSession(response, (ObjectNode) json);
                    case CLIENT_SECRET -> clientSecret(response, (ObjectNode) json);
                };
            });
        }

        private Mono<Void> session(HttpServerResponse response, ObjectNode request) {
            if (!request.path("model").isString() || request.path("model").asString().isBlank()) {
                return error(response, 400, "invalid_request_error", "missing_required_parameter", "model",
                        "Missing required parameter: 'model'.");
            }
            return betaSession(response, request, "realtime.session", "expires_after");
        }

        private Mono<Void> transcriptionSession(HttpServerResponse response, ObjectNode request) {
            return betaSession(response, request, "realtime.transcription_session", "expires_at");
        }

        /** The beta answer: the request echoed with an id, its object type and a fresh secret. */
        private Mono<Void> betaSession(HttpServerResponse response, ObjectNode request, String object,
                String lifetimeField) {
            long lifetime = lifetime(request.path("client_secret").path(lifetimeField), 60);
            if (lifetime < 0) {
                return lifetimeError(response, "client_secret." + lifetimeField + ".seconds");
            }
            ObjectNode session = request.deepCopy();
            session.remove("client_secret");
            session.put("id", "sess_local_" + hex(10));
            session.put("object", object);
            session.set("client_secret", secret(lifetime));
            return ok(response, session);
        }

        private Mono<Void> clientSecret(HttpServerResponse response, ObjectNode request) {
            long lifetime = lifetime(request.path("expires_after"), 600);
            if (lifetime < 0) {
                return lifetimeError(response, "expires_after.seconds");
            }
            JsonNode requested = request.path("session");
            String type = requested.path("type").asString("");
            if (!type.equals("realtime") && !type.equals("transcription")) {
                return error(response, 400, "invalid_request_error", "invalid_value", "session.type",
                        "Invalid value for 'session.type': expected 'realtime' or 'transcription'.");
            }
            if (type.equals("realtime") && requested.has("model") && requested.path("model").asString("").isBlank()) {
                return error(response, 400, "invalid_request_error", "invalid_value", "session.model",
                        "Invalid value for 'session.model'.");
            }
            ObjectNode secret = secret(lifetime);
            ObjectNode session = ((ObjectNode) requested).deepCopy();
            session.put("object", type.equals("realtime") ? "realtime.session" : "realtime.transcription_session");
            session.put("id", "sess_local_" + hex(10));
            session.put("expires_at", 0);
            ObjectNode answer = JSON.createObjectNode();
            answer.set("value", secret.get("value"));
            answer.set("expires_at", secret.get("expires_at"));
            answer.set("session", session);
            return ok(response, answer);
        }

        /** The requested lifetime in seconds, the default when absent, or -1 when outside 10..7200. */
        private static long lifetime(JsonNode expiresAfter, long defaultSeconds) {
            if (expiresAfter.isMissingNode() || expiresAfter.isNull() || !expiresAfter.has("seconds")) {
                return defaultSeconds;
            }
            long seconds = expiresAfter.path("seconds").asLong(-1);
            return seconds >= 10 && seconds <= 7200 ? seconds : -1;
        }

        private ObjectNode secret(long lifetimeSeconds) {
            ObjectNode secret = JSON.createObjectNode();
            secret.put("value", "ek_local_" + hex(16));
            secret.put("expires_at", clock.instant().getEpochSecond() + lifetimeSeconds);
            return secret;
        }

        private static Mono<Void> lifetimeError(HttpServerResponse response, String param) {
            return error(response, 400, "invalid_request_error", "integer_out_of_range", param,
                    "Invalid '" + param + "': must be between 10 and 7200.");
        }

        private static Mono<Void> ok(HttpServerResponse response, JsonNode body) {
            return response.status(200).sendByteArray(Mono.just(JSON.writeValueAsBytes(body))).then();
        }

        private static Mono<Void> error(HttpServerResponse response, int status, String type, String code,
                String param, String message) {
            ObjectNode error = JSON.createObjectNode();
            error.put("message", message);
            error.put("type", type);
            error.put("param", param);
            error.put("code", code);
            ObjectNode body = JSON.createObjectNode();
            body.set("error", error);
            return response.status(status).sendByteArray(Mono.just(JSON.writeValueAsBytes(body))).then();
        }

        private static String hex(int bytes) {
            // Fake secrets need to be unique, not unguessable; SecureRandom may block an event loop.
            byte[] random = new byte[bytes];
            ThreadLocalRandom.current().nextBytes(random);
            return HexFormat.of().formatHex(random);
        }
    }
}
