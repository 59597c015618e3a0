package dev.realtimesessions.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.CallListener;
import dev.realtimesessions.RealtimeSessionsException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import reactor.util.context.ContextView;

/**
 * A {@link CallListener} for every call of a client that records each wait the call path sets:
 * retries ({@link CallListener#retryScheduled}) and rate-gate holds ({@link CallListener#rateGateHeld}),
 * in order. Each is told once its timer is set, so a test may advance a virtual clock right after
 * {@link #nextRetry()} or {@link #nextGateHold()} returns.
 */
public final class RecordedWaits implements CallListener.Factory, CallListener {

    private final BlockingQueue<Duration> retriesToTake = new LinkedBlockingQueue<>();
    private final BlockingQueue<Duration> holdsToTake = new LinkedBlockingQueue<>();
    private final List<Duration> retries = new CopyOnWriteArrayList<>();
    private final List<Duration> holds = new CopyOnWriteArrayList<>();

    @Override
    public CallListener callStarted(String endpoint, ContextView context) {
        return this;
    }

    @Override
    public void retryScheduled(int failedAttempt, Duration delay, RealtimeSessionsException cause) {
        retries.add(delay);
        retriesToTake.add(delay);
    }

    @Override
    public void rateGateHeld(Duration wait) {
        holds.add(wait);
        holdsToTake.add(wait);
    }

    /** The next retry's wait, once it is set. */
    public Duration nextRetry() {
        return next(retriesToTake, "a retry was scheduled");
    }

    /** The next rate-gate hold, once it is set. */
    public Duration nextGateHold() {
        return next(holdsToTake, "the rate gate held an attempt");
    }

    /** Every retry's wait so far. */
    public List<Duration> retries() {
        return retries;
    }

    /** Every rate-gate hold so far. */
    public List<Duration> gateHolds() {
        return holds;
    }

    private static Duration next(BlockingQueue<Duration> waits, String what) {
        try {
            Duration wait = waits.poll(Fixtures.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(wait).as(what).isNotNull();
            return wait;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
