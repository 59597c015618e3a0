package dev.realtimesessions.internal;

import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Schedulers;

/**
 * What a {@code ClientSecretPool} has running (its background mints, the stock's expiry sweeps,
 * the refill's backoff): all of it cancelled at once by {@link #close()}, after which nothing new
 * starts. Time is {@code Schedulers.parallel()}'s, the system clock unless Reactor's virtual time
 * is on.
 */
public final class PoolResources {

    private final Disposable.Composite running = Disposables.composite();

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return running.isDisposed();
    }

    /** Cancels everything running; idempotent. */
    public void close() {
        running.dispose();
    }

    /** Tracks {@code task} until it ends or is removed; false (and the task is disposed) when closed. */
    boolean add(Disposable task) {
        return running.add(task);
    }

    void remove(Disposable task) {
        running.remove(task);
    }

    /** Runs {@code action} after {@code delayMillis} on {@code Schedulers.parallel()}, unless closed or cancelled first. */
    Disposable schedule(Runnable action, long delayMillis) {
        Disposable.Swap task = Disposables.swap();
        if (!running.add(task)) {
            return task;
        }
        task.update(Schedulers.parallel().schedule(() -> {
            running.remove(task);
            action.run();
        }, Math.max(0, delayMillis), TimeUnit.MILLISECONDS));
        return task;
    }

    /** Now, in the scheduler's milliseconds. */
    static long now() {
        return Schedulers.parallel().now(TimeUnit.MILLISECONDS);
    }
}
