package dev.realtimesessions;

import static dev.realtimesessions.testing.Fixtures.client;
import static dev.realtimesessions.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testing.RecordedWaits;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

/**
 * The retry policy's rules, seen through the public API: which answers are retried, how many
 * times, and how long each wait is, as {@link CallListener#retryScheduled} reports it (and, in
 * virtual time, that the next attempt waits that long). Transport faults (resets, stalls, bodies
 * cut short or too large) are {@link HostileServerTest}'s.
 */
@SuppressWarnings("deprecation") // also calls the beta endpoints, which stay supported and tested
class RetryTest {

    private static final RetryPolicy NO_JITTER = RetryPolicy.defaults().withJitter(0);

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

    private RealtimeSessions.Builder recorded() {
        return client(server).callListener(waits);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504})
    void retryableStatusesAreRetriedUntilSuccess(int status) {
        server.enqueue(Fixtures.status(status).build());
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = recorded().retryPolicy(fast()).build()) {
            StepVerifier.create(sessions.createWithResponse(request()))
                    .assertNext(response -> {
                        assertThat(response.attempts()).isEqualTo(2);
                        assertThat(response.value().clientSecret().value()).isEqualTo(Fixtures.SECRET);
                    })
                    .verifyComplete();
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(waits.retries()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 418, 422})
    void otherClientErrorsAreNotRetried(int status) {
        server.enqueue(Fixtures.status(status).build());
        try (RealtimeSessions sessions = recorded().retryPolicy(fast()).build()) {
            StepVerifier.create(sessions.create(request()))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(ApiException.class);
                        assertThat(error.getSuppressed()).isEmpty();
                    })
                    .verify(Duration.ofSeconds(10));
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(waits.retries()).isEmpty();
    }

    @Test
    void retriesStopAfterMaxRetriesWithEarlierFailuresSuppressed() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(Fixtures.status(500 + i).build());
        }
        try (RealtimeSessions sessions = recorded().retryPolicy(fast().withMaxRetries(2)).build()) {
            StepVerifier.create(sessions.create(request()))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(InternalServerException.class);
                        assertThat(((ApiException) error).status()).isEqualTo(502);
                        assertThat(error.getSuppressed()).hasSize(2);
                        assertThat(((ApiException) error.getSuppressed()[0]).status()).isEqualTo(500);
                        assertThat(((ApiException) error.getSuppressed()[1]).status()).isEqualTo(501);
                    })
                    .verify(Duration.ofSeconds(10));
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(waits.retries()).hasSize(2);
    }

    @Test
    void xShouldRetryTrueRetriesAStatusThatWouldNotBe() {
        server.enqueue(Fixtures.status(400).addHeader("x-should-retry", "true").build());
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = recorded().retryPolicy(fast()).build()) {
            StepVerifier.create(sessions.createWithResponse(request()))
                    .assertNext(response -> assertThat(response.attempts()).isEqualTo(2))
                    .verifyComplete();
        }
    }

    @Test
    void xShouldRetryFalseStopsARetryableStatus() {
        server.enqueue(Fixtures.status(503).addHeader("x-should-retry", "false").build());
        try (RealtimeSessions sessions = recorded().retryPolicy(fast()).build()) {
            StepVerifier.create(sessions.create(request()))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(InternalServerException.class);
                        assertThat(error.getSuppressed()).isEmpty();
                    })
                    .verify(Duration.ofSeconds(10));
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void backoffDoublesFromHalfASecondInVirtualTime() {
        server.enqueue(Fixtures.status(500).build());
        server.enqueue(Fixtures.status(500).build());
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = recorded().retryPolicy(NO_JITTER).build()) {
            StepVerifier.withVirtualTime(() -> sessions.createWithResponse(request()))
                    .expectSubscription()
                    .then(() -> assertThat(waits.nextRetry()).isEqualTo(Duration.ofMillis(500)))
                    .thenAwait(Duration.ofMillis(499))
                    .then(() -> assertThat(server.getRequestCount()).as("still waiting").isEqualTo(1))
                    .thenAwait(Duration.ofMillis(1))
                    .then(() -> assertThat(waits.nextRetry()).isEqualTo(Duration.ofSeconds(1)))
                    .thenAwait(Duration.ofMillis(999))
                    .then(() -> assertThat(server.getRequestCount()).as("still waiting").isEqualTo(2))
                    .thenAwait(Duration.ofMillis(1))
                    .assertNext(response -> assertThat(response.attempts()).isEqualTo(3))
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));
        }
    }

    @Test
    void backoffIsCappedAtMaxBackoff() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(Fixtures.status(500).build());
        }
        server.enqueue(Fixtures.ok());
        RetryPolicy policy = NO_JITTER.withMaxRetries(5).withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(3));
        try (RealtimeSessions sessions = recorded().retryPolicy(policy).timeout(Duration.ofMinutes(1)).build()) {
            var verifier = StepVerifier.withVirtualTime(() -> sessions.createWithResponse(request())).expectSubscription();
            for (long seconds : new long[] {1, 2, 3, 3, 3}) {
                Duration expected = Duration.ofSeconds(seconds);
                verifier = verifier.then(() -> assertThat(waits.nextRetry()).isEqualTo(expected)).thenAwait(expected);
            }
            verifier.assertNext(response -> assertThat(response.attempts()).isEqualTo(6))
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));
        }
    }

    @Test
    void jitterShortensTheBackoffByUpToAQuarter() {
        try (RealtimeSessions sessions = recorded().build()) {
            for (int call = 0; call < 8; call++) {
                server.enqueue(Fixtures.status(500).build());
                server.enqueue(Fixtures.ok());
                StepVerifier.withVirtualTime(() -> sessions.create(request()))
                        .expectSubscription()
                        .then(waits::nextRetry)
                        .thenAwait(Duration.ofMillis(500))
                        .expectNextCount(1)
                        .expectComplete()
                        .verify(Duration.ofSeconds(30));
            }
        }
        assertThat(waits.retries()).hasSize(8)
                .allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofMillis(375), Duration.ofMillis(500)));
        assertThat(waits.retries().stream().distinct().count()).as("jitter varies the wait").isGreaterThan(1);
    }

    @Test
    void retryAfterMsIsWaitedAsAsked() {
        assertServerDelayIsWaited(new MockResponse.Builder(Fixtures.status(429).build())
                .addHeader("retry-after-ms", "2500").build(), Duration.ofMillis(2500));
    }

    @Test
    void retryAfterSecondsIsWaitedAsAsked() {
        assertServerDelayIsWaited(new MockResponse.Builder(Fixtures.status(503).build())
                .addHeader("retry-after", "3").build(), Duration.ofSeconds(3));
    }

    @Test
    void retryAfterAsAnHttpDateIsWaitedUntilThen() {
        String inTwentySeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(20));
        server.enqueue(new MockResponse.Builder(Fixtures.status(429).build()).addHeader("retry-after", inTwentySeconds)
                .build());
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = recorded().build()) {
            StepVerifier.withVirtualTime(() -> sessions.create(request()))
                    .expectSubscription()
                    .then(() -> assertThat(waits.nextRetry()).as("an HTTP date 20 s ahead, read a moment later")
                            .isBetween(Duration.ofSeconds(17), Duration.ofSeconds(20)))
                    .thenAwait(Duration.ofSeconds(20))
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));
        }
    }

    @Test
    void aRetryAfterBeyondMaxRetryAfterFallsBackToBackoff() {
        server.enqueue(new MockResponse.Builder(Fixtures.status(429).build()).addHeader("retry-after", "120").build());
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = recorded().retryPolicy(NO_JITTER).timeout(Duration.ofMinutes(5)).build()) {
            StepVerifier.withVirtualTime(() -> sessions.create(request()))
                    .expectSubscription()
                    .then(() -> assertThat(waits.nextRetry()).isEqualTo(Duration.ofMillis(500)))
                    .thenAwait(Duration.ofMillis(500))
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));
        }
    }

    @Test
    void aRateLimitWaitBeyondTheDeadlineFailsAtOnceWithRetryAfter() {
        server.enqueue(new MockResponse.Builder(Fixtures.error(429, "requests", "rate_limit_exceeded", null,
                "Rate limit reached.")).addHeader("retry-after", "30").build());
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = recorded().timeout(Duration.ofSeconds(5)).build()) {
            StepVerifier.withVirtualTime(() -> sessions.create(request()))
                    .expectSubscription()
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(RateLimitException.class);
                        assertThat(((RateLimitException) error).retryAfter()).contains(Duration.ofSeconds(30));
                    })
                    .verify(Duration.ofSeconds(10));
        }
        assertThat(server.getRequestCount()).as("no second attempt").isEqualTo(1);
        assertThat(waits.retries()).as("no retry scheduled").isEmpty();
    }

    private void assertServerDelayIsWaited(MockResponse first, Duration expected) {
        server.enqueue(first);
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = recorded().build()) {
            StepVerifier.withVirtualTime(() -> sessions.create(request()))
                    .expectSubscription()
                    .then(() -> assertThat(waits.nextRetry()).isEqualTo(expected))
                    .thenAwait(expected.minusMillis(1))
                    .then(() -> assertThat(server.getRequestCount()).as("still waiting").isEqualTo(1))
                    .thenAwait(Duration.ofMillis(1))
                    .assertNext(session -> assertThat(session).isInstanceOf(RealtimeSession.class))
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    /** A fast policy for tests that only count attempts. */
    private static RetryPolicy fast() {
        return RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
    }
}
