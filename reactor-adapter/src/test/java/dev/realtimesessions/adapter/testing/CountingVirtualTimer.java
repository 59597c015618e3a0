package dev.realtimesessions.adapter.testing;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A {@link VirtualTimeScheduler} that knows which delayed tasks are still waiting: a task counts from
 * when it is scheduled until it runs or is disposed, so a test can check that nothing was left
 * scheduled (no timer leaked) once every call ended.
 */
public final class CountingVirtualTimer implements Scheduler {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final Set<Object> waiting = ConcurrentHashMap.newKeySet();

    /** Moves the virtual clock, running every task that falls due, on the calling thread. */
    public void advanceTimeBy(Duration duration) {
        time.advanceTimeBy(duration);
    }

    /** Delayed tasks scheduled and neither run nor disposed. */
    public int waiting() {
        return waiting.size();
    }

    @Override
    public Disposable schedule(Runnable task) {
        return time.schedule(task);
    }

    @Override
    public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
        Object token = new Object();
        waiting.add(token);
        Disposable scheduled = time.schedule(() -> {
            waiting.remove(token);
            task.run();
        }, delay, unit);
        return () -> {
            waiting.remove(token);
            scheduled.dispose();
        };
    }

    @Override
    public long now(TimeUnit unit) {
        return time.now(unit);
    }

    @Override
    public Worker createWorker() {
        return time.createWorker();
    }

    @Override
    public void dispose() {
        time.dispose();
    }
}
