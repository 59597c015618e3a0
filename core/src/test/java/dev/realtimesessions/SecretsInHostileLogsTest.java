package dev.realtimesessions;

import static dev.realtimesessions.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testing.HostileServer;
import dev.realtimesessions.testsupport.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.transport.logging.AdvancedByteBufFormat;

/**
 * With everything at DEBUG (the library, Reactor Netty, Netty) and the wiretap on, a run through the
 * hostile server's faults logs neither the API key nor a client secret, not even in pieces.
 */
@SuppressWarnings("deprecation") // also calls the beta endpoints, which stay supported and tested
class SecretsInHostileLogsTest {

    private static final RetryPolicy FAST = RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(5));

    private static List<HostileServer.Behaviour> scenarios() {
        String echo = "Incorrect API key provided: " + Fixtures.API_KEY + "; secret " + Fixtures.SECRET;
        List<HostileServer.Behaviour> all = new ArrayList<>();
        all.add(HostileServer.ok());
        all.add(HostileServer.error(401, "invalid_request_error", "invalid_api_key", null, echo));
        all.add(HostileServer.error(500, "server_error", null, null, echo));
        all.add(HostileServer.rateLimitedMs(5));
        all.add(HostileServer.reset());
        all.add(HostileServer.htmlBadGateway());
        all.add(HostileServer.truncatedBody());
        all.add(HostileServer.malformedJson());
        all.add(HostileServer.body(200, "text/plain", echo));
        all.add(HostileServer.body(502, "text/html", "<html>" + echo + "</html>"));
        all.add(HostileServer.gzip(Fixtures.SESSION_JSON));
        // The secret split across chunks (and so across reads): each piece must still be masked.
        for (int piece : new int[] {5, 7, 11, 16}) {
            all.add(HostileServer.chunked(Fixtures.SESSION_JSON, piece, Duration.ofMillis(3)));
        }
        return all;
    }

    private static void runAll(RealtimeSessions.Builder builder, HostileServer server) {
        try (RealtimeSessions sessions = builder.apiKey(Fixtures.API_KEY).baseUrl(server.baseUrl())
                .retryPolicy(FAST).build()) {
            for (HostileServer.Behaviour scenario : scenarios()) {
                server.enqueue(scenario);
                sessions.create(request()).onErrorResume(e -> Mono.empty()).block(Duration.ofSeconds(30));
            }
        }
    }

    private static void assertNoSecretIn(List<String> messages) {
        String all = String.join("\n", messages);
        assertThat(all).doesNotContain(Fixtures.API_KEY).doesNotContain(Fixtures.SECRET);
        for (String secret : List.of(Fixtures.API_KEY.substring(3), Fixtures.SECRET.substring(3))) {
            for (int i = 0; i + 8 <= secret.length(); i++) {
                String piece = secret.substring(i, i + 8);
                assertThat(all).as("a piece of a secret, %s", piece).doesNotContain(piece);
            }
        }
    }

    @Test
    void theLibrarysWiretapWithEverythingAtDebugLogsNoSecret() {
        try (HostileServer server = HostileServer.start();
                LogCapture library = LogCapture.debug("dev.realtimesessions");
                LogCapture reactorNetty = LogCapture.debug("reactor.netty");
                LogCapture netty = LogCapture.debug("io.netty")) {
            runAll(RealtimeSessions.builder().wiretap(true), server);
            assertThat(String.join("\n", library.messages())).as("the wiretap logged the exchanges")
                    .contains("POST /v1/realtime/sessions").contains("Bearer ***").contains("retry 1 of 2");
            assertNoSecretIn(library.messages());
            assertNoSecretIn(reactorNetty.messages());
            assertNoSecretIn(netty.messages());
        }
    }

    @Test
    void reactorNettysOwnWiretapOnACallerSuppliedHttpClientLogsNoSecret() {
        HttpClient wiretapped = HttpClient.create()
                .wiretap("reactor.netty.http.client.HttpClient", io.netty.handler.logging.LogLevel.DEBUG,
                        AdvancedByteBufFormat.TEXTUAL);
        try (HostileServer server = HostileServer.start();
                LogCapture library = LogCapture.debug("dev.realtimesessions");
                LogCapture reactorNetty = LogCapture.debug("reactor.netty");
                LogCapture netty = LogCapture.debug("io.netty")) {
            runAll(RealtimeSessions.builder().httpClient(wiretapped), server);
            assertThat(String.join("\n", library.messages()))
                    .as("Reactor Netty's wiretap was replaced by the library's redacting one")
                    .contains("POST /v1/realtime/sessions").contains("Bearer ***");
            assertNoSecretIn(library.messages());
            assertNoSecretIn(reactorNetty.messages());
            assertNoSecretIn(netty.messages());
        }
    }
}
