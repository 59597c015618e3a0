package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A loopback MockWebServer standing in for OpenAI, and a client pointed at it. */
final class MockOpenAi implements AutoCloseable {

    /** The smallest answer {@code POST /realtime/client_secrets} can give. */
    static final String MINIMAL_ANSWER =
            "{\"value\":\"ek_test_minimal_secret\",\"expires_at\":1756310470,\"session\":{\"type\":\"realtime\"}}";

    static final Duration WAIT = Duration.ofSeconds(10);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final MockWebServer server = new MockWebServer();
    final RealtimeSessions client;

    MockOpenAi() throws IOException {
        server.start();
        client = RealtimeSessions.builder().apiKey("sk-test-0123456789abcdef")
                .baseUrl(server.url("/v1").toString())
                .build();
    }

    void answer(int status, String body, String... headerPairs) {
        MockResponse.Builder response = new MockResponse.Builder().code(status)
                .addHeader("content-type", "application/json")
                .addHeader("x-request-id", "req_test_1");
        for (int i = 0; i < headerPairs.length; i += 2) {
            response.addHeader(headerPairs[i], headerPairs[i + 1]);
        }
        server.enqueue(response.body(body).build());
    }

    /** Answers {@link #MINIMAL_ANSWER}, sends the request, and returns the JSON body the client sent. */
    JsonNode sentBody(ClientSecretCreateRequest request) throws InterruptedException {
        answer(200, MINIMAL_ANSWER);
        ClientSecretCreateResponse response = client.createClientSecret(request).block(WAIT);
        assertThat(response).isNotNull();
        return JSON.readTree(takeRequest().getBody().utf8());
    }

    /** Answers with {@code body} and returns the decoded response (consuming the request it answered). */
    ClientSecretCreateResponse parse(String body) throws InterruptedException {
        answer(200, body);
        ClientSecretCreateResponse response = client.createClientSecret(ClientSecretCreateRequest.builder().build())
                .block(WAIT);
        takeRequest();
        return response;
    }

    RecordedRequest takeRequest() throws InterruptedException {
        RecordedRequest request = server.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Override
    public void close() throws IOException {
        client.close();
        server.close();
    }
}
