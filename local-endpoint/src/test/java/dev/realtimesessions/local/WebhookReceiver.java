package dev.realtimesessions.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The application's side of a webhook, for the tests: a Reactor Netty server on loopback that keeps
 * every POST as received and answers with what {@code handler} decides (non-blocking).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One POST: its headers (names lower case) and its raw body. */
    record Received(Map<String, String> headers, String body) {}

    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final DisposableServer server;

    /** Answers every POST with {@code status}. */
    WebhookReceiver(int status) {
        this(delivery -> Mono.just(status));
    }

    /** Answers every POST with the status {@code handler} gives, once it gives it. */
    WebhookReceiver(Function<Received, Mono<Integer>> handler) {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> request.receive().aggregate().asString().defaultIfEmpty("")
                        .flatMap(body -> {
                            Map<String, String> headers = new java.util.TreeMap<>();
                            request.requestHeaders().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                            Received one = new Received(Map.copyOf(headers), body);
                            received.add(one);
                            return handler.apply(one);
                        })
                        .flatMap(status -> response.status(status).send().then()))
                .bindNow(Duration.ofSeconds(10));
    }

    String url() {
        return "http://127.0.0.1:" + server.port() + "/webhooks/openai";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}
