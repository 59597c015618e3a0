package dev.realtimesessions;

import static dev.realtimesessions.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testsupport.LogCapture;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;
import reactor.netty.tcp.SslProvider;
import reactor.test.StepVerifier;

/** Over TLS with HTTP/2 negotiated by ALPN, as against api.openai.com. */
class HttpsTest {

    private final HeldCertificate certificate = new HeldCertificate.Builder()
            .commonName("localhost").addSubjectAlternativeName("localhost").build();
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
        server.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A client on a Reactor Netty client of the caller's, which trusts the test certificate. */
    private RealtimeSessions.Builder client() {
        SslProvider.GenericSslContextSpec<?> tls = Http2SslContextSpec.forClient()
                .configure(ssl -> ssl.trustManager(certificate.certificate()));
        HttpClient trusting = HttpClient.create()
                .protocol(HttpProtocol.H2, HttpProtocol.HTTP11)
                .secure(spec -> spec.sslContext(tls));
        return RealtimeSessions.builder().apiKey(Fixtures.API_KEY)
                .baseUrl("https://localhost:" + server.getPort() + "/v1").httpClient(trusting);
    }

    /** A client on the library's own transport, told to trust the test certificate. */
    private RealtimeSessions.Builder ownTransport() throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("localhost", certificate.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        return RealtimeSessions.builder().apiKey(Fixtures.API_KEY)
                .baseUrl("https://localhost:" + server.getPort() + "/v1").trustManager(trust);
    }

    @Test
    @SuppressWarnings("deprecation") // the beta endpoint stays tested
    void mintsOverHttp2() throws Exception {
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = client().build()) {
            StepVerifier.create(sessions.create(request()))
                    .assertNext(session -> assertThat(session.clientSecret().value()).isEqualTo(Fixtures.SECRET))
                    .verifyComplete();
        }
        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getVersion()).isEqualTo("HTTP/2");
        assertThat(recorded.getHeaders().get("authorization")).isEqualTo("Bearer " + Fixtures.API_KEY);
        assertThat(recorded.getBody().utf8()).contains("\"model\":\"gpt-realtime\"");
    }

    @Test
    @SuppressWarnings("deprecation") // the beta endpoint stays tested
    void theLibrarysOwnTransportNegotiatesHttp2OnTheLoopsItIsGiven() throws Exception {
        LoopResources loops = LoopResources.create("own-transport-loops");
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = ownTransport().runOn(loops).build()) {
            StepVerifier.create(sessions.create(request()).map(session -> Thread.currentThread().getName()))
                    .assertNext(thread -> assertThat(thread).startsWith("own-transport-loops"))
                    .verifyComplete();
        } finally {
            loops.disposeLater().block(Fixtures.WAIT);
        }
        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getVersion()).isEqualTo("HTTP/2");
        assertThat(recorded.getHeaders().get("authorization")).isEqualTo("Bearer " + Fixtures.API_KEY);
    }

    @Test
    @SuppressWarnings("deprecation") // the beta endpoint stays tested
    void theLibrarysOwnTransportRefusesACertificateItWasNotToldToTrust() {
        try (RealtimeSessions sessions = RealtimeSessions.builder().apiKey(Fixtures.API_KEY)
                .baseUrl("https://localhost:" + server.getPort() + "/v1").retryPolicy(RetryPolicy.none()).build()) {
            StepVerifier.create(sessions.create(request()))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ApiConnectionException.class)
                            .hasMessageNotContaining(Fixtures.API_KEY))
                    .verify(Fixtures.WAIT);
        }
        assertThat(server.getRequestCount()).as("nothing reached the server").isZero();
    }

    @Test
    @SuppressWarnings("deprecation") // the beta endpoint stays tested
    void theWiretapSeesPlainTextAfterTlsAndMasksTheSecret() throws Exception {
        server.enqueue(Fixtures.ok());
        try (LogCapture log = LogCapture.debug("dev.realtimesessions.wiretap");
                RealtimeSessions sessions = client().wiretap(true).build()) {
            StepVerifier.create(sessions.create(request())).expectNextCount(1).verifyComplete();
            String all = String.join("\n", log.messages());
            assertThat(all).as("the request body, decrypted").contains("\"model\":\"gpt-realtime\"");
            assertThat(all).as("the answer, decrypted and masked").contains("\"value\":\"ek_***");
            assertThat(all).doesNotContain(Fixtures.SECRET).doesNotContain(Fixtures.API_KEY);
        }
    }
}
