package dev.realtimesessions;

import static dev.realtimesessions.testing.Fixtures.client;
import static dev.realtimesessions.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testing.RecordedWaits;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The rate gate: calls sharing a key and project hold back together after the server says the key is out of requests. */
@SuppressWarnings("deprecation") // also calls the beta endpoints, which stay supported and tested
class RateGateTest {

    private static final String OTHER_KEY = "sk-test-other-fedcba9876543210";

    private final MockWebServer server = new MockWebServer();
    private final RecordedWaits waits = new RecordedWaits();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void afterA429WithRetryAfterTheNextCallForTheKeyWaitsWithoutSending() {
        server.enqueue(Fixtures.status(429).addHeader("retry-after", "2").build());
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = client(server).retryPolicy(RetryPolicy.none()).callListener(waits).build()) {
            StepVerifier.withVirtualTime(() -> refusedThen(sessions, sessions.createWithResponse(request())))
                    .expectSubscription()
                    .then(() -> assertThat(waits.nextGateHold()).isEqualTo(Duration.ofSeconds(2)))
                    .then(() -> assertThat(server.getRequestCount()).isEqualTo(1))
                    .thenAwait(Duration.ofMillis(1999))
                    .then(() -> assertThat(server.getRequestCount()).isEqualTo(1))
                    .thenAwait(Duration.ofMillis(1))
                    .assertNext(response -> assertThat(response.attempts()).isEqualTo(1))
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void noRequestsRemainingBeforeTheResetHoldsTheKeyUntilTheReset() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                .addHeader("x-ratelimit-remaining-requests", "0")
                .addHeader("x-ratelimit-reset-requests", "1.5s")
                .body(Fixtures.SESSION_JSON).build());
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = client(server).callListener(waits).build()) {
            StepVerifier.withVirtualTime(() -> sessions.create(request()).then(sessions.createWithResponse(request())))
                    .expectSubscription()
                    .then(() -> assertThat(waits.nextGateHold()).isEqualTo(Duration.ofMillis(1500)))
                    .thenAwait(Duration.ofMillis(1499))
                    .then(() -> assertThat(server.getRequestCount()).isEqualTo(1))
                    .thenAwait(Duration.ofMillis(1))
                    .assertNext(response -> assertThat(response.attempts()).isEqualTo(1))
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void requestsRemainingDoNotHoldTheKey() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                .addHeader("x-ratelimit-remaining-requests", "1")
                .addHeader("x-ratelimit-reset-requests", "30s")
                .body(Fixtures.SESSION_JSON).build());
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = client(server).build()) {
            StepVerifier.create(sessions.create(request()).then(sessions.createWithResponse(request())))
                    .assertNext(response -> assertThat(response.attempts()).isEqualTo(1))
                    .expectComplete()
                    .verify(Fixtures.WAIT);
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anotherKeyOrAnotherProjectDoesNotWait() {
        server.enqueue(Fixtures.status(429).addHeader("retry-after", "30").build());
        server.enqueue(Fixtures.ok());
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = client(server).project("proj_a").retryPolicy(RetryPolicy.none()).build()) {
            Mono<ApiResponse<RealtimeSession>> otherKey = sessions.createWithResponse(request(),
                    RequestOptions.builder().apiKey(OTHER_KEY).build());
            Mono<ApiResponse<RealtimeSession>> otherProject = sessions.createWithResponse(request(),
                    RequestOptions.builder().project("proj_b").build());
            StepVerifier.create(refusedThen(sessions, otherKey.then(otherProject)))
                    .assertNext(response -> assertThat(response.attempts()).isEqualTo(1))
                    .expectComplete()
                    .verify(Fixtures.WAIT);
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aWaitPastTheDeadlineFailsAtOnceWithRateLimitExceptionAndSendsNothing() {
        server.enqueue(Fixtures.status(429).addHeader("retry-after", "30").build());
        try (RealtimeSessions sessions = client(server).retryPolicy(RetryPolicy.none()).build()) {
            Mono<RealtimeSession> hurried = sessions.create(request(),
                    RequestOptions.builder().timeout(Duration.ofSeconds(5)).build());
            Throwable error = Fixtures.failure(refusedThen(sessions, hurried));
            assertThat(error).isInstanceOf(RateLimitException.class)
                    .hasMessageContaining("was not sent")
                    .hasMessageContaining("rate gate");
            RateLimitException rateLimit = (RateLimitException) error;
            assertThat(rateLimit.status()).isEqualTo(429);
            assertThat(rateLimit.retryAfter()).hasValueSatisfying(wait ->
                    assertThat(wait).isGreaterThan(Duration.ofSeconds(5)).isLessThanOrEqualTo(Duration.ofSeconds(30)));
            assertThat(error.getMessage()).doesNotContain(Fixtures.API_KEY);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aCallCancelledWhileWaitingSendsNothing() {
        server.enqueue(Fixtures.status(429).addHeader("retry-after", "2").build());
        server.enqueue(Fixtures.ok());
        VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
        try (RealtimeSessions sessions = client(server).retryPolicy(RetryPolicy.none()).callListener(waits).build()) {
            Disposable call = refusedThen(sessions, sessions.create(request())).subscribe(value -> { }, error -> { });
            assertThat(waits.nextGateHold()).isEqualTo(Duration.ofSeconds(2));
            call.dispose();
            time.advanceTimeBy(Duration.ofSeconds(10));
            assertThat(server.getRequestCount()).isEqualTo(1);
            StepVerifier.create(sessions.createWithResponse(request()))
                    .assertNext(response -> assertThat(response.attempts()).isEqualTo(1))
                    .expectComplete()
                    .verify(Fixtures.WAIT);
        } finally {
            VirtualTimeScheduler.reset();
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aCallsOwnRetryAfterA429IsNotHeldTwice() {
        server.enqueue(Fixtures.status(429).addHeader("retry-after", "2").build());
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = client(server).callListener(waits).build()) {
            StepVerifier.withVirtualTime(() -> sessions.createWithResponse(request()))
                    .expectSubscription()
                    .then(() -> assertThat(waits.nextRetry()).isEqualTo(Duration.ofSeconds(2)))
                    .thenAwait(Duration.ofSeconds(2))
                    .assertNext(response -> assertThat(response.attempts()).isEqualTo(2))
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));
            assertThat(waits.gateHolds()).as("the retry's own wait is not held again by the gate").isEmpty();
        }
    }

    @Test
    void aWaitLongerThanMaxRetryAfterIsNotHonouredByTheGateEither() {
        server.enqueue(Fixtures.status(429).addHeader("retry-after", "120").build());
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = client(server).retryPolicy(RetryPolicy.none()).build()) {
            StepVerifier.create(refusedThen(sessions, sessions.createWithResponse(request())))
                    .assertNext(response -> assertThat(response.attempts()).isEqualTo(1))
                    .expectComplete()
                    .verify(Fixtures.WAIT);
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void turnedOffEveryCallIsSent() {
        server.enqueue(Fixtures.status(429).addHeader("retry-after", "30").build());
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = client(server).retryPolicy(RetryPolicy.none()).rateGate(false).build()) {
            StepVerifier.create(refusedThen(sessions, sessions.createWithResponse(request())))
                    .assertNext(response -> assertThat(response.attempts()).isEqualTo(1))
                    .expectComplete()
                    .verify(Fixtures.WAIT);
            assertThat(sessions.toString()).contains("rateGate=false");
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void theClientDescriptionNamesTheGateButNotTheKey() {
        try (RealtimeSessions sessions = client(server).build()) {
            assertThat(sessions.toString()).contains("rateGate=true").doesNotContain(Fixtures.API_KEY);
        }
    }

    /** A first call that the server refuses with 429, then {@code next}. */
    private static <T> Mono<T> refusedThen(RealtimeSessions sessions, Mono<T> next) {
        return sessions.create(request())
                .onErrorResume(RateLimitException.class, e -> Mono.empty())
                .then(next);
    }
}
