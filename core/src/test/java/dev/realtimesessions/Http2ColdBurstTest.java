package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.testing.Fixtures;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.TrustManagerFactory;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;

/**
 * A cold burst over HTTP/2: calls started all at once, before any connection is open, share the
 * connections they open up to the server's stream limit instead of opening one each.
 */
class Http2ColdBurstTest {

    private static final int STREAMS_PER_CONNECTION = 10;
    private static final int CALLS = 200;

    private final HeldCertificate certificate = new HeldCertificate.Builder()
            .commonName("localhost").addSubjectAlternativeName("localhost").build();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger received = new AtomicInteger();
    /** Answers are held until every call has reached the server: all of them are in flight at once. */
    private final Sinks.Empty<Void> allArrived = Sinks.empty();
    private DisposableServer server;

    @BeforeEach
    void start() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .protocol(HttpProtocol.H2)
                .http2Settings(settings -> settings.maxConcurrentStreams(STREAMS_PER_CONNECTION))
                .secure(spec -> spec.sslContext(Http2SslContextSpec.forServer(certificate.keyPair().getPrivate(),
                        certificate.certificate())))
                .doOnChannelInit((observer, channel, address) -> connections.incrementAndGet())
                .handle((request, response) -> request.receive().then(Mono.defer(() -> {
                    if (received.incrementAndGet() == CALLS) {
                        allArrived.tryEmitEmpty();
                    }
                    return allArrived.asMono();
                })).then(response.header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                        .sendString(Mono.just(Fixtures.MINIMAL_CLIENT_SECRET)).then()))
                .bindNow();
    }

    @AfterEach
    void stop() {
        server.disposeNow();
    }

    @Test
    void aColdBurstOpensTheConnectionsTheStreamLimitNeedsNotOnePerCall() throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("localhost", certificate.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        try (RealtimeSessions sessions = RealtimeSessions.builder().apiKey(Fixtures.API_KEY)
                .baseUrl("https://localhost:" + server.port() + "/v1").trustManager(trust).build()) {
            List<ClientSecretCreateResponse> answers = Flux.range(0, CALLS)
                    .flatMap(i -> sessions.createClientSecret(ClientSecretCreateRequest.builder().build()), CALLS)
                    .collectList()
                    .block(Fixtures.WAIT.plus(Duration.ofSeconds(10)));
            assertThat(answers).hasSize(CALLS);
        }
        int needed = CALLS / STREAMS_PER_CONNECTION;
        assertThat(connections.get())
                .as("connections opened for %d calls at %d streams each (one per call before the fix)", CALLS,
                        STREAMS_PER_CONNECTION)
                .isGreaterThanOrEqualTo(needed)
                .isLessThanOrEqualTo(needed + needed / 2);
    }
}
