package dev.realtimesessions.internal;

import java.time.Duration;
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
 * harness's profile). This one schedules one timer task, cancels it on the first signal, and on
 * expiry cancels the source and signals a plain {@link TimeoutException}.
 */
final class Deadline<T> extends Mono<T> {

    private final Mono<T> source;
    private final long nanos;
    private final Scheduler timer;

    private Deadline(Mono<T> source, Duration timeout, Scheduler timer) {
        this.source = source;
        this.nanos = timeout.toNanos();
        this.timer = timer;
    }

    /** {@code source}, failing with a {@link TimeoutException} if it does not complete within {@code timeout}. */
    static <T> Mono<T> of(Mono<T> source, Duration timeout, Scheduler timer) {
        return new Deadline<>(source, timeout, timer);
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        source.subscribe(new DeadlineSubscriber<>(actual, nanos, timer));
    }

    private static final class DeadlineSubscriber<T> implements CoreSubscriber<T>, Subscription, Runnable {

        private static final AtomicIntegerFieldUpdater<DeadlineSubscriber> DONE =
                AtomicIntegerFieldUpdater.newUpdater(DeadlineSubscriber.class, "done");

        private final CoreSubscriber<? super T> actual;
        private final long nanos;
        private final Scheduler timer;
        private @Nullable Subscription upstream;
        private volatile @Nullable Disposable task;
        private volatile int done;

        DeadlineSubscriber(CoreSubscriber<? super T> actual, long nanos, Scheduler timer) {
            this.actual = actual;
            this.nanos = nanos;
            this.timer = timer;
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription s) {
            if (Operators.validate(upstream, s)) {
                upstream = s;
                actual.onSubscribe(this);
                if (done == 0) {
                    try {
                        task = timer.schedule(this, nanos, TimeUnit.NANOSECONDS);
                    } catch (RuntimeException rejected) {
                        if (DONE.compareAndSet(this, 0, 1)) {
                            s.cancel();
                            actual.onError(Operators.onRejectedExecution(rejected, actual.currentContext()));
                        }
                        return;
                    }
                    if (done != 0) {
                        cancelTimer();
                    }
                }
            }
        }

        /** The timer fired. */
        @Override
        public void run() {
            if (DONE.compareAndSet(this, 0, 1)) {
                Subscription s = upstream;
                if (s != null) {
                    s.cancel();
                }
                actual.onError(new TimeoutException("no answer within " + Duration.ofNanos(nanos)));
            }
        }

        /** A Mono's value ends it: the timer is cancelled before the value is passed on. */
        @Override
        public void onNext(T value) {
            if (DONE.compareAndSet(this, 0, 1)) {
                cancelTimer();
                actual.onNext(value);
                actual.onComplete();
            } else {
                Operators.onNextDropped(value, actual.currentContext());
            }
        }

        @Override
        public void onError(Throwable error) {
            if (DONE.compareAndSet(this, 0, 1)) {
                cancelTimer();
                actual.onError(error);
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
        public void request(long n) {
            Subscription s = upstream;
            if (s != null) {
                s.request(n);
            }
        }

        @Override
        public void cancel() {
            if (DONE.compareAndSet(this, 0, 1)) {
                cancelTimer();
            }
            Subscription s = upstream;
            if (s != null) {
                s.cancel();
            }
        }

        private void cancelTimer() {
            Disposable t = task;
            if (t != null) {
                t.dispose();
            }
        }
    }
}
