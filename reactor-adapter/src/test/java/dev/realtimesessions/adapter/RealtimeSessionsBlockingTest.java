package dev.realtimesessions.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimesessions.ApiResponse;
import dev.realtimesessions.ApiTimeoutException;
import dev.realtimesessions.AuthenticationException;
import dev.realtimesessions.RateLimitException;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RealtimeSessionsException;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.ValidationException;
import dev.realtimesessions.adapter.testing.Upstream;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.TranscriptionSession;
import dev.realtimesessions.testsupport.StallingServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class RealtimeSessionsBlockingTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @Test
    void aBlockingCallReturnsTheMintedSecret() {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, LocalRealtimeEndpoint.API_KEY)) {
            assertThat(RealtimeSessionsBlocking.of(sessions, DEADLINE).createClientSecret(Upstream.request()).value())
                    .startsWith("ek_local_");
        }
    }

    @Test
    void aFailedCallThrowsTheTypedErrorUnwrapped() {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, "sk-wrong-key")) {
            assertThatThrownBy(() -> RealtimeSessionsBlocking.of(sessions, DEADLINE)
                    .createClientSecret(Upstream.request(), RequestOptions.none()))
                    .isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void theResponseVariantsCarryTheResponseDetails() {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, LocalRealtimeEndpoint.API_KEY)) {
            ApiResponse<ClientSecretCreateResponse> response = RealtimeSessionsBlocking.of(sessions, DEADLINE)
                    .createClientSecretWithResponse(Upstream.request());
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("req_local_"));
            assertThat(response.value().value()).startsWith("ek_local_");
        }
    }

    @Test
    void theOptionsOfACallApply() {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, "sk-wrong-key")) {
            RealtimeSessionsBlocking blocking = RealtimeSessionsBlocking.of(sessions, DEADLINE);
            assertThat(blocking.createClientSecret(Upstream.request(), Upstream.withLocalKey()).value())
                    .as("minted with the options' key").startsWith("ek_local_");
            assertThat(blocking.createClientSecretWithResponse(Upstream.request(), Upstream.withLocalKey())
                    .value().value()).startsWith("ek_local_");
        }
    }

    @Test
    void adaptRunsACallWithoutAMethodHere() {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, LocalRealtimeEndpoint.API_KEY)) {
            ApiResponse<TranscriptionSession> response = RealtimeSessionsBlocking.of(sessions, DEADLINE)
                    .adapt(Upstream.callWithoutFacadeMethod(sessions));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.value().id()).startsWith("sess_local_");
        }
    }

    @Test
    void anAdaptedCallThrowsTheTypedErrorUnwrapped() {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, "sk-wrong-key")) {
            assertThatThrownBy(() -> RealtimeSessionsBlocking.of(sessions, DEADLINE)
                    .adapt(Upstream.callWithoutFacadeMethod(sessions)))
                    .isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void theDeadlineIsTheOverallTimeoutOfAnAdaptedCallToo() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            MockResponse limited = Upstream.error(429, "requests", "rate_limit_exceeded", "Slow down.");
            server.enqueue(new MockResponse.Builder(limited).addHeader("retry-after", "30").build());
            try (RealtimeSessions sessions = RealtimeSessions.builder().apiKey(Upstream.MOCK_API_KEY)
                    .baseUrl(server.url("/v1").toString()).build()) {
                assertThatThrownBy(() -> RealtimeSessionsBlocking.of(sessions, Duration.ofSeconds(5))
                        .adapt(sessions.createClientSecretWithResponse(Upstream.request())))
                        .as("a retry after 30 s does not fit in the 5 s deadline, so it is not waited for")
                        .isInstanceOfSatisfying(RateLimitException.class,
                                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
            }
            assertThat(server.getRequestCount()).as("no retry planned past the deadline").isEqualTo(1);
        }
    }

    @Test
    void theDeadlineCancelsAnAdaptedCall() throws Exception {
        try (StallingServer server = new StallingServer(); RealtimeSessions sessions = Upstream.client(server)) {
            assertThatThrownBy(() -> RealtimeSessionsBlocking.of(sessions, Duration.ofMillis(500))
                    .adapt(Upstream.callWithoutFacadeMethod(sessions)))
                    .isInstanceOf(ApiTimeoutException.class).hasMessageContaining("PT0.5S");
            assertThat(server.awaitClientClose(10)).as("the client closed the connection").isTrue();
        }
    }

    @Test
    void aRateLimitWaitBeyondTheDeadlineFailsAtOnceWithTheServersRetryAfter() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder(Upstream.error(429, "requests", "rate_limit_exceeded", "Slow down."))
                    .addHeader("retry-after", "30").build());
            try (RealtimeSessions sessions = Upstream.client(server)) {
                assertThatThrownBy(() -> RealtimeSessionsBlocking.of(sessions, Duration.ofSeconds(5))
                        .createClientSecret(Upstream.request()))
                        .isInstanceOfSatisfying(RateLimitException.class,
                                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
            }
            assertThat(server.getRequestCount()).as("no retry planned past the deadline").isEqualTo(1);
        }
    }

    @Test
    void theDeadlineCancelsTheHttpExchangeAndThrowsATimeout() throws Exception {
        try (StallingServer server = new StallingServer(); RealtimeSessions sessions = Upstream.client(server)) {
            assertThatThrownBy(() -> RealtimeSessionsBlocking.of(sessions, Duration.ofMillis(500))
                    .createClientSecret(Upstream.request()))
                    // The deadline is also the call's overall timeout, so either timer may fire first: both name it.
                    .isInstanceOf(ApiTimeoutException.class).hasMessageContaining("PT0.5S");
            assertThat(server.awaitClientClose(10)).as("the client closed the connection").isTrue();
        }
    }

    @Test
    void interruptingTheWaitingThreadCancelsTheExchange() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try (StallingServer server = new StallingServer(); RealtimeSessions sessions = Upstream.client(server)) {
            CompletableFuture<Throwable> thrown = new CompletableFuture<>();
            java.util.concurrent.Future<?> task = worker.submit(() -> {
                try {
                    RealtimeSessionsBlocking.of(sessions, Duration.ofMinutes(1)).createClientSecret(Upstream.request());
                    thrown.complete(null);
                } catch (RuntimeException e) {
                    thrown.complete(new AssertionError(Thread.currentThread().isInterrupted() ? "interrupted" : "flag lost", e));
                }
            });
            assertThat(server.awaitFirstRequest(10)).isTrue();
            task.cancel(true);
            Throwable result = thrown.get(10, TimeUnit.SECONDS);
            assertThat(result).hasMessage("interrupted").cause().isInstanceOf(RealtimeSessionsException.class)
                    .hasMessageContaining("interrupted");
            assertThat(server.awaitClientClose(10)).as("the client closed the connection").isTrue();
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void aBlockingCallOnAnEventLoopFailsClearlyBeforeSending() {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, LocalRealtimeEndpoint.API_KEY)) {
            RealtimeSessionsBlocking blocking = RealtimeSessionsBlocking.of(sessions, DEADLINE);
            StepVerifier.create(sessions.createClientSecret(Upstream.request())
                            .map(first -> blocking.createClientSecret(Upstream.request())))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("non-blocking thread").hasMessageContaining("return the Mono"))
                    .verify();
            StepVerifier.create(Mono.fromCallable(() -> blocking.createClientSecret(Upstream.request()))
                            .subscribeOn(Schedulers.parallel()))
                    .expectError(IllegalStateException.class)
                    .verify();
            StepVerifier.create(Mono.fromCallable(() -> blocking.adapt(Upstream.callWithoutFacadeMethod(sessions)))
                            .subscribeOn(Schedulers.parallel()))
                    .expectError(IllegalStateException.class)
                    .verify();
        }
    }

    @Test
    void badArgumentsAreValidationErrors() {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, LocalRealtimeEndpoint.API_KEY)) {
            assertThatThrownBy(() -> RealtimeSessionsBlocking.of(sessions, Duration.ZERO))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("deadline must be positive");
            assertThatThrownBy(() -> RealtimeSessionsBlocking.of(sessions, null)).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> RealtimeSessionsBlocking.of(sessions, DEADLINE).createClientSecret(null))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> RealtimeSessionsBlocking.of(sessions, DEADLINE).adapt(null))
                    .isInstanceOf(ValidationException.class).hasMessage("call must not be null");
        }
    }
}
