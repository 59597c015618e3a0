package dev.realtimesessions;

import static dev.realtimesessions.testing.Fixtures.client;
import static dev.realtimesessions.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testsupport.LogCapture;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

@SuppressWarnings("deprecation") // also calls the beta endpoints, which stay supported and tested
class RetryTest {

    private static final Pattern RETRY_LOG = Pattern.compile("retry (\\d+) of \\d+ in (\\d+) ms");
    private static final RetryPolicy NO_JITTER = RetryPolicy.defaults().withJitter(0);

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504})
    void retryableStatusesAreRetriedUntilSuccess(int status) {
        server.enqueue(Fixtures.status(status).build());
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = client(server).retryPolicy(fast()).build()) {
            StepVerifier.create(sessions.createWithResponse(request()))
                    .assertNext(response -> {
                        assertThat(response.attempts()).isEqualTo(2);
                        assertThat(response.value().clientSecret().value()).isEqualTo(Fixtures.SECRET);
                    })
                    .verifyComplete();
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 422})
    void otherClientErrorsAreNotRetried(int status) {
        server.enqueue(Fixtures.status(status).build());
        try (RealtimeSessions sessions = client(server).retryPolicy(fast()).build()) {
            StepVerifier.create(sessions.create(request()))
                    .expectError(ApiException.class)
                    .verify(Duration.ofSeconds(10));
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesStopAfterMaxRetriesWithEarlierFailuresSuppressed() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(Fixtures.status(500 + i).build());
        }
        try (RealtimeSessions sessions = client(server).retryPolicy(fast().withMaxRetries(2)).build()) {
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
    }

    @Test
    void xShouldRetryTrueRetriesAStatusThatWouldNotBe() {
        server.enqueue(Fixtures.status(400).addHeader("x-should-retry", "true").build());
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = client(server).retryPolicy(fast()).build()) {
            StepVerifier.create(sessions.createWithResponse(request()))
                    .assertNext(response -> assertThat(response.attempts()).isEqualTo(2))
                    .verifyComplete();
        }
    }

    @Test
    void xShouldRetryFalseStopsARetryableStatus() {
        server.enqueue(Fixtures.status(503).addHeader("x-should-retry", "false").build());
        try (RealtimeSessions sessions = client(server).retryPolicy(fast()).build()) {
            StepVerifier.create(sessions.create(request()))
                    .expectError(InternalServerException.class)
                    .verify(Duration.ofSeconds(10));
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aConnectionResetIsRetried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = client(server).retryPolicy(fast()).build()) {
            StepVerifier.create(sessions.createWithResponse(request()))
                    .assertNext(response -> assertThat(response.attempts()).isEqualTo(2))
                    .verifyComplete();
        }
    }

    @Test
    void aConnectionResetOnEveryAttemptEndsInApiConnectionException() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        }
        try (RealtimeSessions sessions = client(server).retryPolicy(fast()).build()) {
            StepVerifier.create(sessions.create(request()))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(ApiConnectionException.class);
                        assertThat(error.getSuppressed()).hasSize(2).allMatch(e -> e instanceof ApiConnectionException);
                    })
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void anUndecodableSuccessIsNotRetried() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"id\": ").build());
        try (RealtimeSessions sessions = client(server).retryPolicy(fast()).build()) {
            StepVerifier.create(sessions.create(request()))
                    .expectError(ResponseDecodingException.class)
                    .verify(Duration.ofSeconds(10));
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void backoffDoublesFromHalfASecondInVirtualTime() throws Exception {
        server.enqueue(Fixtures.status(500).build());
        server.enqueue(Fixtures.status(500).build());
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = client(server).retryPolicy(NO_JITTER).build();
                LogCapture log = LogCapture.debug("dev.realtimesessions")) {
            StepVerifier.withVirtualTime(() -> sessions.createWithResponse(request()))
                    .expectSubscription()
                    .then(() -> awaitRetryLog(log, 1, 500))
                    .thenAwait(Duration.ofMillis(499))
                    .then(() -> assertThat(server.getRequestCount()).isEqualTo(1))
                    .thenAwait(Duration.ofMillis(1))
                    .then(() -> awaitRetryLog(log, 2, 1000))
                    .thenAwait(Duration.ofMillis(999))
                    .then(() -> assertThat(server.getRequestCount()).isEqualTo(2))
                    .thenAwait(Duration.ofMillis(1))
                    .assertNext(response -> assertThat(response.attempts()).isEqualTo(3))
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));
        }
    }

    @Test
    void backoffIsCappedAtMaxBackoff() throws Exception {
        for (int i = 0; i < 5; i++) {
            server.enqueue(Fixtures.status(500).build());
        }
        server.enqueue(Fixtures.ok());
        RetryPolicy policy = NO_JITTER.withMaxRetries(5).withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(3));
        try (RealtimeSessions sessions = client(server).retryPolicy(policy).timeout(Duration.ofMinutes(1)).build();
                LogCapture log = LogCapture.debug("dev.realtimesessions")) {
            StepVerifier.withVirtualTime(() -> sessions.createWithResponse(request()))
                    .expectSubscription()
                    .then(() -> awaitRetryLog(log, 1, 1000)).thenAwait(Duration.ofSeconds(1))
                    .then(() -> awaitRetryLog(log, 2, 2000)).thenAwait(Duration.ofSeconds(2))
                    .then(() -> awaitRetryLog(log, 3, 3000)).thenAwait(Duration.ofSeconds(3))
                    .then(() -> awaitRetryLog(log, 4, 3000)).thenAwait(Duration.ofSeconds(3))
                    .then(() -> awaitRetryLog(log, 5, 3000)).thenAwait(Duration.ofSeconds(3))
                    .assertNext(response -> assertThat(response.attempts()).isEqualTo(6))
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));
        }
    }

    @Test
    void jitterShortensTheBackoffByUpToAQuarter() throws Exception {
        List<Long> delays = new ArrayList<>();
        try (RealtimeSessions sessions = client(server).build();
                LogCapture log = LogCapture.debug("dev.realtimesessions")) {
            for (int call = 0; call < 8; call++) {
                server.enqueue(Fixtures.status(500).build());
                server.enqueue(Fixtures.ok());
                int seen = log.messages().size();
                StepVerifier.withVirtualTime(() -> sessions.create(request()))
                        .expectSubscription()
                        .then(() -> delays.add(awaitNextRetryDelay(log, seen)))
                        .thenAwait(Duration.ofMillis(500))
                        .expectNextCount(1)
                        .expectComplete()
                        .verify(Duration.ofSeconds(30));
            }
        }
        assertThat(delays).allSatisfy(delay -> assertThat(delay).isBetween(375L, 500L));
        assertThat(delays.stream().distinct().count()).as("jitter varies the delay").isGreaterThan(1);
    }

    @Test
    void retryAfterMsIsHonoured() throws Exception {
        assertServerDelayIsWaited(new MockResponse.Builder(Fixtures.status(429).build())
                .addHeader("retry-after-ms", "2500").build(), 2500);
    }

    @Test
    void retryAfterSecondsIsHonoured() throws Exception {
        assertServerDelayIsWaited(new MockResponse.Builder(Fixtures.status(503).build())
                .addHeader("retry-after", "3").build(), 3000);
    }

    @Test
    void retryAfterHttpDateIsHonoured() throws Exception {
        String inTwentySeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(20));
        server.enqueue(new MockResponse.Builder(Fixtures.status(429).build()).addHeader("retry-after", inTwentySeconds)
                .build());
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = client(server).build();
                LogCapture log = LogCapture.debug("dev.realtimesessions")) {
            StepVerifier.withVirtualTime(() -> sessions.create(request()))
                    .expectSubscription()
                    .then(() -> {
                        long delay = awaitNextRetryDelay(log, 0);
                        assertThat(delay).as("an HTTP date 20 s ahead, read a moment later").isBetween(17_000L, 20_000L);
                    })
                    .thenAwait(Duration.ofSeconds(20))
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));
        }
    }

    @Test
    void aRetryAfterBeyondMaxRetryAfterFallsBackToBackoff() throws Exception {
        server.enqueue(new MockResponse.Builder(Fixtures.status(429).build()).addHeader("retry-after", "120").build());
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = client(server).retryPolicy(NO_JITTER).timeout(Duration.ofMinutes(5)).build();
                LogCapture log = LogCapture.debug("dev.realtimesessions")) {
            StepVerifier.withVirtualTime(() -> sessions.create(request()))
                    .expectSubscription()
                    .then(() -> awaitRetryLog(log, 1, 500))
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
        try (RealtimeSessions sessions = client(server).timeout(Duration.ofSeconds(5)).build()) {
            StepVerifier.withVirtualTime(() -> sessions.create(request()))
                    .expectSubscription()
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(RateLimitException.class);
                        assertThat(((RateLimitException) error).retryAfter()).contains(Duration.ofSeconds(30));
                    })
                    .verify(Duration.ofSeconds(10));
        }
        assertThat(server.getRequestCount()).as("no second attempt").isEqualTo(1);
    }

    private void assertServerDelayIsWaited(MockResponse first, long expectedMillis) throws Exception {
        server.enqueue(first);
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = client(server).build();
                LogCapture log = LogCapture.debug("dev.realtimesessions")) {
            StepVerifier.withVirtualTime(() -> sessions.create(request()))
                    .expectSubscription()
                    .then(() -> awaitRetryLog(log, 1, expectedMillis))
                    .thenAwait(Duration.ofMillis(expectedMillis - 1))
                    .then(() -> assertThat(server.getRequestCount()).isEqualTo(1))
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

    private static void awaitRetryLog(LogCapture log, int retry, long delayMillis) {
        try {
            log.await(message -> message.contains("retry " + retry + " of ") && message.endsWith(" in " + delayMillis + " ms"),
                    Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static long awaitNextRetryDelay(LogCapture log, int seenBefore) {
        try {
            String line = log.await(seenBefore, message -> RETRY_LOG.matcher(message).find(), Duration.ofSeconds(10));
            Matcher matcher = RETRY_LOG.matcher(line);
            assertThat(matcher.find()).isTrue();
            return Long.parseLong(matcher.group(2));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
