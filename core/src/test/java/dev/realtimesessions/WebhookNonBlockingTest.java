package dev.realtimesessions;

import static dev.realtimesessions.testing.WebhookDeliveries.CALL_INCOMING;
import static dev.realtimesessions.testing.WebhookDeliveries.NOW;
import static dev.realtimesessions.testing.WebhookDeliveries.OTHER_SECRET;
import static dev.realtimesessions.testing.WebhookDeliveries.SECRET;
import static dev.realtimesessions.testing.WebhookDeliveries.bytes;
import static dev.realtimesessions.testing.WebhookDeliveries.headers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.testing.WebhookDeliveries.HandClock;
import dev.realtimesessions.webhooks.InMemoryWebhookReplayStore;
import dev.realtimesessions.webhooks.RealtimeCallIncoming;
import dev.realtimesessions.webhooks.WebhookEvent;
import dev.realtimesessions.webhooks.WebhookReplayStore;
import dev.realtimesessions.webhooks.WebhookVerificationException;
import dev.realtimesessions.webhooks.WebhookVerificationException.Reason;
import dev.realtimesessions.webhooks.WebhookVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * {@link WebhookVerifier#verifyNonBlocking}: lazy, never throwing, and free of blocking calls on
 * Reactor's non-blocking threads (BlockHound, installed for the suite, fails any), with the
 * in-memory store and with a store that answers later, as a network store does.
 */
class WebhookNonBlockingTest {

    private static final String ID = "msg_nonblocking";

    private final HandClock clock = new HandClock(NOW);

    @Test
    void verificationOnANonBlockingThreadWithTheInMemoryStoreDoesNotBlock() {
        WebhookVerifier verifier = WebhookVerifier.builder().secrets(SECRET, OTHER_SECRET).clock(clock).build();
        Map<String, String> headers = headers(OTHER_SECRET, ID, NOW, CALL_INCOMING);

        StepVerifier.create(verifier.verifyNonBlocking(headers, bytes(CALL_INCOMING)).subscribeOn(Schedulers.parallel()))
                .assertNext(event -> assertThat(event).isInstanceOf(RealtimeCallIncoming.class))
                .verifyComplete();
        StepVerifier.create(verifier.verifyNonBlocking(headers, bytes(CALL_INCOMING)).subscribeOn(Schedulers.parallel()))
                .verifyErrorSatisfies(refusedFor(Reason.REPLAYED));
    }

    @Test
    void theSynchronousVerificationWithTheInMemoryStoreDoesNotBlockEither() {
        WebhookVerifier verifier = WebhookVerifier.builder().secrets(SECRET).clock(clock).build();

        StepVerifier.create(Mono.fromCallable(() -> verifier.verify(headers(SECRET, ID, NOW, CALL_INCOMING),
                        bytes(CALL_INCOMING))).subscribeOn(Schedulers.parallel()))
                .assertNext(event -> assertThat(event.type()).isEqualTo(RealtimeCallIncoming.TYPE))
                .verifyComplete();
    }

    @Test
    void aStoreThatAnswersLaterIsAwaitedWithoutBlocking() {
        AnswersLater store = new AnswersLater();
        WebhookVerifier verifier = WebhookVerifier.builder().secrets(SECRET).clock(clock).replayStore(store).build();
        Map<String, String> headers = headers(SECRET, ID, NOW, CALL_INCOMING);

        StepVerifier.create(verifier.verifyNonBlocking(headers, bytes(CALL_INCOMING)).subscribeOn(Schedulers.parallel()))
                .assertNext(event -> assertThat(event).isInstanceOf(RealtimeCallIncoming.class))
                .verifyComplete();
        StepVerifier.create(verifier.verifyNonBlocking(headers, bytes(CALL_INCOMING)).subscribeOn(Schedulers.parallel()))
                .verifyErrorSatisfies(refusedFor(Reason.REPLAYED));
    }

    @Test
    void theSynchronousVerificationWaitsForAStoreThatAnswersLaterOffTheEventLoops() {
        WebhookVerifier verifier = WebhookVerifier.builder().secrets(SECRET).clock(clock)
                .replayStore(new AnswersLater()).build();
        Map<String, String> headers = headers(SECRET, ID, NOW, CALL_INCOMING);

        assertThat(verifier.verify(headers, bytes(CALL_INCOMING))).isInstanceOf(RealtimeCallIncoming.class);
        assertThat(WebhookVerifierTest.reason(() -> verifier.verify(headers, bytes(CALL_INCOMING))))
                .isEqualTo(Reason.REPLAYED);
    }

    @Test
    void nothingIsCheckedOrRecordedUntilSubscription() {
        AtomicInteger asked = new AtomicInteger();
        WebhookReplayStore counting = new Counting(InMemoryWebhookReplayStore.create(), asked);
        WebhookVerifier verifier = WebhookVerifier.builder().secrets(SECRET).clock(clock).replayStore(counting).build();

        Mono<WebhookEvent> event = verifier.verifyNonBlocking(headers(SECRET, ID, NOW, CALL_INCOMING), bytes(CALL_INCOMING));
        Mono<WebhookEvent> refused = verifier.verifyNonBlocking(Map.of(), bytes(CALL_INCOMING));

        assertThat(asked).hasValue(0);
        StepVerifier.create(refused).verifyErrorSatisfies(refusedFor(Reason.MISSING_HEADER));
        StepVerifier.create(event).expectNextCount(1).verifyComplete();
        assertThat(asked).hasValue(1);
    }

    @Test
    void badArgumentsAndRefusalsAreSignalledNeverThrown() {
        WebhookVerifier verifier = WebhookVerifier.builder().secrets(SECRET).clock(clock).build();

        StepVerifier.create(verifier.verifyNonBlocking(null, bytes(CALL_INCOMING)))
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(ValidationException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("headers")));
        StepVerifier.create(verifier.verifyNonBlocking(headers(OTHER_SECRET, ID, NOW, CALL_INCOMING), bytes(CALL_INCOMING)))
                .verifyErrorSatisfies(refusedFor(Reason.NO_MATCHING_SIGNATURE));
        StepVerifier.create(verifier.verifyNonBlocking(headers(SECRET, ID, NOW, "[]"), bytes("[]")))
                .verifyErrorSatisfies(refusedFor(Reason.MALFORMED_BODY));
    }

    @Test
    void aFailingOrSilentStoreIsReportedAsAFailedReplayCheckOfAnAuthenticDelivery() {
        IllegalStateException down = new IllegalStateException("connection refused: redis:6379");
        WebhookReplayStore failing = new Answering(Mono.error(down));
        WebhookReplayStore throwing = new Answering(null) {
            @Override
            public Mono<Boolean> markSeen(String webhookId, Instant now, Duration retention) {
                throw down;
            }
        };
        WebhookReplayStore silent = new Answering(Mono.empty());
        Map<String, String> headers = headers(SECRET, ID, NOW, CALL_INCOMING);

        for (WebhookReplayStore store : new WebhookReplayStore[] {failing, throwing, silent}) {
            WebhookVerifier verifier = WebhookVerifier.builder().secrets(SECRET).clock(clock).replayStore(store).build();
            StepVerifier.create(verifier.verifyNonBlocking(headers, bytes(CALL_INCOMING)))
                    .verifyErrorSatisfies(refusedFor(Reason.REPLAY_CHECK_FAILED));
            WebhookVerificationException sync = WebhookVerifierTest.refusal(() -> verifier.verify(headers, bytes(CALL_INCOMING)));
            assertThat(sync.reason()).isEqualTo(Reason.REPLAY_CHECK_FAILED);
            assertThat(sync).hasMessageContaining("answer with a 5xx");
        }
        WebhookVerificationException withCause = WebhookVerifierTest.refusal(() -> WebhookVerifier.builder().secrets(SECRET)
                .clock(clock).replayStore(failing).build().verify(headers, bytes(CALL_INCOMING)));
        assertThat(withCause).hasRootCause(down);
    }

    private static java.util.function.Consumer<Throwable> refusedFor(Reason reason) {
        return error -> assertThat(error).isInstanceOfSatisfying(WebhookVerificationException.class,
                refused -> assertThat(refused.reason()).isEqualTo(reason));
    }

    /** Answers after a timer, on another thread, as a store that answers over the network does; remembers ids forever. */
    private static final class AnswersLater implements WebhookReplayStore {

        private final Map<String, Boolean> seen = new ConcurrentHashMap<>();

        @Override
        public Mono<Boolean> markSeen(String webhookId, Instant now, Duration retention) {
            return Mono.delay(Duration.ofMillis(1)).map(tick -> seen.putIfAbsent(webhookId, Boolean.TRUE) == null);
        }

        @Override
        public Mono<Void> forget(String webhookId) {
            return Mono.delay(Duration.ofMillis(1)).doOnNext(tick -> seen.remove(webhookId)).then();
        }
    }

    /** Counts the questions it is asked. */
    private static final class Counting implements WebhookReplayStore {

        private final WebhookReplayStore delegate;
        private final AtomicInteger asked;

        Counting(WebhookReplayStore delegate, AtomicInteger asked) {
            this.delegate = delegate;
            this.asked = asked;
        }

        @Override
        public Mono<Boolean> markSeen(String webhookId, Instant now, Duration retention) {
            asked.incrementAndGet();
            return delegate.markSeen(webhookId, now, retention);
        }

        @Override
        public Mono<Void> forget(String webhookId) {
            return delegate.forget(webhookId);
        }
    }

    /** Gives the same answer to every question. */
    private static class Answering implements WebhookReplayStore {

        private final Mono<Boolean> answer;

        Answering(Mono<Boolean> answer) {
            this.answer = answer;
        }

        @Override
        public Mono<Boolean> markSeen(String webhookId, Instant now, Duration retention) {
            return answer;
        }

        @Override
        public Mono<Void> forget(String webhookId) {
            return Mono.empty();
        }
    }
}
