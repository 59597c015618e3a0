package dev.realtimesessions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A credential's line in virtual time: who goes when, in what order, at what rate, and who is
 * told at once that its turn comes too late.
 */
class RateLaneTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long FAR = TimeUnit.HOURS.toNanos(1);

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final RateGate gate = new RateGate(Duration.ofSeconds(60));
    private final RateGate.Credential key = gate.credential("openai", "sk-lane", null);
    private final List<String> events = new ArrayList<>();

    @AfterEach
    void stop() {
        time.dispose();
    }

    @Test
    void callsGoInTheOrderTheyCameOnePerIntervalOnceTheBurstIsSpent() {
        RateLane lane = pacedLane(answer(10, 0, 100 * MS));
        for (int i = 0; i < 5; i++) {
            join(lane, "c" + i, FAR);
        }
        assertThat(events).as("an empty bucket: the first goes when it holds the cushion and one more").isEmpty();
        advance(20);
        assertThat(events).containsExactly("c0 goes at 20");
        advance(40);
        assertThat(events).containsExactly("c0 goes at 20", "c1 goes at 30", "c2 goes at 40", "c3 goes at 50",
                "c4 goes at 60");
    }

    @Test
    void aBucketWithRoomLetsItsBurstGoAtOnce() {
        RateLane lane = pacedLane(answer(10, 9, 10 * MS));
        for (int i = 0; i < 10; i++) {
            join(lane, "c" + i, FAR);
        }
        assertThat(events).as("nine remaining, less the cushion of one").hasSize(8).allMatch(event -> event.endsWith("at 0"));
        advance(9);
        assertThat(events).hasSize(8);
        advance(1);
        assertThat(events).hasSize(9).last().isEqualTo("c8 goes at 10");
    }

    @Test
    void aCallWhoseTurnComesAfterItsDeadlineIsToldWhenItReachesTheHead() {
        RateLane lane = pacedLane(answer(10, 0, 100 * MS));
        join(lane, "early", FAR);
        join(lane, "hurried", 25 * MS);
        join(lane, "patient", FAR);
        advance(20);
        assertThat(events).containsExactly("early goes at 20", "hurried too late by 10 at 20");
        advance(10);
        assertThat(events).last().as("the late call's turn went to the next").isEqualTo("patient goes at 30");
    }

    @Test
    void aSlowerRateFailsAtOnceEveryWaitingCallItPushesPastItsDeadline() {
        RateLane lane = pacedLane(answer(10, 0, 100 * MS));
        join(lane, "first", FAR);
        join(lane, "second", 45 * MS);
        join(lane, "third", 200 * MS);
        lane.learn(answer(10, 0, 200 * MS), -1, TimeUnit.SECONDS.toNanos(60), time);
        assertThat(events).as("twenty milliseconds apart, the second's turn now comes at 60").containsExactly(
                "second too late by 60 at 0");
        advance(200);
        assertThat(events).containsExactly("second too late by 60 at 0", "first goes at 40", "third goes at 60");
    }

    @Test
    void aFasterRateTakesEffectForTheCallsAlreadyWaiting() {
        RateLane lane = pacedLane(answer(10, 0, 200 * MS));
        for (int i = 0; i < 4; i++) {
            join(lane, "c" + i, FAR);
        }
        advance(40);
        assertThat(events).containsExactly("c0 goes at 40");
        // c0's answer: no longer in flight, and the server's rate is now twice as fast.
        lane.learn(answer(10, 0, 100 * MS), 0, TimeUnit.SECONDS.toNanos(60), time);
        advance(40);
        assertThat(events).as("ten milliseconds apart now, not twenty").containsExactly("c0 goes at 40",
                "c1 goes at 60", "c2 goes at 70", "c3 goes at 80");
    }

    @Test
    void everyRequestInFlightKeepsOneIntervalOfRoomUntilItIsAnsweredOrEnds() {
        RateLane lane = pacedLane(answer(10, 0, 100 * MS));
        join(lane, "a", FAR);
        join(lane, "b", FAR);
        advance(20);
        assertThat(events).containsExactly("a goes at 20");
        assertThat(lane.inFlight()).isOne();
        lane.ended(time);
        assertThat(events).as("a failed unanswered: its room is free again").containsExactly("a goes at 20",
                "b goes at 20");
    }

    @Test
    void requestsTheWindowLetGoBeforeTheLaneOpenedKeepRoomUntilTheyEnd() {
        for (int i = 0; i < 3; i++) {
            gate.tryAdmit();
        }
        RateLane lane = pacedLane(answer(10, 0, 100 * MS));
        assertThat(lane.inFlight()).isEqualTo(3);
        assertThat(lane.expectedWait(0)).isEqualTo(50 * MS);
        join(lane, "a", FAR);
        advance(50);
        assertThat(events).containsExactly("a goes at 50");
        gate.ended(0);
        gate.ended(0);
        assertThat(lane.inFlight()).as("a, and the last of the three").isEqualTo(2);
    }

    @Test
    void aCancelledCallLeavesTheLineWithoutTakingATurn() {
        RateLane lane = pacedLane(answer(10, 0, 100 * MS));
        join(lane, "a", FAR);
        RateLane.Turn cancelled = join(lane, "b", FAR);
        join(lane, "c", FAR);
        cancelled.cancel();
        assertThat(lane.waiting()).isEqualTo(2);
        advance(30);
        assertThat(events).containsExactly("a goes at 20", "c goes at 30");
    }

    @Test
    void whileNothingIsKnownOneCallGoesAndTheOthersWaitForItsAnswer() {
        RateLane lane = gate.openLane(key);
        join(lane, "probe", FAR);
        join(lane, "b", FAR);
        join(lane, "c", FAR);
        assertThat(events).containsExactly("probe goes at 0");
        assertThat(lane.expectedWait(0)).isEqualTo(RateLane.UNKNOWN_WAIT);
        advance(50);
        assertThat(events).hasSize(1);
        lane.learn(answer(10, 9, 10 * MS), 50 * MS, TimeUnit.SECONDS.toNanos(60), time);
        assertThat(events).containsExactly("probe goes at 0", "b goes at 50", "c goes at 50");
        assertThat(lane.latency()).as("the probe's answer took 50 ms").isPositive();
    }

    @Test
    void callsThatWaitedForTheFirstAnswerAreToldAtOnceWhenTheirTurnsComeTooLate() {
        RateLane lane = gate.openLane(key);
        join(lane, "probe", FAR);
        for (int i = 0; i < 4; i++) {
            join(lane, "c" + i, 45 * MS);
        }
        lane.learn(answer(10, 0, 100 * MS), 0, TimeUnit.SECONDS.toNanos(60), time);
        assertThat(events).containsExactly("probe goes at 0", "c3 too late by 50 at 0");
        advance(40);
        assertThat(events).containsExactly("probe goes at 0", "c3 too late by 50 at 0", "c0 goes at 20",
                "c1 goes at 30", "c2 goes at 40");
    }

    @Test
    void withNoAnswerWithinPatienceEveryoneGoes() {
        RateLane lane = gate.openLane(key);
        join(lane, "probe", FAR);
        join(lane, "b", FAR);
        advance(999);
        assertThat(events).containsExactly("probe goes at 0");
        advance(1);
        assertThat(events).containsExactly("probe goes at 0", "b goes at 1000");
        assertThat(gate.size()).as("the lane gave up and left").isZero();
    }

    @Test
    void anAnswerWithNothingToPaceByLetsEveryoneGoAndTheLaneLeaves() {
        RateLane lane = gate.openLane(key);
        join(lane, "probe", FAR);
        join(lane, "b", FAR);
        lane.learn(new RateSignal(false, -1, -1, -1, -1), -1, TimeUnit.SECONDS.toNanos(60), time);
        assertThat(events).containsExactly("probe goes at 0", "b goes at 0");
        assertThat(gate.size()).isZero();
        join(lane, "straggler", FAR);
        assertThat(events).as("a call that still held the lane goes too").last().isEqualTo("straggler goes at 0");
    }

    @Test
    void aHoldWithoutARateKeepsEveryoneUntilItEndsThenOneGoesToLearn() {
        RateLane lane = gate.openLane(key);
        lane.learn(new RateSignal(true, -1, -1, -1, 2_000 * MS), -1, TimeUnit.SECONDS.toNanos(60), time);
        join(lane, "a", FAR);
        join(lane, "b", FAR);
        assertThat(lane.expectedWait(0)).isEqualTo(2_000 * MS);
        advance(1_999);
        assertThat(events).isEmpty();
        advance(1);
        assertThat(events).containsExactly("a goes at 2000");
    }

    @Test
    void theLaneLeavesOnceItsLineIsEmptyNothingIsInFlightAndTheBucketWouldBeWholeAndTheWindowOpens() {
        for (int i = 0; i < RateGate.FIRST_WINDOW; i++) {
            gate.ended(gate.tryAdmit());
        }
        assertThat(gate.tryAdmit()).as("the first window is spent").isEqualTo(-1);
        RateLane lane = pacedLane(answer(10, 5, 50 * MS));
        join(lane, "a", FAR);
        assertThat(events).containsExactly("a goes at 0");
        advance(100);
        assertThat(gate.size()).as("a's request is still in flight").isOne();
        lane.ended(time);
        assertThat(gate.size()).isZero();
        for (int i = 0; i < 9; i++) {
            assertThat(gate.tryAdmit()).as("a whole burst, the cushion kept").isNotNegative();
        }
        assertThat(gate.tryAdmit()).isEqualTo(-1);
    }

    @Test
    void theExpectedWaitCountsTheCallsAheadAtTheInterval() {
        RateLane lane = pacedLane(answer(10, 0, 100 * MS));
        assertThat(lane.expectedWait(0)).isEqualTo(20 * MS);
        join(lane, "a", FAR);
        join(lane, "b", FAR);
        assertThat(lane.expectedWait(0)).isEqualTo(40 * MS);
    }

    private RateLane pacedLane(RateSignal signal) {
        RateLane lane = gate.openLane(key);
        lane.learn(signal, -1, TimeUnit.SECONDS.toNanos(60), time);
        assertThat(lane.pace().paced()).isTrue();
        return lane;
    }

    private RateLane.Turn join(RateLane lane, String name, long deadline) {
        return lane.join(new RateLane.Waiter() {
            @Override
            public void go() {
                events.add(name + " goes at " + now());
            }

            @Override
            public void tooLate(long waitNanos) {
                events.add(name + " too late by " + waitNanos / MS + " at " + now());
            }
        }, deadline, time);
    }

    private long now() {
        return time.now(TimeUnit.MILLISECONDS);
    }

    private void advance(long millis) {
        time.advanceTimeBy(Duration.ofMillis(millis));
    }

    private static RateSignal answer(long limit, long remaining, long reset) {
        return new RateSignal(false, limit, remaining, reset, -1);
    }
}
