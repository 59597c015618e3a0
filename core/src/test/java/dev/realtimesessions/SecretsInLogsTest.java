package dev.realtimesessions;

import static dev.realtimesessions.testing.Fixtures.client;
import static dev.realtimesessions.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.McpTool;
import dev.realtimesessions.model.RealtimeCallRequest;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.testing.Calls;
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

    @Test
    void aWiretapOfTheCallsApiMasksTheKeyAndTheSessionsSecretsInItsMultipartBodiesAndKeepsSdpsAtDebug()
            throws Exception {
        String mcpToken = "mcp-oauth-token-7c1e9a2b5d";
        RealtimeSessionConfig session = RealtimeSessionConfig.builder().model("gpt-realtime")
                .addTool(McpTool.builder("docs").serverUrl("https://mcp.example.com").authorization(mcpToken).build())
                .build();
        try (MockWebServer server = new MockWebServer();
                LogCapture log = LogCapture.debug("dev.realtimesessions")) {
            server.start();
            server.enqueue(Calls.created());
            server.enqueue(Calls.controlled());
            server.enqueue(Fixtures.error(503, "server_error", null, null, "boom for " + Fixtures.API_KEY));
            server.enqueue(Calls.controlled());
            try (RealtimeSessions sessions = client(server).wiretap(true)
                    .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(1)))
                    .build()) {
                StepVerifier.create(sessions.createCall(RealtimeCallRequest.of(Calls.OFFER, session)))
                        .expectNextCount(1).verifyComplete();
                StepVerifier.create(sessions.acceptCall(Calls.CALL_ID, session)).verifyComplete();
                StepVerifier.create(sessions.hangupCall(Calls.CALL_ID)).verifyComplete();
            }
            String all = String.join("\n", log.messages());
            assertThat(all).as("the wiretap logged the multipart offer, the accept and the retried hangup")
                    .contains("POST /v1/realtime/calls HTTP/1.1").contains("multipart/form-data; boundary=")
                    .contains("Content-Type: application/sdp").contains("a=ice-pwd:")
                    .contains("\"authorization\":\"***").contains("authorization: Bearer ***")
                    .contains("POST /v1/realtime/calls/" + Calls.CALL_ID + "/accept")
                    .contains("POST /v1/realtime/calls/" + Calls.CALL_ID + "/hangup").contains("retry 1 of 2");
            assertThat(all).doesNotContain(Fixtures.API_KEY).doesNotContain(Fixtures.API_KEY.substring(3))
                    .doesNotContain(mcpToken);
            assertThat(log.messagesAtInfoOrAbove()).as("SDPs are logged at DEBUG only").allSatisfy(message ->
                    assertThat(message).doesNotContain("a=ice-").doesNotContain("v=0"));
        }
    }
}
