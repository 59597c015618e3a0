package dev.realtimesessions;

import static dev.realtimesessions.testing.Fixtures.API_KEY;
import static dev.realtimesessions.testing.Fixtures.WAIT;
import static dev.realtimesessions.testing.Fixtures.client;
import static dev.realtimesessions.testing.Fixtures.failure;
import static dev.realtimesessions.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.RealtimeCallRequest;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.testing.Calls;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testsupport.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.util.context.ContextView;

/** The {@link CallListener} hook: which events a call reports, in what order, and what a listener can and cannot do. */
@SuppressWarnings("deprecation") // also calls the beta endpoints, which stay supported and tested
class CallListenerTest {

    private static final RetryPolicy QUICK_RETRIES = RetryPolicy.defaults().withBackoff(Duration.ofMillis(5),
            Duration.ofMillis(10));

    private final MockWebServer server = new MockWebServer();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aCallThatSucceedsAtOnceReportsOneAttemptAndItsOutcome() {
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = client(server).callListener(recording()).build()) {
            sessions.create(request()).block(WAIT);
        }
        assertThat(events).containsExactly("callStarted /realtime/sessions", "attemptStarted 1",
                "attemptSucceeded 1 200 req_ok", "callSucceeded 200 1");
    }

    @Test
    void aRetriedCallReportsEachAttemptTheRetryAndTheOutcome() {
        server.enqueue(Fixtures.status(500).addHeader("x-request-id", "req_500").build());
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = client(server).retryPolicy(QUICK_RETRIES).callListener(recording()).build()) {
            sessions.create(request()).block(WAIT);
        }
        assertThat(events).hasSize(7);
        assertThat(events.subList(0, 3)).containsExactly("callStarted /realtime/sessions", "attemptStarted 1",
                "attemptFailed 1 InternalServerException 500");
        assertThat(events.get(3)).startsWith("retryScheduled 1 ");
        assertThat(events.subList(4, 7)).containsExactly("attemptStarted 2", "attemptSucceeded 2 200 req_ok",
                "callSucceeded 200 2");
    }

    @Test
    void aFailedCallReportsTheErrorTheCallerGets() {
        server.enqueue(Fixtures.error(400, "invalid_request_error", null, "model", "Unknown model."));
        try (RealtimeSessions sessions = client(server).callListener(recording()).build()) {
            assertThat(failure(sessions.create(request()))).isInstanceOf(BadRequestException.class);
        }
        assertThat(events).containsExactly("callStarted /realtime/sessions", "attemptStarted 1",
                "attemptFailed 1 BadRequestException 400", "callFailed BadRequestException 1");
    }

    @Test
    void aConnectionFailureIsAnAttemptWithoutStatus() throws Exception {
        String baseUrl = server.url("/v1").toString();
        server.close();
        try (RealtimeSessions sessions = RealtimeSessions.builder().apiKey(API_KEY).baseUrl(baseUrl)
                .retryPolicy(RetryPolicy.none()).callListener(recording()).build()) {
            assertThat(failure(sessions.create(request()))).isInstanceOf(ApiConnectionException.class);
        }
        assertThat(events).containsExactly("callStarted /realtime/sessions", "attemptStarted 1",
                "attemptFailed 1 ApiConnectionException -", "callFailed ApiConnectionException 1");
    }

    @Test
    void aCancelledCallReportsTheCancellation() throws Exception {
        server.enqueue(Fixtures.ok().newBuilder().headersDelay(10, java.util.concurrent.TimeUnit.SECONDS).build());
        try (RealtimeSessions sessions = client(server).callListener(recording()).build()) {
            Disposable call = sessions.create(request()).subscribe();
            server.takeRequest();
            call.dispose();
        }
        assertThat(events).containsExactly("callStarted /realtime/sessions", "attemptStarted 1", "callCancelled 1");
    }

    @Test
    void anAttemptCutByTheOverallDeadlineGetsNoEventOfItsOwn() {
        server.enqueue(Fixtures.ok().newBuilder().headersDelay(10, java.util.concurrent.TimeUnit.SECONDS).build());
        try (RealtimeSessions sessions = client(server).timeout(Duration.ofMillis(300))
                .attemptTimeout(Duration.ofSeconds(30)).callListener(recording()).build()) {
            assertThat(failure(sessions.create(request()))).isInstanceOf(ApiTimeoutException.class)
                    .hasMessageContaining("overall timeout of PT0.3S (1 attempt)");
        }
        assertThat(events).containsExactly("callStarted /realtime/sessions", "attemptStarted 1",
                "callFailed ApiTimeoutException 1");
    }

    @Test
    void aHoldOfTheRateGateIsReportedBeforeTheAttemptItDelays() {
        server.enqueue(Fixtures.status(429).addHeader("retry-after-ms", "50").build());
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = client(server).retryPolicy(RetryPolicy.none()).callListener(recording())
                .build()) {
            failure(sessions.create(request()));
            events.clear();
            sessions.create(request()).block(WAIT);
        }
        assertThat(events).hasSize(5);
        assertThat(events.get(0)).isEqualTo("callStarted /realtime/sessions");
        assertThat(events.get(1)).startsWith("rateGateHeld ");
        assertThat(events.subList(2, 5)).containsExactly("attemptStarted 1", "attemptSucceeded 1 200 req_ok",
                "callSucceeded 200 1");
    }

    @Test
    void aListenerAddsHeadersToEachAttemptButCannotReplaceTheClientsOwn() throws Exception {
        server.enqueue(Fixtures.ok());
        CallListener.Factory tracing = (endpoint, context) -> new CallListener() {
            @Override
            public void attemptStarted(int attempt, BiConsumer<String, String> requestHeaders) {
                requestHeaders.accept("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
                requestHeaders.accept("Authorization", "Bearer stolen");
                requestHeaders.accept("OpenAI-Project", "proj_listener");
            }
        };
        try (RealtimeSessions sessions = client(server).project("proj_client").callListener(tracing).build()) {
            sessions.create(request()).block(WAIT);
        }
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getHeaders().get("traceparent")).isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(sent.getHeaders().values("Authorization")).containsExactly("Bearer " + API_KEY);
        assertThat(sent.getHeaders().values("OpenAI-Project")).containsExactly("proj_client");
    }

    @Test
    void theFactorySeesTheSubscribersContext() {
        server.enqueue(Fixtures.ok());
        List<Object> seen = new CopyOnWriteArrayList<>();
        CallListener.Factory factory = (endpoint, context) -> {
            seen.add(context.getOrDefault("trace", "none"));
            return CallListener.NONE;
        };
        try (RealtimeSessions sessions = client(server).callListener(factory).build()) {
            sessions.create(request()).contextWrite(context -> context.put("trace", "from-the-caller")).block(WAIT);
        }
        assertThat(seen).containsExactly("from-the-caller");
    }

    @Test
    void aListenerThatThrowsIsLoggedAndTheCallGoesOn() {
        server.enqueue(Fixtures.status(503).build());
        server.enqueue(Fixtures.ok());
        CallListener.Factory broken = (endpoint, context) -> new CallListener() {
            @Override
            public void attemptStarted(int attempt, BiConsumer<String, String> requestHeaders) {
                throw new IllegalStateException("broken listener saw " + API_KEY);
            }

            @Override
            public void attemptFailed(int attempt, RealtimeSessionsException error) {
                throw new IllegalStateException("broken again");
            }

            @Override
            public void callSucceeded(int status, int attempts) {
                throw new IllegalStateException("and again");
            }
        };
        try (RealtimeSessions sessions = client(server).retryPolicy(QUICK_RETRIES).callListener(broken).build();
                LogCapture log = LogCapture.debug("dev.realtimesessions")) {
            assertThat(sessions.createWithResponse(request()).block(WAIT).attempts()).isEqualTo(2);
            String logged = String.join("\n", log.messages());
            assertThat(logged).contains("a CallListener failed in attemptStarted and was ignored")
                    .contains("a CallListener failed in attemptFailed")
                    .contains("a CallListener failed in callSucceeded").doesNotContain(API_KEY);
        }
    }

    @Test
    void aFactoryThatThrowsLeavesTheCallUnobserved() {
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = client(server).callListener((endpoint, context) -> {
            throw new IllegalStateException("no listener today");
        }).build()) {
            assertThat(sessions.create(request()).block(WAIT)).isNotNull();
        }
    }

    @Test
    void theCallsEndpointsAreNamedByTheirPathTemplatesNeverByACallId() {
        server.enqueue(Calls.created());
        for (int i = 0; i < 4; i++) {
            server.enqueue(Calls.controlled());
        }
        try (RealtimeSessions sessions = client(server).callListener(recording()).build()) {
            sessions.createCall(RealtimeCallRequest.of(Calls.OFFER)).block(WAIT);
            sessions.acceptCall(Calls.CALL_ID, RealtimeSessionConfig.builder().model("gpt-realtime").build())
                    .block(WAIT);
            sessions.rejectCall(Calls.CALL_ID, 486).block(WAIT);
            sessions.referCall(Calls.CALL_ID, "tel:+14155550123").block(WAIT);
            sessions.hangupCall(Calls.CALL_ID).block(WAIT);
        }
        assertThat(events).filteredOn(event -> event.startsWith("callStarted")).containsExactly(
                "callStarted /realtime/calls", "callStarted /realtime/calls/{call_id}/accept",
                "callStarted /realtime/calls/{call_id}/reject", "callStarted /realtime/calls/{call_id}/refer",
                "callStarted /realtime/calls/{call_id}/hangup");
        assertThat(events).filteredOn(event -> event.startsWith("callSucceeded"))
                .containsExactly("callSucceeded 201 1", "callSucceeded 200 1", "callSucceeded 200 1",
                        "callSucceeded 200 1", "callSucceeded 200 1");
        assertThat(String.join("\n", events)).doesNotContain(Calls.CALL_ID);
    }

    @Test
    void aNullFactoryIsRefusedByTheBuilder() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> RealtimeSessions.builder().callListener(null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("callListener");
    }

    private CallListener.Factory recording() {
        return (String endpoint, ContextView context) -> {
            events.add("callStarted " + endpoint);
            return new Recorder();
        };
    }

    /** Records each event as a line. */
    private final class Recorder implements CallListener {
        @Override
        public void attemptStarted(int attempt, BiConsumer<String, String> requestHeaders) {
            events.add("attemptStarted " + attempt);
        }

        @Override
        public void attemptSucceeded(int attempt, int status, @Nullable String requestId) {
            events.add("attemptSucceeded " + attempt + " " + status + " " + requestId);
        }

        @Override
        public void attemptFailed(int attempt, RealtimeSessionsException error) {
            events.add("attemptFailed " + attempt + " " + error.getClass().getSimpleName() + " "
                    + (error instanceof ApiException api ? String.valueOf(api.status()) : "-"));
        }

        @Override
        public void retryScheduled(int failedAttempt, Duration delay, RealtimeSessionsException cause) {
            events.add("retryScheduled " + failedAttempt + " " + delay.toMillis());
        }

        @Override
        public void rateGateHeld(Duration wait) {
            events.add("rateGateHeld " + wait.toMillis());
        }

        @Override
        public void callSucceeded(int status, int attempts) {
            events.add("callSucceeded " + status + " " + attempts);
        }

        @Override
        public void callFailed(RealtimeSessionsException error, int attempts) {
            events.add("callFailed " + error.getClass().getSimpleName() + " " + attempts);
        }

        @Override
        public void callCancelled(int attempts) {
            events.add("callCancelled " + attempts);
        }
    }
}
