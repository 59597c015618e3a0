package dev.realtimesessions.local;

import dev.realtimesessions.local.LocalControl.Operation;
import dev.realtimesessions.local.LocalRequest.Layout;
import java.time.Clock;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Reads each request whole, finds its layout ({@code /v1} for OpenAI, {@code /openai/v1} for Azure)
 * and its handler, writes the handler's {@link Reply} and records the request. Every handler is a
 * plain function of the {@link Exchange}: nothing in them waits.
 */
final class Router {

    /** How many requests {@link #requests()} keeps; older ones are dropped, so a long example does not grow. */
    static final int RECORDED_REQUESTS = 10_000;

    private static final String AZURE_PREFIX = "/openai/v1";
    private static final String OPENAI_PREFIX = "/v1";

    private final Clock clock;
    private final Credentials credentials;
    private final TokenHandlers tokens;
    private final CallHandlers calls;
    private final LiveHandlers live;
    private final Deque<LocalRequest> recorded = new ConcurrentLinkedDeque<>();
    private final AtomicInteger recordedCount = new AtomicInteger();

    Router(Clock clock, Credentials credentials, TokenHandlers tokens, CallHandlers calls, LiveHandlers live) {
        this.clock = clock;
        this.credentials = credentials;
        this.tokens = tokens;
        this.calls = calls;
        this.live = live;
    }

    Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        Instant receivedAt = clock.instant();
        return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap(body -> {
            String uri = request.uri();
            int question = uri.indexOf('?');
            String path = question < 0 ? uri : uri.substring(0, question);
            String query = question < 0 ? "" : uri.substring(question + 1);
            Layout layout = path.startsWith(AZURE_PREFIX + "/") ? Layout.AZURE
                    : path.startsWith(OPENAI_PREFIX + "/") ? Layout.OPENAI : Layout.OTHER;
            String prefix = layout == Layout.AZURE ? AZURE_PREFIX : OPENAI_PREFIX;
            String authorization = request.requestHeaders().get("authorization");
            String apiKey = request.requestHeaders().get("api-key");
            LocalRequest.Credential credential = layout == Layout.OTHER ? LocalRequest.Credential.NONE
                    : credentials.read(layout, authorization, apiKey, receivedAt);
            List<String> segments = layout == Layout.OTHER ? List.of()
                    : List.of(path.substring(prefix.length() + 1).split("/", -1));
            Exchange exchange = new Exchange(receivedAt, request.method().name(), prefix, segments, Exchange.query(uri),
                    request.requestHeaders(), body, credential, layout);
            Reply reply = route(exchange, path);
            record(new LocalRequest(receivedAt, exchange.method(), path, query, layout, authorization != null,
                    apiKey != null, credential, reply.status()));
            response.status(reply.status()).header("x-request-id", "req_local_" + Ids.hex(8));
            reply.headers().forEach(response::header);
            return response.sendByteArray(Mono.just(reply.body())).then();
        });
    }

    private Reply route(Exchange exchange, String path) {
        List<String> s = exchange.segments();
        if (exchange.method().equals("POST") && !s.isEmpty()) {
            String joined = String.join("/", s);
            @Nullable Function<Exchange, Reply> token = switch (joined) {
                case "realtime/sessions" -> tokens::session;
                case "realtime/transcription_sessions" -> tokens::transcriptionSession;
                case "realtime/client_secrets" -> tokens::clientSecret;
                case "realtime/translations/client_secrets" -> tokens::translationClientSecret;
                default -> null;
            };
            if (token != null) {
                return exchange.hasKey() ? token.apply(exchange) : CallRules.unauthorized();
            }
            if (joined.equals("realtime/calls")) {
                return calls.create(exchange);
            }
            if (joined.equals("live/sessions")) {
                return live.create(exchange);
            }
            @Nullable Operation operation = s.size() == 4 && !s.get(2).isEmpty() ? operation(s.get(3)) : null;
            if (operation != null && s.get(0).equals("realtime") && s.get(1).equals("calls")
                    && operation != Operation.FORK) {
                return calls.control(exchange, s.get(2), operation);
            }
            if (operation != null && s.get(0).equals("live") && s.get(1).equals("sessions")) {
                return live.control(exchange, s.get(2), operation);
            }
        }
        return Reply.error(404, "invalid_request_error", null, null,
                "Invalid URL (" + exchange.method() + " " + path + ")");
    }

    private static @Nullable Operation operation(String segment) {
        for (Operation operation : Operation.values()) {
            if (operation.name().toLowerCase(Locale.ROOT).equals(segment)) {
                return operation;
            }
        }
        return null;
    }

    private void record(LocalRequest request) {
        recorded.addLast(request);
        if (recordedCount.incrementAndGet() > RECORDED_REQUESTS && recorded.pollFirst() != null) {
            recordedCount.decrementAndGet();
        }
    }

    /** The recorded requests, oldest first. */
    List<LocalRequest> requests() {
        return List.copyOf(recorded);
    }
}
