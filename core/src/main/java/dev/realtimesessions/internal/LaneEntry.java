package dev.realtimesessions.internal;

import dev.realtimesessions.CallListener;
import dev.realtimesessions.RateLimitException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * One call's way through its credential's {@link RateLane}: refused at once, nothing sent, when
 * its turn is certain to come too late for an answer before its deadline; else held in line until
 * its turn, the listener told of the wait it can expect.
 */
final class LaneEntry {

    private static final Logger log = LoggerFactory.getLogger("dev.realtimesessions.RealtimeSessions");

    private LaneEntry() {
    }

    /**
     * Completes when the call's turn comes; fails with an {@link AttemptFailure} holding a
     * {@link RateLimitException} if it would come too late, at once or while the call waits.
     *
     * @param deadline the call's deadline, in the nanoseconds of {@code timer}'s clock
     * @param endpoint the endpoint's description, for the refusal's message
     */
    static Mono<Long> turn(RateLane lane, long deadline, Scheduler timer, CallListener listener, String endpoint) {
        long now = timer.now(TimeUnit.NANOSECONDS);
        long least = lane.leastWait(now);
        if (least > 0 && now + least + lane.latency() >= deadline) {
            return Mono.error(tooLate(lane, least, endpoint));
        }
        long expected = lane.expectedWait(now);
        return Mono.create(sink -> {
            RateLane.Turn turn = lane.join(new Held(sink, lane, endpoint), deadline, timer);
            sink.onDispose(turn::cancel);
            if (turn.isWaiting()) {
                Duration wait = Duration.ofNanos(expected == RateLane.UNKNOWN_WAIT ? RateLane.PATIENCE : expected);
                listener.rateGateHeld(wait);
                if (log.isDebugEnabled()) {
                    log.debug("{} waits about {} ms: the rate gate paces this API key", endpoint, wait.toMillis());
                }
            }
        });
    }

    /** The failure of a call whose turn would come too late: nothing was sent, and it is not retried. */
    private static AttemptFailure tooLate(RateLane lane, long waitNanos, String endpoint) {
        long waitMillis = TimeUnit.NANOSECONDS.toMillis(waitNanos);
        RatePace pace = lane.pace();
        String why = pace.paced()
                ? "its turn at the rate the server allows this API key (about " + perSecond(pace.interval())
                        + " requests a second) would come in " + waitMillis + " ms"
                : "the server asked for no more requests with this API key for " + waitMillis + " ms";
        return new AttemptFailure(new RateLimitException(429, null, null, null, endpoint + " was not sent: " + why
                + ", too late for the call's deadline (rate gate; see RealtimeSessions.Builder.rateGate)", null,
                Duration.ofNanos(waitNanos)), false, true, null);
    }

    private static String perSecond(long intervalNanos) {
        double rate = 1e9 / intervalNanos;
        return rate >= 10 ? Long.toString(Math.round(rate)) : String.format(Locale.ROOT, "%.2f", rate);
    }

    /** A call in line: its turn completes the wait, or fails it without sending. */
    private static final class Held implements RateLane.Waiter {
        private final MonoSink<Long> sink;
        private final RateLane lane;
        private final String endpoint;

        Held(MonoSink<Long> sink, RateLane lane, String endpoint) {
            this.sink = sink;
            this.lane = lane;
            this.endpoint = endpoint;
        }

        @Override
        public void go() {
            sink.success(0L);
        }

        @Override
        public void tooLate(long waitNanos) {
            sink.error(LaneEntry.tooLate(lane, waitNanos, endpoint));
        }
    }
}
