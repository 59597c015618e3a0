package dev.realtimesessions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The arithmetic of one credential's pace: what an answer teaches, and how a request moves it on. */
class RatePaceTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_HOLD = TimeUnit.SECONDS.toNanos(60);

    @Test
    void anAnswerGivesTheIntervalAndWhenTheBucketIsWhole() {
        RatePace pace = RatePace.UNKNOWN.learn(answer(100, 99, 5 * MS), 1_000 * MS, MAX_HOLD);
        assertThat(pace).isNotNull();
        assertThat(pace.paced()).isTrue();
        assertThat(pace.limit()).isEqualTo(100);
        assertThat(pace.interval()).isEqualTo(5 * MS);
        assertThat(pace.tat()).as("now + reset").isEqualTo(1_005 * MS);
    }

    @Test
    void theBurstKeepsACushionOfFivePercentAndAtLeastOneRequest() {
        assertThat(new RatePace(100, MS, 0).burst()).isEqualTo(95);
        assertThat(new RatePace(10, MS, 0).burst()).isEqualTo(9);
        assertThat(new RatePace(2, MS, 0).burst()).isEqualTo(1);
        assertThat(new RatePace(1, MS, 0).burst()).isEqualTo(1);
        assertThat(RatePace.cushion(5_000)).isEqualTo(250);
    }

    @Test
    void theNextRequestGoesWhenTheBucketHasRoomForItAndForEveryRequestInFlight() {
        RatePace pace = new RatePace(10, 10 * MS, 100 * MS);
        assertThat(pace.nextRelease(0)).as("nine in the burst: tat less eight intervals").isEqualTo(20 * MS);
        assertThat(pace.nextRelease(1)).as("one in flight takes one interval's room").isEqualTo(30 * MS);
        assertThat(pace.nextRelease(3)).isEqualTo(50 * MS);
        assertThat(RatePace.UNKNOWN.learn(new RateSignal(true, -1, -1, -1, 2_000 * MS), 0, MAX_HOLD).nextRelease(5))
                .as("a hold is a hold, whatever is in flight").isEqualTo(2_000 * MS);
    }

    @Test
    void anAnswerThatShowsMoreRoomThanTheGateCountedIsNotBelieved() {
        RatePace counted = new RatePace(100, 5 * MS, 500 * MS);
        RatePace later = counted.learn(answer(100, 90, 50 * MS), 0, MAX_HOLD);
        assertThat(later.tat()).as("overtaken by requests on other connections: the gate's count stands").isEqualTo(500 * MS);
        RatePace behind = counted.learn(answer(100, 0, 500 * MS), 100 * MS, MAX_HOLD);
        assertThat(behind.tat()).as("someone else used the key: the server's count wins").isEqualTo(600 * MS);
    }

    @Test
    void aNewRateKeepsTheCountedRequestsCountedAtTheNewRate() {
        RatePace pace = new RatePace(100, 5 * MS, 500 * MS);
        RatePace halved = pace.learn(answer(100, 0, 1_000 * MS), 0, MAX_HOLD);
        assertThat(halved.interval()).isEqualTo(10 * MS);
        assertThat(halved.tat()).isEqualTo(1_000 * MS);
        RatePace restored = halved.learn(answer(100, 0, 500 * MS), 0, MAX_HOLD);
        assertThat(restored.interval()).isEqualTo(5 * MS);
        assertThat(restored.tat()).as("the hundred counted requests refill at the restored rate").isEqualTo(500 * MS);
    }

    @Test
    void aNearlyFullBucketMovesTheLearnedIntervalOnlyALittle() {
        RatePace pace = new RatePace(100, 5 * MS, 0);
        RatePace rounded = pace.learn(answer(100, 99, 2 * MS), 0, MAX_HOLD);
        assertThat(rounded.interval()).as("one request's reset is mostly rounding").isBetween(4 * MS, 5 * MS);
    }

    @Test
    void aRefusalTheBucketExplainsAsksForNothingMoreButOneWithRequestsLeftHoldsForItsRetryAfter() {
        RatePace empty = RatePace.UNKNOWN.learn(refused(100, 0, 500 * MS, 1_000 * MS), 0, MAX_HOLD);
        assertThat(empty.nextRelease(0)).as("the next request as the bucket refills, not a second later")
                .isEqualTo((500 - 94 * 5) * MS);
        RatePace otherLimit = RatePace.UNKNOWN.learn(refused(100, 40, 300 * MS, 2_000 * MS), 0, MAX_HOLD);
        assertThat(otherLimit.nextRelease(0)).isEqualTo(2_000 * MS);
    }

    @Test
    void withoutTheBucketsHeadersA429OrAnExhaustedAllowanceHolds() {
        RatePace held = RatePace.UNKNOWN.learn(new RateSignal(true, -1, -1, -1, 2_000 * MS), 0, MAX_HOLD);
        assertThat(held.paced()).isFalse();
        assertThat(held.nextRelease(0)).isEqualTo(2_000 * MS);
        RatePace reset = RatePace.UNKNOWN.learn(new RateSignal(false, -1, 0, 1_500 * MS, -1), 0, MAX_HOLD);
        assertThat(reset.nextRelease(0)).isEqualTo(1_500 * MS);
        RatePace paced = new RatePace(100, 5 * MS, 0);
        RatePace pacedHeld = paced.learn(new RateSignal(true, -1, -1, -1, 2_000 * MS), 0, MAX_HOLD);
        assertThat(pacedHeld.nextRelease(0)).isEqualTo(2_000 * MS);
        assertThat(pacedHeld.interval()).isEqualTo(5 * MS);
    }

    @Test
    void anAnswerWithNothingToGoByLeavesAPaceAsItIsAndGivesAnUnknownOneNothing() {
        RatePace paced = new RatePace(100, 5 * MS, 0);
        RateSignal nothing = new RateSignal(false, -1, -1, -1, -1);
        assertThat(paced.learn(nothing, 0, MAX_HOLD)).isSameAs(paced);
        assertThat(RatePace.UNKNOWN.learn(nothing, 0, MAX_HOLD)).isNull();
        assertThat(RatePace.UNKNOWN.learn(new RateSignal(false, 100, 100, 0, -1), 0, MAX_HOLD))
                .as("a whole bucket tells no rate").isNull();
    }

    @Test
    void waitsLongerThanTheLongestHonouredAreNotHonoured() {
        assertThat(RatePace.UNKNOWN.learn(new RateSignal(true, -1, -1, -1, 120_000 * MS), 0, MAX_HOLD)).isNull();
        assertThat(RatePace.UNKNOWN.learn(new RateSignal(false, -1, 0, 120_000 * MS, -1), 0, MAX_HOLD)).isNull();
        assertThat(RatePace.UNKNOWN.learn(answer(10, 9, 3_600_000 * MS), 0, MAX_HOLD))
                .as("an hour between requests is garbage").isNull();
    }

    private static RateSignal answer(long limit, long remaining, long reset) {
        return new RateSignal(false, limit, remaining, reset, -1);
    }

    private static RateSignal refused(long limit, long remaining, long reset, long retryAfter) {
        return new RateSignal(true, limit, remaining, reset, retryAfter);
    }
}
