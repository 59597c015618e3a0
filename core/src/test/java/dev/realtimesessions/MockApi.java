package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real MockWebServer and a {@link RealtimeSessions} client pointed at it, for tests that look at
 * what goes over the wire or what comes back from it. Close it after each test.
 */
final class MockApi implements AutoCloseable {

    static final String API_KEY = "sk-test-123456";

    /** A minimal successful answer of {@code POST /realtime/sessions}. */
    static final String MINIMAL_SESSION =
            "{\"id\":\"sess_1\",\"client_secret\":{\"value\":\"ek_minted_secret_value\",\"expires_at\":1234567890}}";

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Long enough never to fire on a healthy machine; a bound, not a timing assertion. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    final MockWebServer server = new MockWebServer();
    final RealtimeSessions sessions;

    MockApi() {
        this(builder -> { });
    }

    MockApi(Consumer<RealtimeSessions.Builder> configure) {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RealtimeSessions.Builder builder = RealtimeSessions.builder()
                .apiKey(API_KEY)
                .baseUrl(server.url("/v1").toString());
        configure.accept(builder);
        sessions = builder.build();
    }

    /** Queues an answer with a JSON content type. */
    void enqueue(int status, String body) {
        server.enqueue(new MockResponse.Builder().code(status)
                .addHeader("Content-Type", "application/json")
                .addHeader("x-request-id", "req_test")
                .body(body)
                .build());
    }

    /** Sends {@code request}, answered with {@code responseBody}, and returns the parsed session. */
    RealtimeSession mint(RealtimeSessionCreateRequest request, String responseBody) {
        enqueue(200, responseBody);
        return await(sessions.create(request));
    }

    /**
     * Serves {@code responseBody} with status 200 to a minimal request and returns the parsed
     * session; the request is taken off the server's queue.
     */
    RealtimeSession parse(String responseBody) {
        RealtimeSession session = mint(RealtimeSessionCreateRequest.builder().model("gpt-realtime").build(), responseBody);
        take();
        return session;
    }

    /** Sends {@code request} (answered with a minimal session) and returns its body as the server saw it. */
    JsonNode sentBody(RealtimeSessionCreateRequest request) {
        mint(request, MINIMAL_SESSION);
        return JSON.readTree(take().getBody().utf8());
    }

    /** The next request the server received. */
    RecordedRequest take() {
        try {
            RecordedRequest request = server.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(request).as("a request reached the server").isNotNull();
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    <T> T await(Mono<T> mono) {
        return mono.block(WAIT);
    }

    /** The error {@code mono} fails with; fails the test if it succeeds. */
    static Throwable failure(Mono<?> mono) {
        Signal<?> signal = mono.materialize().block(WAIT);
        assertThat(signal).as("the call ended").isNotNull();
        assertThat(signal.isOnError()).as("the call failed, but it signalled %s", signal).isTrue();
        return signal.getThrowable();
    }

    @Override
    public void close() {
        sessions.close();
        server.close();
    }
}
