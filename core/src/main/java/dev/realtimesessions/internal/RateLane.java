// Over 300 lines on purpose: the line, the release loop that serves it and the counts it paces by
// change together under one lock-free protocol, documented here; the arithmetic is RatePace's, a
// call's wait LaneEntry's.
package dev.realtimesessions.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * The line of calls waiting for one credential under pressure, let go in the order they came at
 * the pace the server described ({@link RatePace}): a burst while the bucket has room, then one
 * every interval; or, when a hold ends and no rate is known, one to learn it. A call whose turn
 * would come too late for an answer before its deadline (its turn plus the {@link #latency()} of
 * the answers to the calls let go before it) is failed, nothing sent, as soon as that is certain:
 * when it joins ({@link LaneEntry}), when an answer moves the pace while it waits, and when it
 * reaches the head.
 *
 * <p>The lane counts the requests it let go that have not ended: the server has not counted them
 * yet, so each keeps one more request's room. The requests the window let go before the lane
 * opened and that are still in flight count too ({@link RateGate#unpacedInFlight()}: the
 * client's, as any of them may be this credential's; they end within a round trip or so).
 *
 * <p>While nothing is known of the allowance (a lane opened before any answer described it), one
 * call goes to learn it and the others wait for an answer, at most {@link #PATIENCE}; an answer
 * that carries nothing to pace by dissolves the lane and lets everyone go.
 *
 * <p>Lock-free: calls join a concurrent queue, and whoever finds the lane idle runs the release
 * loop (the work-in-progress counter of Reactor's operators makes it run on one thread at a time;
 * a caller that finds it busy leaves the work to it). The pace is changed only by compare-and-set,
 * the counts only atomically. One timer task at a time wakes the loop for the next turn. The lane
 * removes itself from the gate once its line is empty, nothing it let go is in flight and the
 * bucket would be whole again (or its hold is over); a call that still holds the removed lane is
 * let go by the same rules.
 */
final class RateLane {

    /** The longest the line waits for the first answer about an unknown allowance before it lets everyone go. */
    static final long PATIENCE = TimeUnit.SECONDS.toNanos(1);

    /** {@link #expectedWait} while the lane waits for an answer: the wait cannot be known. */
    static final long UNKNOWN_WAIT = -1;

    private static final AtomicIntegerFieldUpdater<RateLane> WIP =
            AtomicIntegerFieldUpdater.newUpdater(RateLane.class, "wip");
    private static final AtomicIntegerFieldUpdater<RateLane> WAITING =
            AtomicIntegerFieldUpdater.newUpdater(RateLane.class, "waiting");
    private static final AtomicIntegerFieldUpdater<RateLane> IN_FLIGHT =
            AtomicIntegerFieldUpdater.newUpdater(RateLane.class, "inFlight");

    /** A call in line, told when to go or that its turn comes too late. Called on whatever thread runs the release loop. */
    interface Waiter {

        /** Its turn has come: send now. */
        void go();

        /** Its turn would come {@code waitNanos} from now, past its deadline: fail without sending. */
        void tooLate(long waitNanos);
    }

    private final RateGate gate;
    private final RateGate.Credential credential;
    private final AtomicReference<RatePace> pace = new AtomicReference<>(RatePace.UNKNOWN);
    /**
     * The pace this lane's own answers described, without other clients' news merged in: what it
     * publishes. Publishing {@link #pace} instead would send a peer's news back to the peer, its
     * requests in flight inside the {@code tat}, to be counted again on top of its own, and so on
     * at every answer: two replicas would push each other's waits ever later.
     */
    private final AtomicReference<RatePace> answered = new AtomicReference<>(RatePace.UNKNOWN);
    private final ConcurrentLinkedQueue<Turn> line = new ConcurrentLinkedQueue<>();
    private volatile int waiting;
    private volatile int wip;
    private volatile boolean dissolved;
    /** How long a request let go takes to be answered, smoothed as TCP smooths its round trip (RFC 6298); 0 until heard. */
    private volatile long smoothedLatency;
    /** How much that varies, smoothed likewise. */
    private volatile long latencyVariation;

    // Touched by the release loop only (one thread at a time, ordered by wip).
    private @Nullable Disposable wake;
    private long wakeAt;
    private @Nullable RatePace probed;
    private long probedAt;
    private @Nullable RatePace walked;

    /** Requests this lane let go that have not ended. */
    private volatile int inFlight;

    RateLane(RateGate gate, RateGate.Credential credential) {
        this.gate = gate;
        this.credential = credential;
    }

    /** The pace as last learned. */
    RatePace pace() {
        return pace.get();
    }

    /** How many calls wait in line. */
    int waiting() {
        return waiting;
    }

    /** How many requests the server may not have counted yet. */
    long inFlight() {
        return inFlight + gate.unpacedInFlight();
    }

    /**
     * How long a request let go by this lane may take to be answered, as TCP bounds a round trip
     * for its retransmission timeout (the smoothed latency plus four times its variation): a call
     * whose turn comes closer than this to its deadline would likely not be answered in time, and
     * is failed without sending.
     */
    long latency() {
        return smoothedLatency + 4 * latencyVariation;
    }

    /**
     * How long a call joining now may expect to wait, in nanoseconds: for a paced lane, until the
     * next release plus one interval for each call ahead; for a hold, until it ends; 0 for a
     * dissolved lane; {@link #UNKNOWN_WAIT} while the lane waits for an answer.
     */
    long expectedWait(long now) {
        return waitFor(now, inFlight());
    }

    /**
     * The least a call joining now will wait: as {@link #expectedWait}, were every request in
     * flight already counted. A call whose deadline comes before this cannot make it.
     */
    long leastWait(long now) {
        return waitFor(now, 0);
    }

    private long waitFor(long now, long counted) {
        if (dissolved) {
            return 0;
        }
        RatePace current = pace.get();
        if (current.paced()) {
            return Math.max(0, current.nextRelease(counted) - now) + waiting * current.interval();
        }
        return current.tat() > now ? current.tat() - now : UNKNOWN_WAIT;
    }

    /**
     * Puts a call at the end of the line and runs the release loop, which may let it go at once
     * (before this returns).
     *
     * @param deadline the call's deadline, in the nanoseconds of {@code timer}'s clock
     * @return its turn, to {@link Turn#cancel()} if the call is cancelled
     */
    Turn join(Waiter waiter, long deadline, Scheduler timer) {
        Turn turn = new Turn(waiter, deadline);
        WAITING.incrementAndGet(this);
        line.offer(turn);
        release(timer);
        return turn;
    }

    /**
     * Takes in what an answer said, then lets go whoever it allows.
     *
     * @param answeredAfter for an answer to a request this lane let go (no longer in flight), how
     *     long it took since; -1 for one the window let go
     */
    void learn(RateSignal signal, long answeredAfter, long maxHold, Scheduler timer) {
        long now = timer.now(TimeUnit.NANOSECONDS);
        for (;;) {
            RatePace current = pace.get();
            RatePace next = current.learn(signal, now, maxHold);
            if (next == null) {
                dissolve();
                break;
            }
            if (next == current || pace.compareAndSet(current, next)) {
                break;
            }
        }
        @Nullable RatePace learned = learnedFromAnswers(signal, now, maxHold);
        // Counted out of flight only now that the pace holds what the server counted (admit reads in that order too).
        if (answeredAfter >= 0) {
            IN_FLIGHT.decrementAndGet(this);
            heard(answeredAfter);
        }
        if (learned != null) {
            // an answered request the window let go counts in flight until its end is counted, just after this
            gate.learned(credential, learned, Math.max(0, inFlight() - (answeredAfter < 0 ? 1 : 0)), timer);
        }
        release(timer);
    }

    /** What this lane's own answers now describe, or null when this answer did not change it. */
    private @Nullable RatePace learnedFromAnswers(RateSignal signal, long now, long maxHold) {
        for (;;) {
            RatePace current = answered.get();
            RatePace next = current.learn(signal, now, maxHold);
            if (next == null || next.equals(current)) {
                return null;
            }
            if (answered.compareAndSet(current, next)) {
                return next;
            }
        }
    }

    /**
     * Merges in a pace another client learned (through a shared rate gate) by
     * {@link RatePace#merge}'s rules, at once, then has the release loop run on {@code timer}
     * rather than on the caller's thread (the shared gate's): a call that joins once this returns
     * finds the pace merged. Never published again.
     */
    void merge(RatePace heard, Scheduler timer) {
        long now = timer.now(TimeUnit.NANOSECONDS);
        for (;;) {
            RatePace current = pace.get();
            RatePace next = current.merge(heard, now);
            if (next == current) {
                return;
            }
            if (pace.compareAndSet(current, next)) {
                break;
            }
        }
        timer.schedule(() -> release(timer));
    }

    /** Smooths in how long an answer took, as TCP smooths its round trip. */
    private void heard(long answeredAfter) {
        // Concurrent answers may lose an update to each other: a smoothed estimate does not mind.
        long smoothed = smoothedLatency;
        if (smoothed == 0) {
            smoothedLatency = Math.max(1, answeredAfter);
            latencyVariation = answeredAfter / 2;
        } else {
            latencyVariation += (Math.abs(smoothed - answeredAfter) - latencyVariation) / 4;
            smoothedLatency = smoothed + (answeredAfter - smoothed) / 8;
        }
    }

    /** A request this lane let go ended without an answer (it failed, or was cancelled): it is no longer in flight. */
    void ended(Scheduler timer) {
        IN_FLIGHT.decrementAndGet(this);
        release(timer);
    }

    /** Lets everyone go, now and from now on, and leaves the gate: the server gives nothing to pace by. */
    private void dissolve() {
        dissolved = true;
        gate.retire(credential, this, null);
    }

    /** Runs the release loop here, or has the thread running it run it again. */
    void release(Scheduler timer) {
        if (WIP.getAndIncrement(this) != 0) {
            return;
        }
        int missed = 1;
        do {
            releaseDue(timer.now(TimeUnit.NANOSECONDS), timer);
            missed = WIP.addAndGet(this, -missed);
        } while (missed != 0);
    }

    private void releaseDue(long now, Scheduler timer) {
        failThoseNowTooLate(now);
        for (;;) {
            Turn head = line.peek();
            if (head == null) {
                retireOrWake(now, timer);
                return;
            }
            if (!head.isWaiting()) {
                line.poll();
                continue;
            }
            long at = dissolved ? now : admit(now);
            if (at <= now) {
                line.poll();
                if (head.leave()) {
                    head.waiter.go();
                }
            } else if (knowsTurns(now) && at + latency() >= head.deadline) {
                line.poll();
                if (head.leave()) {
                    head.waiter.tooLate(at - now);
                }
            } else {
                wakeAt(at, now, timer);
                return;
            }
        }
    }

    /**
     * Whether the lane can tell when a call's turn comes: it knows a rate, or holds until a known
     * time. While it waits for an answer, the time it returns is only when its patience ends, and
     * no call is failed for that.
     */
    private boolean knowsTurns(long now) {
        RatePace current = pace.get();
        return current.paced() || current.tat() > now;
    }

    /** When the head of the line may go: now (its request then counted in flight), or a later time. */
    private long admit(long now) {
        // In flight first, then the pace: an answer updates them in the other order, so a count
        // read here never leaves out a request the pace read next does not hold yet.
        long counted = inFlight();
        RatePace current = pace.get();
        if (current.paced()) {
            long next = current.nextRelease(counted);
            if (next > now) {
                return next;
            }
        } else if (current.tat() > now) {
            return current.tat();
        } else if (probed == current) {
            if (now - probedAt < PATIENCE) {
                return probedAt + PATIENCE;
            }
            dissolve();
            return now;
        } else {
            // One request goes to learn the allowance; its answer, or any other, wakes the line.
            probed = current;
            probedAt = now;
        }
        IN_FLIGHT.incrementAndGet(this);
        return now;
    }

    /**
     * Whenever the pace moves (an answer came), fails at once every waiting call whose turn comes
     * too late even if every request in flight had already been counted: those calls are certain
     * not to make it, and are told now rather than when they reach the head. (Counting the requests
     * in flight would fail calls on answers that are merely still on their way.)
     */
    private void failThoseNowTooLate(long now) {
        RatePace current = pace.get();
        if (current == walked || dissolved || !knowsTurns(now)) {
            walked = current;
            return;
        }
        walked = current;
        long interval = current.interval();
        long at = Math.max(current.nextRelease(0), now);
        long answer = latency();
        for (Turn turn : line) {
            if (!turn.isWaiting()) {
                continue;
            }
            if (at + answer >= turn.deadline) {
                if (turn.leave()) {
                    turn.waiter.tooLate(at - now);
                }
            } else {
                at += interval;
            }
        }
    }

    /**
     * With no one in line: leaves the gate once the lane knows nothing the window does not (nothing
     * it let go in flight, the bucket whole again or the hold over), else wakes then.
     */
    private void retireOrWake(long now, Scheduler timer) {
        if (dissolved || inFlight > 0) {
            return; // an answer, a failure or a cancel will run the loop again
        }
        RatePace current = pace.get();
        long until = current.tat();
        if (!current.paced() && probed == current && current.tat() <= now) {
            until = probedAt + PATIENCE; // a probe was out: keep the lane until an answer, or patience runs out
        }
        if (until <= now) {
            gate.retire(credential, this, current.paced() ? current : null);
        } else {
            wakeAt(until, now, timer);
        }
    }

    private void wakeAt(long at, long now, Scheduler timer) {
        Disposable pending = wake;
        boolean set = pending != null && wakeAt > now;
        if (set && wakeAt <= at) {
            return;
        }
        if (set) {
            pending.dispose();
        }
        wakeAt = at;
        wake = timer.schedule(() -> release(timer), at - now, TimeUnit.NANOSECONDS);
    }

    /** One call's place in line. */
    final class Turn {

        private static final AtomicIntegerFieldUpdater<Turn> STATE =
                AtomicIntegerFieldUpdater.newUpdater(Turn.class, "state");

        private final Waiter waiter;
        private final long deadline;
        /** 0 while waiting, 1 once let go, failed or cancelled. */
        private volatile int state;

        Turn(Waiter waiter, long deadline) {
            this.waiter = waiter;
            this.deadline = deadline;
        }

        boolean isWaiting() {
            return state == 0;
        }

        /** Leaves the line without going: the call was cancelled. */
        void cancel() {
            leave();
        }

        private boolean leave() {
            if (STATE.compareAndSet(this, 0, 1)) {
                WAITING.decrementAndGet(RateLane.this);
                return true;
            }
            return false;
        }
    }
}
