package dev.realtimesessions.benchmarks;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import java.io.File;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;

/**
 * The server of the scale run: answers {@code POST /v1/realtime/client_secrets} (and the beta
 * {@code /v1/realtime/sessions}) with the canned session after a fixed delay, on a Reactor Netty
 * timer, holding thousands of connections open at once. nginx cannot delay an answer without
 * third-party modules, so this runs in its own JVM, pinned to its own core by the harness.
 *
 * <pre>DelayServer PORT DELAY_MILLIS LIFETIME_SECONDS STATS_PORT [h1|tls-h1|tls-h2 CERT_PEM KEY_PEM]</pre>
 *
 * Over TLS it offers HTTP/1.1 only ({@code tls-h1}) or h2 and HTTP/1.1 by ALPN ({@code tls-h2}), with
 * at most 128 concurrent streams per h2 connection (nginx's default). {@code GET /connections} on
 * the plain {@code STATS_PORT} answers how many connections it has accepted so far. Prints
 * {@code READY} once listening and exits by itself after its lifetime.
 */
public final class DelayServer {

    /** The h2 stream limit the server announces, as nginx does by default. */
    static final int MAX_CONCURRENT_STREAMS = 128;

    private DelayServer() {
    }

    /**
     * Runs it.
     *
     * @param args the port to listen on, the delay in milliseconds, the lifetime in seconds, the
     *     statistics port, then optionally the protocol, certificate and key
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Duration delay = Duration.ofMillis(Long.parseLong(args[1]));
        long lifetimeSeconds = Long.parseLong(args[2]);
        int statsPort = Integer.parseInt(args[3]);
        String protocol = args.length > 4 ? args[4] : "h1";
        byte[] ga = Payloads.CLIENT_SECRET_RESPONSE;
        byte[] beta = Payloads.BETA_SESSION_RESPONSE;
        AtomicLong accepted = new AtomicLong();
        HttpServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .option(ChannelOption.SO_BACKLOG, 16_384)
                .doOnChannelInit((observer, channel, address) -> accepted.incrementAndGet())
                .route(routes -> routes
                        .post("/v1/realtime/client_secrets", (request, response) -> request.receive().then()
                                .then(Mono.delay(delay))
                                .then(response.header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                                        .sendByteArray(Mono.just(ga)).then()))
                        .post("/v1/realtime/sessions", (request, response) -> request.receive().then()
                                .then(Mono.delay(delay))
                                .then(response.header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                                        .sendByteArray(Mono.just(beta)).then())));
        if (protocol.equals("tls-h2")) {
            File cert = new File(args[5]);
            File key = new File(args[6]);
            server = server.protocol(HttpProtocol.H2, HttpProtocol.HTTP11)
                    .http2Settings(settings -> settings.maxConcurrentStreams(MAX_CONCURRENT_STREAMS))
                    .secure(spec -> spec.sslContext(Http2SslContextSpec.forServer(cert, key)));
        } else if (protocol.equals("tls-h1")) {
            File cert = new File(args[5]);
            File key = new File(args[6]);
            server = server.secure(spec -> spec.sslContext(Http11SslContextSpec.forServer(cert, key)));
        }
        DisposableServer listening = server.bindNow();
        DisposableServer stats = HttpServer.create().host("127.0.0.1").port(statsPort)
                .route(routes -> routes.get("/connections",
                        (request, response) -> response.sendString(Mono.fromSupplier(() -> accepted.get() + "\n"))))
                .bindNow();
        System.out.println("READY " + listening.port());
        System.out.flush();
        Thread.sleep(lifetimeSeconds * 1000);
        stats.disposeNow(Duration.ofSeconds(5));
        listening.disposeNow(Duration.ofSeconds(5));
        System.exit(0);
    }
}
