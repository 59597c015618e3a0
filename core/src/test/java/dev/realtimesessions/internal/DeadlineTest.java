package dev.realtimesessions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The deadline operator, in virtual time: its expiry, the outcome it stands for, and a value that comes too late. */
class DeadlineTest {

    private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();

    /** A source that ignores cancellation and signals whenever the test says, as a late answer would. */
    private static final class LateSource extends Mono<String> {
        @Nullable CoreSubscriber<? super String> subscriber;

        @Override
        public void subscribe(CoreSubscriber<? super String> actual) {
            subscriber = actual;
            actual.onSubscribe(Operators.emptySubscription());
        }
    }

    /** Records what the operator made of the source, mapping values to their length. */
    private static final class Recording implements Deadline.Outcome<String, Integer> {
        final List<String> dropped = new CopyOnWriteArrayList<>();
        final AtomicInteger cancelled = new AtomicInteger();

        @Override
        public Integer value(String value) {
            if (value.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            return value.length();
        }

        @Override
        public Throwable error(Throwable error) {
            return new IllegalStateException("mapped", error);
        }

        @Override
        public void dropped(String value) {
            dropped.add(value);
        }

        @Override
        public void cancelled() {
            cancelled.incrementAndGet();
        }
    }

    @Test
    void aValueInTimeGoesThroughTheOutcome() {
        LateSource source = new LateSource();
        StepVerifier.create(Deadline.of(source, TimeUnit.SECONDS.toNanos(1), false, clock, new Recording()))
                .then(() -> source.subscriber.onNext("answer"))
                .expectNext(6)
                .verifyComplete();
    }

    @Test
    void whatTheOutcomeThrowsIsMappedAsAnError() {
        LateSource source = new LateSource();
        StepVerifier.create(Deadline.of(source, TimeUnit.SECONDS.toNanos(1), false, clock, new Recording()))
                .then(() -> source.subscriber.onNext(""))
                .expectErrorSatisfies(error -> assertThat(error).hasMessage("mapped")
                        .hasCauseInstanceOf(IllegalArgumentException.class))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void theExpiryIsMappedAndAValueAfterItIsDropped() {
        LateSource source = new LateSource();
        Recording outcome = new Recording();
        StepVerifier.create(Deadline.of(source, TimeUnit.SECONDS.toNanos(1), false, clock, outcome))
                .then(() -> clock.advanceTimeBy(Duration.ofSeconds(1)))
                .expectErrorSatisfies(error -> assertThat(error).hasMessage("mapped")
                        .cause().isExactlyInstanceOf(TimeoutException.class))
                .verify(Duration.ofSeconds(5));
        source.subscriber.onNext("too late");
        assertThat(outcome.dropped).as("handed to the outcome to release").containsExactly("too late");
    }

    @Test
    void aCancelBeforeTheEndIsToldOnceAndTheExpiryIsNoCancel() {
        Recording cancelledFirst = new Recording();
        StepVerifier.create(Deadline.of(new LateSource(), TimeUnit.SECONDS.toNanos(1), false, clock, cancelledFirst))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
        clock.advanceTimeBy(Duration.ofSeconds(2));
        assertThat(cancelledFirst.cancelled).as("told once; its timer no longer fires").hasValue(1);

        Recording expired = new Recording();
        StepVerifier.create(Deadline.of(new LateSource(), TimeUnit.SECONDS.toNanos(1), false, clock, expired))
                .then(() -> clock.advanceTimeBy(Duration.ofSeconds(1)))
                .expectError()
                .verify(Duration.ofSeconds(5));
        assertThat(expired.cancelled).as("an expiry is an error, not a cancel").hasValue(0);
    }

    @Test
    void aTimerStandingForALongerDeadlineExpiresAsThat() {
        StepVerifier.create(Deadline.of(Mono.never(), TimeUnit.MILLISECONDS.toNanos(300), true, clock,
                        Deadline.Outcome.identity()))
                .then(() -> clock.advanceTimeBy(Duration.ofMillis(300)))
                .expectError(Deadline.OverallExpiry.class)
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aPlainDeadlineExpiresWithATimeoutException() {
        StepVerifier.create(Deadline.of(Mono.never(), Duration.ofMillis(300), clock))
                .then(() -> clock.advanceTimeBy(Duration.ofMillis(299)))
                .expectNoEvent(Duration.ZERO)
                .then(() -> clock.advanceTimeBy(Duration.ofMillis(1)))
                .expectErrorMatches(error -> error.getClass() == TimeoutException.class)
                .verify(Duration.ofSeconds(5));
    }
}
