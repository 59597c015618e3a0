package dev.realtimesessions;

import static dev.realtimesessions.testing.Fixtures.client;
import static dev.realtimesessions.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testsupport.LogCapture;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

@SuppressWarnings("deprecation") // also calls the beta endpoints, which stay supported and tested
class SecretsInLogsTest {

    @Test
    void aDebugAndWiretapLogOfAFullExchangeHoldsNoSecret() throws Exception {
        try (MockWebServer server = new MockWebServer();
                LogCapture log = LogCapture.debug("dev.realtimesessions")) {
            server.start();
            server.enqueue(Fixtures.error(500, "server_error", null, null, "boom for " + Fixtures.API_KEY));
            server.enqueue(Fixtures.ok());
            try (RealtimeSessions sessions = client(server).wiretap(true)
                    .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(1)))
                    .build()) {
                StepVerifier.create(sessions.create(request()))
                        .assertNext(session -> assertThat(session.clientSecret().value()).isEqualTo(Fixtures.SECRET))
                        .verifyComplete();
            }
            List<String> messages = log.messages();
            String all = String.join("\n", messages);
            assertThat(all).as("the wiretap logged the exchange").contains("POST /v1/realtime/sessions")
                    .contains("authorization: Bearer ***").contains("\"value\":\"ek_***");
            assertThat(all).as("retries are logged").contains("retry 1 of 2");
            assertThat(all).doesNotContain(Fixtures.API_KEY).doesNotContain(Fixtures.SECRET)
                    .doesNotContain(Fixtures.API_KEY.substring(3));
        }
    }
}
