package dev.realtimesessions.benchmarks;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The server of the scale run: answers {@code POST /v1/realtime/client_secrets} (and the beta
 * {@code /v1/realtime/sessions}) with the canned session after a fixed delay, on a Reactor Netty
 * timer, holding thousands of connections open at once. nginx cannot delay an answer without
 * third-party modules, so this runs in its own JVM, pinned to its own core by the harness.
 *
 * <pre>DelayServer PORT DELAY_MILLIS LIFETIME_SECONDS</pre>
 *
 * Prints {@code READY} once listening and exits by itself after its lifetime.
 */
public final class DelayServer {

    private DelayServer() {
    }

    /**
     * Runs it.
     *
     * @param args the port to listen on, then the delay in milliseconds
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Duration delay = Duration.ofMillis(Long.parseLong(args[1]));
        long lifetimeSeconds = Long.parseLong(args[2]);
        byte[] ga = Payloads.CLIENT_SECRET_RESPONSE;
        byte[] beta = Payloads.BETA_SESSION_RESPONSE;
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .option(ChannelOption.SO_BACKLOG, 16_384)
                .route(routes -> routes
                        .post("/v1/realtime/client_secrets", (request, response) -> request.receive().then()
                                .then(Mono.delay(delay))
                                .then(response.header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                                        .sendByteArray(Mono.just(ga)).then()))
                        .post("/v1/realtime/sessions", (request, response) -> request.receive().then()
                                .then(Mono.delay(delay))
                                .then(response.header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                                        .sendByteArray(Mono.just(beta)).then())))
                .bindNow();
        System.out.println("READY " + server.port());
        System.out.flush();
        Thread.sleep(lifetimeSeconds * 1000);
        server.disposeNow(Duration.ofSeconds(5));
        System.exit(0);
    }
}
