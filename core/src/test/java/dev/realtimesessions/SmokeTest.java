package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.Voice;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void mints() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(200).addHeader("x-request-id", "req_1")
                    .addHeader("content-type", "application/json")
                    .body("{\"id\":\"sess_1\",\"model\":\"gpt-realtime\",\"voice\":\"verse\",\"client_secret\":{\"value\":\"ek_abc123\",\"expires_at\":1234567890}}").build());
            try (RealtimeSessions sessions = RealtimeSessions.builder().apiKey("sk-test-123456")
                    .baseUrl(server.url("/v1").toString()).build()) {
                ApiResponse<RealtimeSession> response = sessions.createWithResponse(RealtimeSessionCreateRequest.builder()
                        .model("gpt-realtime").voice(Voice.VERSE).instructions("hi").build()).block(Duration.ofSeconds(10));
                System.out.println(response);
                RecordedRequest request = server.takeRequest();
                System.out.println(request.getHeaders());
                System.out.println(request.getBody().utf8());
                assertThat(response.value().clientSecret().value()).isEqualTo("ek_abc123");
            }
        }
    }
}
