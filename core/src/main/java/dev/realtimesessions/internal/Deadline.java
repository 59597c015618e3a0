package dev.realtimesessions.internal;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.internal.ThreadExecutorMap;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;
import reactor.util.context.Context;

/**
 * {@code Mono.timeout(Duration, Scheduler)} without its per-subscription cost: Reactor's operator
 * names its source for the {@link TimeoutException} message on every subscribe (a walk of the
 * operator chain with regular expressions, about a tenth of a call's allocation in the load
 * harness's profile). This one starts one timer task before subscribing to the source, cancels it
 * on the first signal, and on expiry cancels the source and signals a plain {@link TimeoutException}.
 * On a Netty event loop the task goes to the loop's own queue rather than to Reactor's timer thread.
 *
 * <p>It can also stand for the {@code map} and {@code onErrorMap} that would follow it
 * ({@link Outcome}): an attempt is then one operator instead of three.
 */
final class Deadline<T, R> extends Mono<R> {

    /** Reactor's own schedulers run on the wall clock; a test's virtual-time scheduler lives elsewhere. */
    private static final String WALL_CLOCK_SCHEDULERS = "reactor.core.scheduler";

    private final Mono<T> source;
    private final long nanos;
    private final boolean overall;
    private final Scheduler timer;
    private final Outcome<T, R> outcome;

    private Deadline(Mono<T> source, long nanos, boolean overall, Scheduler timer, Outcome<T, R> outcome) {
        this.source = source;
        this.nanos = nanos;
        this.overall = overall;
        this.timer = timer;
        this.outcome = outcome;
    }

    /** {@code source}, failing with a {@link TimeoutException} if it does not complete within {@code timeout}. */
    static <T> Mono<T> of(Mono<T> source, Duration timeout, Scheduler timer) {
        return new Deadline<>(source, timeout.toNanos(), false, timer, Outcome.identity());
    }

    /**
     * {@code source} within {@code nanos}, its value and its error (the expiry included) passed
     * through {@code outcome}; with {@code overall}, the time limit is what is left of a longer
     * deadline, and its expiry is an {@link OverallExpiry} rather than a plain
     * {@link TimeoutException}: one timer stands for both an attempt's limit and the call's.
     */
    static <T, R> Mono<R> of(Mono<T> source, long nanos, boolean overall, Scheduler timer, Outcome<T, R> outcome) {
        return new Deadline<>(source, nanos, overall, timer, outcome);
    }

    /** What the operator makes of its source's outcome, in place of a {@code map} and an {@code onErrorMap} after it. */
    interface Outcome<T, R> {

        /** The value passed on; what it throws goes to {@link #error}. */
        R value(T value);

        /** The error passed on, for the source's error, the expiry, or what {@link #value} threw. */
        Throwable error(Throwable error);

        /** A value that came after the operator had ended (expired or cancelled): what holds resources releases them. */
        default void dropped(T value) {
        }

        /**
         * The subscriber cancelled before the source ended (not when the deadline itself cancels
         * the source: that is an {@link #error}).
         */
        default void cancelled() {
        }

        @SuppressWarnings("unchecked")
        static <T> Outcome<T, T> identity() {
            return (Outcome<T, T>) Identity.INSTANCE;
        }
    }

    /** Values and errors as they are. */
    private enum Identity implements Outcome<Object, Object> {
        INSTANCE;

        @Override
        public Object value(Object value) {
            return value;
        }

        @Override
        public Throwable error(Throwable error) {
            return error;
        }
    }

    /** The expiry of a timer that stood for a longer deadline than its own operator's (the call's, not the attempt's). */
    static final class OverallExpiry extends TimeoutException {
        private static final long serialVersionUID = 1L;

        OverallExpiry(String message) {
            super(message);
        }
    }

    @Override
    public void subscribe(CoreSubscriber<? super R> actual) {
        DeadlineSubscriber<T, R> deadline = new DeadlineSubscriber<>(actual, nanos, overall, timer, outcome);
        actual.onSubscribe(deadline);
        // The clock starts before the source does any work, as with Reactor's timeout.
        if (deadline.start()) {
            source.subscribe(deadline);
        }
    }

    private static final class DeadlineSubscriber<T, R> extends Operators.DeferredSubscription
            implements CoreSubscriber<T>, Runnable {

        @SuppressWarnings("rawtypes")
        private static final AtomicIntegerFieldUpdater<DeadlineSubscriber> DONE =
                AtomicIntegerFieldUpdater.newUpdater(DeadlineSubscriber.class, "done");

        private final CoreSubscriber<? super R> actual;
        private final long nanos;
        private final boolean overall;
        private final Scheduler timer;
        private final Outcome<T, R> outcome;
        private volatile @Nullable Disposable task;
        private volatile int done;

        DeadlineSubscriber(CoreSubscriber<? super R> actual, long nanos, boolean overall, Scheduler timer,
                Outcome<T, R> outcome) {
            this.actual = actual;
            this.nanos = nanos;
            this.overall = overall;
            this.timer = timer;
            this.outcome = outcome;
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        /** Starts the timer; false if the subscriber is already done (cancelled, or the timer was refused). */
        boolean start() {
            if (done != 0) {
                return false;
            }
            try {
                task = schedule();
            } catch (RuntimeException rejected) {
                if (DONE.compareAndSet(this, 0, 1)) {
                    actual.onError(Operators.onRejectedExecution(rejected, actual.currentContext()));
                }
                return false;
            }
            if (done != 0) {
                cancelTimer();
            }
            return true;
        }

        @Override
        public void onSubscribe(Subscription s) {
            set(s);
        }

        /**
         * On a Netty event loop with a wall-clock timer, the loop's own scheduled-task queue (no
         * lock, no thread to wake, cancelled in place); elsewhere, or under a test's virtual
         * clock, the Reactor timer.
         */
        private Disposable schedule() {
            if (WALL_CLOCK_SCHEDULERS.equals(timer.getClass().getPackageName())) {
                EventExecutor loop = ThreadExecutorMap.currentExecutor();
                if (loop != null && !loop.isShuttingDown()) {
                    try {
                        ScheduledFuture<?> future = loop.schedule(this, nanos, TimeUnit.NANOSECONDS);
                        return () -> future.cancel(false);
                    } catch (RejectedExecutionException shuttingDown) {
                        // fall back to the Reactor timer
                    }
                }
            }
            return timer.schedule(this, nanos, TimeUnit.NANOSECONDS);
        }

        /** The timer fired. */
        @Override
        public void run() {
            if (DONE.compareAndSet(this, 0, 1)) {
                super.cancel();
                String message = "no answer within " + Duration.ofNanos(nanos);
                actual.onError(outcome.error(overall ? new OverallExpiry(message) : new TimeoutException(message)));
            }
        }

        /** A Mono's value ends it: the timer is cancelled before the value is passed on. */
        @Override
        public void onNext(T value) {
            if (DONE.compareAndSet(this, 0, 1)) {
                cancelTimer();
                R result;
                try {
                    result = outcome.value(value);
                } catch (RuntimeException e) {
                    actual.onError(outcome.error(e));
                    return;
                }
                actual.onNext(result);
                actual.onComplete();
            } else {
                outcome.dropped(value);
                Operators.onNextDropped(value, actual.currentContext());
            }
        }

        @Override
        public void onError(Throwable error) {
            if (DONE.compareAndSet(this, 0, 1)) {
                cancelTimer();
                actual.onError(outcome.error(error));
            } else {
                Operators.onErrorDropped(error, actual.currentContext());
            }
        }

        @Override
        public void onComplete() {
            if (DONE.compareAndSet(this, 0, 1)) {
                cancelTimer();
                actual.onComplete();
            }
        }

        @Override
        public void cancel() {
            if (DONE.compareAndSet(this, 0, 1)) {
                cancelTimer();
                outcome.cancelled();
            }
            super.cancel();
        }

        private void cancelTimer() {
            Disposable t = task;
            if (t != null) {
                t.dispose();
            }
        }
    }
}
