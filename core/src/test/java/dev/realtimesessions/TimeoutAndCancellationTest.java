package dev.realtimesessions;

import static dev.realtimesessions.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testsupport.StallingServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

@SuppressWarnings("deprecation") // also calls the beta endpoints, which stay supported and tested
class TimeoutAndCancellationTest {

    private StallingServer server;

    @BeforeEach
    void start() throws Exception {
        server = new StallingServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private RealtimeSessions.Builder client() {
        return RealtimeSessions.builder().apiKey(Fixtures.API_KEY).baseUrl(server.baseUrl());
    }

    @Test
    void aServerThatNeverAnswersTimesOutAfterTheAttemptTimeout() {
        try (RealtimeSessions sessions = client().attemptTimeout(Duration.ofMillis(300))
                .retryPolicy(RetryPolicy.none()).build()) {
            StepVerifier.create(sessions.create(request()))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ApiTimeoutException.class)
                            .hasMessageContaining("attempt timeout of PT0.3S"))
                    .verify(Duration.ofSeconds(10));
        }
        assertThat(server.requests()).as("one attempt at most; a cold JVM may time out before sending").isLessThanOrEqualTo(1);
    }

    @Test
    void timedOutAttemptsAreRetriedWithEarlierOnesSuppressed() {
        RetryPolicy policy = RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(1));
        try (RealtimeSessions sessions = client().attemptTimeout(Duration.ofMillis(200)).retryPolicy(policy).build()) {
            StepVerifier.create(sessions.create(request()))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(ApiTimeoutException.class);
                        assertThat(error.getSuppressed()).hasSize(2).allMatch(e -> e instanceof ApiTimeoutException);
                    })
                    .verify(Duration.ofSeconds(10));
        }
        assertThat(server.requests()).as("three attempts at most").isLessThanOrEqualTo(3);
    }

    @Test
    void theOverallDeadlineBoundsAllAttempts() {
        RetryPolicy patient = RetryPolicy.defaults().withMaxRetries(100)
                .withBackoff(Duration.ofMillis(1), Duration.ofMillis(1));
        try (RealtimeSessions sessions = client().attemptTimeout(Duration.ofMillis(300)).retryPolicy(patient)
                .timeout(Duration.ofSeconds(1)).build()) {
            StepVerifier.create(sessions.create(request()))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(ApiTimeoutException.class);
                        assertThat(error.getMessage()).as("the deadline cut an attempt, or refused a retry past it")
                                .containsAnyOf("overall timeout of PT1S", "attempt timeout of PT0.3S");
                        assertThat(error.getSuppressed()).isNotEmpty()
                                .allMatch(e -> e instanceof ApiTimeoutException);
                    })
                    .verify(Duration.ofSeconds(10));
        }
        assertThat(server.requests()).as("a 1 s deadline leaves room for a few 300 ms attempts, not 101")
                .isBetween(1, 5);
    }

    @Test
    void perRequestTimeoutsOverrideTheClients() {
        RequestOptions options = RequestOptions.builder().attemptTimeout(Duration.ofMillis(200))
                .retryPolicy(RetryPolicy.none()).build();
        try (RealtimeSessions sessions = client().build()) {
            StepVerifier.create(sessions.create(request(), options))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ApiTimeoutException.class)
                            .hasMessageContaining("PT0.2S"))
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void cancellingTheSubscriptionClosesTheConnection() throws Exception {
        try (RealtimeSessions sessions = client().build()) {
            Disposable call = sessions.create(request()).subscribe();
            assertThat(server.awaitFirstRequest(10)).as("the request reached the server").isTrue();
            call.dispose();
            assertThat(server.awaitClientClose(10)).as("the server saw the connection drop").isTrue();
        }
    }

    @Test
    void nothingIsSentUntilSubscribed() throws Exception {
        try (RealtimeSessions sessions = client().build()) {
            sessions.create(request());
            sessions.createWithResponse(request());
            Thread.sleep(200);
        }
        assertThat(server.requests()).isZero();
    }

    @Test
    void aClosedClientFailsCallsWithAClearError() {
        RealtimeSessions sessions = client().build();
        sessions.close();
        StepVerifier.create(sessions.create(request()))
                .expectErrorSatisfies(error -> assertThat(error).isExactlyInstanceOf(RealtimeSessionsException.class)
                        .hasMessageContaining("closed"))
                .verify(Duration.ofSeconds(5));
        assertThat(sessions.toString()).contains("closed");
    }

    @Test
    void aConnectionRefusedIsAnApiConnectionException() throws Exception {
        String url = server.baseUrl();
        server.close();
        // A connect that is neither refused nor answered (a SYN the host drops) would otherwise wait for the
        // default connect timeout, past this test's bound: it fails as a connect timeout instead, and says so.
        try (RealtimeSessions sessions = RealtimeSessions.builder().apiKey(Fixtures.API_KEY).baseUrl(url)
                .connectTimeout(Duration.ofSeconds(2))
                .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(1))).build()) {
            StepVerifier.create(sessions.create(request()))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(ApiConnectionException.class).hasMessageContaining("attempt 3");
                        assertThat(error.getCause()).isNotNull();
                        assertThat(error.getSuppressed()).hasSize(2);
                    })
                    .verify(Duration.ofSeconds(10));
        }
    }
}
