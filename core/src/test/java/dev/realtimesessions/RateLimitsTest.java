package dev.realtimesessions;

import static dev.realtimesessions.testing.Fixtures.client;
import static dev.realtimesessions.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.testing.Fixtures;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code x-ratelimit-*} headers as {@link RateLimits} on answers and on {@link RateLimitException}. */
@SuppressWarnings("deprecation") // also calls the beta endpoints, which stay supported and tested
class RateLimitsTest {

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void allSixHeadersAreParsed() {
        server.enqueue(okWith(new MockResponse.Builder()
                .addHeader("x-ratelimit-limit-requests", "5000")
                .addHeader("x-ratelimit-remaining-requests", "4999")
                .addHeader("x-ratelimit-reset-requests", "12ms")
                .addHeader("x-ratelimit-limit-tokens", "800000")
                .addHeader("x-ratelimit-remaining-tokens", "799000")
                .addHeader("x-ratelimit-reset-tokens", "6m0s")));
        RateLimits limits = call();
        assertThat(limits.limitRequests()).isEqualTo(OptionalLong.of(5000));
        assertThat(limits.remainingRequests()).isEqualTo(OptionalLong.of(4999));
        assertThat(limits.resetRequests()).contains(Duration.ofMillis(12));
        assertThat(limits.limitTokens()).isEqualTo(OptionalLong.of(800_000));
        assertThat(limits.remainingTokens()).isEqualTo(OptionalLong.of(799_000));
        assertThat(limits.resetTokens()).contains(Duration.ofMinutes(6));
        assertThat(limits.isEmpty()).isFalse();
        assertThat(limits).isEqualTo(new RateLimits(5000L, 4999L, Duration.ofMillis(12), 800_000L, 799_000L,
                Duration.ofMinutes(6)));
    }

    @Test
    void noHeadersMeansEveryFieldAbsent() {
        server.enqueue(Fixtures.ok());
        RateLimits limits = call();
        assertThat(limits.isEmpty()).isTrue();
        assertThat(limits).isEqualTo(RateLimits.none());
        assertThat(limits.limitRequests()).isEmpty();
        assertThat(limits.resetTokens()).isEmpty();
    }

    @Test
    void absentFieldsStayAbsent() {
        server.enqueue(okWith(new MockResponse.Builder()
                .addHeader("x-ratelimit-remaining-requests", "7")
                .addHeader("x-ratelimit-reset-tokens", "1s")));
        RateLimits limits = call();
        assertThat(limits.remainingRequests()).isEqualTo(OptionalLong.of(7));
        assertThat(limits.resetTokens()).contains(Duration.ofSeconds(1));
        assertThat(limits.limitRequests()).isEmpty();
        assertThat(limits.resetRequests()).isEmpty();
        assertThat(limits.limitTokens()).isEmpty();
        assertThat(limits.remainingTokens()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "1s, 1000000000",
        "6m0s, 360000000000",
        "12ms, 12000000",
        "1h2m3.5s, 3723500000000",
        "0.5s, 500000000",
        "0, 0",
        "0s, 0",
        "20.1ms, 20100000",
        "250us, 250000",
        "7ns, 7",
        "' 1m30s ', 90000000000",
    })
    void resetDurationsInGoSyntaxAreParsed(String header, long nanos) {
        server.enqueue(okWith(new MockResponse.Builder().addHeader("x-ratelimit-reset-requests", header)));
        assertThat(call().resetRequests()).contains(Duration.ofNanos(nanos));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "1", "1x", "s", "-1s", "1.2.3s", "1s2", "m1s", "1e3s", "PT1S",
        "99999999999h", "1 s"})
    void anUnparseableResetIsIgnored(String header) {
        server.enqueue(okWith(new MockResponse.Builder()
                .addHeader("x-ratelimit-reset-requests", header)
                .addHeader("x-ratelimit-remaining-requests", "3")));
        RateLimits limits = call();
        assertThat(limits.resetRequests()).isEmpty();
        assertThat(limits.remainingRequests()).isEqualTo(OptionalLong.of(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "many", "-1", "1.5", "0x10", "99999999999999999999999", "1e3"})
    void anUnparseableCountIsIgnored(String header) {
        server.enqueue(okWith(new MockResponse.Builder()
                .addHeader("x-ratelimit-limit-requests", header)
                .addHeader("x-ratelimit-remaining-tokens", header)
                .addHeader("x-ratelimit-limit-tokens", "10")));
        RateLimits limits = call();
        assertThat(limits.limitRequests()).isEmpty();
        assertThat(limits.remainingTokens()).isEmpty();
        assertThat(limits.limitTokens()).isEqualTo(OptionalLong.of(10));
    }

    @Test
    void aRateLimitExceptionCarriesTheRateLimits() {
        server.enqueue(Fixtures.status(429)
                .addHeader("x-ratelimit-limit-requests", "60")
                .addHeader("x-ratelimit-remaining-requests", "0")
                .addHeader("x-ratelimit-reset-requests", "1s")
                .build());
        try (RealtimeSessions sessions = client(server).retryPolicy(RetryPolicy.none()).build()) {
            Throwable error = Fixtures.failure(sessions.create(request()));
            assertThat(error).isInstanceOf(RateLimitException.class);
            RateLimits limits = ((RateLimitException) error).rateLimits();
            assertThat(limits.limitRequests()).isEqualTo(OptionalLong.of(60));
            assertThat(limits.remainingRequests()).isEqualTo(OptionalLong.of(0));
            assertThat(limits.resetRequests()).contains(Duration.ofSeconds(1));
        }
    }

    @Test
    void aRateLimitExceptionWithoutHeadersHasEmptyRateLimits() {
        server.enqueue(Fixtures.status(429).build());
        try (RealtimeSessions sessions = client(server).retryPolicy(RetryPolicy.none()).build()) {
            Throwable error = Fixtures.failure(sessions.create(request()));
            assertThat(((RateLimitException) error).rateLimits().isEmpty()).isTrue();
            assertThat(((RateLimitException) error).retryAfter()).isEqualTo(Optional.empty());
        }
    }

    @Test
    void aResponseBuiltByHandHasNoRateLimits() {
        ApiResponse<String> response = new ApiResponse<>(200, java.util.Map.of(), null, 1, "v");
        assertThat(response.rateLimits()).isEqualTo(RateLimits.none());
        assertThat(RateLimits.none().toString()).contains("requests=-/-");
    }

    private RateLimits call() {
        try (RealtimeSessions sessions = client(server).build()) {
            ApiResponse<RealtimeSession> response = sessions.createWithResponse(request()).block(Fixtures.WAIT);
            assertThat(response).isNotNull();
            return response.rateLimits();
        }
    }

    private static MockResponse okWith(MockResponse.Builder headers) {
        return headers.code(200).addHeader("content-type", "application/json").body(Fixtures.SESSION_JSON).build();
    }
}
