package dev.realtimesessions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one backoff rule, as the call path's retries and the pool's refill pauses use it. */
class BackoffTest {

    private static final RetryPolicy POLICY = RetryPolicy.defaults();

    @Test
    void exponentialDoublesFromTheInitialWaitUpToTheCap() {
        Duration initial = Duration.ofMillis(500);
        Duration max = Duration.ofSeconds(3);
        assertThat(Backoff.exponential(initial, max, 1)).isEqualTo(Duration.ofMillis(500));
        assertThat(Backoff.exponential(initial, max, 2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.exponential(initial, max, 3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Backoff.exponential(initial, max, 4)).isEqualTo(Duration.ofSeconds(3));
        assertThat(Backoff.exponential(initial, max, 1_000)).as("no overflow after many failures")
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void withoutAServerWaitARetryWaitsTheBackoffShortenedByUpToTheJitter() {
        assertThat(Backoff.beforeRetry(POLICY, 1, null, 0)).isEqualTo(Duration.ofMillis(500));
        assertThat(Backoff.beforeRetry(POLICY, 2, null, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.beforeRetry(POLICY, 5, null, 0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(Backoff.beforeRetry(POLICY, 9, null, 0)).as("capped at maxBackoff").isEqualTo(Duration.ofSeconds(8));
        assertThat(Backoff.beforeRetry(POLICY, 1, null, 0.5)).as("half the 25 % jitter").isEqualTo(Duration.ofNanos(437_500_000));
        assertThat(Backoff.beforeRetry(POLICY, 1, null, 0.999_999)).isGreaterThan(Duration.ofMillis(375));
        assertThat(Backoff.beforeRetry(POLICY.withJitter(0), 1, null, 0.999_999)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aServerWaitUpToMaxRetryAfterIsWaitedAsAskedWithoutJitter() {
        assertThat(Backoff.beforeRetry(POLICY, 1, Duration.ofMillis(2_500), 0.9)).isEqualTo(Duration.ofMillis(2_500));
        assertThat(Backoff.beforeRetry(POLICY, 3, Duration.ofSeconds(60), 0.9)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aServerWaitOfZeroOrPastMaxRetryAfterFallsBackToTheBackoff() {
        assertThat(Backoff.beforeRetry(POLICY, 1, Duration.ZERO, 0)).isEqualTo(Duration.ofMillis(500));
        assertThat(Backoff.beforeRetry(POLICY, 2, Duration.ofSeconds(61), 0)).isEqualTo(Duration.ofSeconds(1));
    }
}
