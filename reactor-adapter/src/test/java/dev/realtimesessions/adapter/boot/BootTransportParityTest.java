package dev.realtimesessions.adapter.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.ResponseDecodingException;
import dev.realtimesessions.RetryPolicy;
import dev.realtimesessions.adapter.testing.Upstream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.TrustManagerFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.test.StepVerifier;

/**
 * The client Spring Boot builds (on the application's event loops) and one built by hand are the
 * same transport: over TLS with a self-signed certificate on loopback they negotiate HTTP/2, send
 * the same headers, and refuse an answer past the response cap and (both asking for gzip) a gzip bomb
 * as it inflates.
 */
class BootTransportParityTest {

    private static final String SECRET_JSON =
            "{\"value\":\"ek_parity_secret_value\",\"expires_at\":1756310470,\"session\":{\"type\":\"realtime\"}}";

    private static HeldCertificate certificate;
    private static TrustManagerFactory trust;

    private final MockWebServer server = new MockWebServer();

    @BeforeAll
    static void trustASelfSignedCertificate() throws Exception {
        certificate = new HeldCertificate.Builder().commonName("localhost").addSubjectAlternativeName("localhost").build();
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("localhost", certificate.certificate());
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
    }

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

    @Configuration(proxyBeanMethods = false)
    static class TrustingTheTestCertificate {
        @Bean
        RealtimeSessionsBuilderCustomizer trustTheTestCertificate() {
            return builder -> builder.trustManager(trust).acceptGzip(true);
        }
    }

    /** Runs {@code test} with the client Boot built and one built by hand, both against the server. */
    private void withBootAndHandBuilt(BiConsumer<RealtimeSessions, RealtimeSessions> test) {
        String baseUrl = "https://localhost:" + server.getPort() + "/v1";
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RealtimeSessionsAutoConfiguration.class))
                .withUserConfiguration(RealtimeSessionsAutoConfigurationTest.WithReactorResources.class,
                        TrustingTheTestCertificate.class)
                .withPropertyValues("realtime.openai.api-key=" + Upstream.MOCK_API_KEY, "realtime.openai.base-url=" + baseUrl,
                        "realtime.openai.max-retries=0")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    try (RealtimeSessions byHand = RealtimeSessions.builder().apiKey(Upstream.MOCK_API_KEY)
                            .baseUrl(baseUrl).trustManager(trust).acceptGzip(true)
                            .retryPolicy(RetryPolicy.none()).build()) {
                        test.accept(context.getBean(RealtimeSessions.class), byHand);
                    }
                });
    }

    @Test
    void bothNegotiateHttp2OverTlsAndSendTheSameHeaders() {
        withBootAndHandBuilt((boot, byHand) -> {
            List<Map<String, List<String>>> headers = new ArrayList<>();
            for (RealtimeSessions client : List.of(boot, byHand)) {
                server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                        .body(SECRET_JSON).build());
                StepVerifier.create(client.createClientSecret(Upstream.request()))
                        .assertNext(secret -> assertThat(secret.value()).isEqualTo("ek_parity_secret_value"))
                        .verifyComplete();
                RecordedRequest request = take();
                assertThat(request.getVersion()).isEqualTo("HTTP/2");
                headers.add(request.getHeaders().toMultimap());
            }
            assertThat(headers.get(0)).containsKeys("authorization", "user-agent", "accept-encoding", "content-type")
                    .isEqualTo(headers.get(1));
        });
    }

    @Test
    void bothRefuseAnAnswerPastTheResponseCap() {
        withBootAndHandBuilt((boot, byHand) -> {
            for (RealtimeSessions client : List.of(boot, byHand)) {
                server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                        .body("{\"pad\":\"" + "x".repeat(1 << 20) + "\"}").build());
                StepVerifier.create(client.createClientSecret(Upstream.request()))
                        .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ResponseDecodingException.class)
                                .hasMessageContaining("larger than maxResponseBytes (1048576 bytes)"))
                        .verify(Duration.ofSeconds(20));
            }
        });
    }

    @Test
    void bothRefuseAGzipBombWhileItInflates() {
        byte[] bomb = gzippedZeros(16 << 20);
        withBootAndHandBuilt((boot, byHand) -> {
            for (RealtimeSessions client : List.of(boot, byHand)) {
                server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                        .addHeader("content-encoding", "gzip").body(new Buffer().write(bomb)).build());
                StepVerifier.create(client.createClientSecret(Upstream.request()))
                        .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ResponseDecodingException.class)
                                .as("refused by the inflater as it passed the cap, not after inflating a read whole")
                                .hasMessageContaining("inflates past maxResponseBytes (1048576 bytes)"))
                        .verify(Duration.ofSeconds(20));
            }
        });
    }

    private RecordedRequest take() {
        try {
            return server.takeRequest();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static byte[] gzippedZeros(int length) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            byte[] zeros = new byte[64 * 1024];
            for (int written = 0; written < length; written += zeros.length) {
                gzip.write(zeros);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }
}
