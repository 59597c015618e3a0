package dev.realtimesessions;

import static dev.realtimesessions.WebhookVerifierTest.reason;
import static dev.realtimesessions.testing.WebhookDeliveries.CALL_INCOMING;
import static dev.realtimesessions.testing.WebhookDeliveries.NOW;
import static dev.realtimesessions.testing.WebhookDeliveries.OTHER_SECRET;
import static dev.realtimesessions.testing.WebhookDeliveries.SECRET;
import static dev.realtimesessions.testing.WebhookDeliveries.bytes;
import static dev.realtimesessions.testing.WebhookDeliveries.headers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.realtimesessions.testing.WebhookDeliveries.HandClock;
import dev.realtimesessions.webhooks.InMemoryWebhookReplayStore;
import dev.realtimesessions.webhooks.WebhookReplayStore;
import dev.realtimesessions.webhooks.WebhookVerificationException;
import dev.realtimesessions.webhooks.WebhookVerificationException.Reason;
import dev.realtimesessions.webhooks.WebhookVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** A {@code webhook-id} is accepted once within the tolerance window, and only an authentic delivery uses it up. */
class WebhookReplayTest {

    private static final String ID = "msg_replayed";

    private final HandClock clock = new HandClock(NOW);
    private final WebhookVerifier verifier = WebhookVerifier.builder().secrets(SECRET).clock(clock).build();

    @Test
    void anAcceptedDeliverySentAgainIsRefusedAsAReplay() {
        Map<String, String> headers = headers(SECRET, ID, NOW, CALL_INCOMING);
        verifier.verify(headers, bytes(CALL_INCOMING));

        assertThat(reason(() -> verifier.verify(headers, bytes(CALL_INCOMING)))).isEqualTo(Reason.REPLAYED);
        clock.advance(Duration.ofSeconds(200));
        assertThat(reason(() -> verifier.verify(headers(SECRET, ID, NOW + 200, CALL_INCOMING), bytes(CALL_INCOMING))))
                .as("the same id, freshly signed").isEqualTo(Reason.REPLAYED);
    }

    @Test
    void aForgedOrMalformedDeliveryDoesNotUseUpItsId() {
        Map<String, String> forged = headers(OTHER_SECRET, ID, NOW, CALL_INCOMING);
        assertThat(reason(() -> verifier.verify(forged, bytes(CALL_INCOMING)))).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
        assertThat(reason(() -> verifier.verify(headers(SECRET, ID, NOW, "not json"), bytes("not json"))))
                .isEqualTo(Reason.MALFORMED_BODY);
        assertThat(reason(() -> verifier.verify(headers(SECRET, ID, NOW - 301, CALL_INCOMING), bytes(CALL_INCOMING))))
                .isEqualTo(Reason.TIMESTAMP_TOO_OLD);

        assertThat(verifier.verify(headers(SECRET, ID, NOW, CALL_INCOMING), bytes(CALL_INCOMING))).isNotNull();
        assertThat(verifier.replayStore()).isInstanceOfSatisfying(InMemoryWebhookReplayStore.class,
                store -> assertThat(store.size()).isEqualTo(1));
    }

    @Test
    void anIdIsRememberedUntilItsDeliveryCanNoLongerBeAccepted() {
        verifier.verify(headers(SECRET, ID, NOW, CALL_INCOMING), bytes(CALL_INCOMING));

        clock.advance(Duration.ofSeconds(301));
        assertThat(reason(() -> verifier.verify(headers(SECRET, ID, NOW, CALL_INCOMING), bytes(CALL_INCOMING))))
                .as("the first delivery itself is now too old").isEqualTo(Reason.TIMESTAMP_TOO_OLD);
        assertThat(reason(() -> verifier.verify(headers(SECRET, ID, NOW + 301, CALL_INCOMING), bytes(CALL_INCOMING))))
                .as("still remembered within a second's margin").isEqualTo(Reason.REPLAYED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(verifier.verify(headers(SECRET, ID, NOW + 302, CALL_INCOMING), bytes(CALL_INCOMING)))
                .as("forgotten once no delivery signed with it in the window can be accepted").isNotNull();
    }

    @Test
    void theStoreIsAskedToRememberEachIdUntilItsTimestampLeavesTheWindow() {
        RecordingStore store = new RecordingStore(InMemoryWebhookReplayStore.create());
        WebhookVerifier recorded = WebhookVerifier.builder().secrets(SECRET).clock(clock).replayStore(store).build();

        recorded.verify(headers(SECRET, "msg_now", NOW, CALL_INCOMING), bytes(CALL_INCOMING));
        recorded.verify(headers(SECRET, "msg_ahead", NOW + 100, CALL_INCOMING), bytes(CALL_INCOMING));
        recorded.verify(headers(SECRET, "msg_behind", NOW - 300, CALL_INCOMING), bytes(CALL_INCOMING));

        assertThat(store.retentions).containsExactly(Duration.ofSeconds(301), Duration.ofSeconds(401), Duration.ofSeconds(1));
        assertThat(store.nows).containsOnly(Instant.ofEpochSecond(NOW));
    }

    @Test
    void aFullStoreForgetsTheOldestIdFirst() {
        WebhookVerifier small = WebhookVerifier.builder().secrets(SECRET).clock(clock)
                .replayStore(InMemoryWebhookReplayStore.create(2)).build();
        for (String id : List.of("msg_a", "msg_b", "msg_c")) {
            small.verify(headers(SECRET, id, NOW, CALL_INCOMING), bytes(CALL_INCOMING));
        }

        assertThat(((InMemoryWebhookReplayStore) small.replayStore()).size()).isEqualTo(2);
        assertThat(reason(() -> small.verify(headers(SECRET, "msg_c", NOW, CALL_INCOMING), bytes(CALL_INCOMING))))
                .isEqualTo(Reason.REPLAYED);
        assertThat(small.verify(headers(SECRET, "msg_a", NOW, CALL_INCOMING), bytes(CALL_INCOMING)))
                .as("evicted").isNotNull();
    }

    @Test
    void verifiersSharingAStoreRefuseAReplaySentToTheOther() {
        InMemoryWebhookReplayStore shared = InMemoryWebhookReplayStore.create();
        WebhookVerifier first = WebhookVerifier.builder().secrets(SECRET).clock(clock).replayStore(shared).build();
        WebhookVerifier second = WebhookVerifier.builder().secrets(SECRET).clock(clock).replayStore(shared).build();
        Map<String, String> headers = headers(SECRET, ID, NOW, CALL_INCOMING);

        first.verify(headers, bytes(CALL_INCOMING));
        assertThat(reason(() -> second.verify(headers, bytes(CALL_INCOMING)))).isEqualTo(Reason.REPLAYED);
    }

    @Test
    void aForgottenIdIsAcceptedAgainSoThatTheSendersRetryOfAFailedDeliveryGetsThrough() {
        Map<String, String> headers = headers(SECRET, ID, NOW, CALL_INCOMING);
        verifier.verify(headers, bytes(CALL_INCOMING));

        verifier.replayStore().forget(ID).block(Duration.ofSeconds(5));

        assertThat(verifier.verify(headers, bytes(CALL_INCOMING))).isNotNull();
        assertThat(reason(() -> verifier.verify(headers, bytes(CALL_INCOMING)))).isEqualTo(Reason.REPLAYED);
    }

    @Test
    void ofManyThreadsVerifyingTheSameDeliveryAtOnceExactlyOneSucceeds() throws Exception {
        int threads = 8;
        int deliveries = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int delivery = 0; delivery < deliveries; delivery++) {
                Map<String, String> headers = headers(SECRET, "msg_race_" + delivery, NOW, CALL_INCOMING);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (int thread = 0; thread < threads; thread++) {
                    Callable<Boolean> attempt = () -> {
                        start.await();
                        try {
                            verifier.verify(headers, bytes(CALL_INCOMING));
                            return true;
                        } catch (WebhookVerificationException e) {
                            assertThat(e.reason()).isEqualTo(Reason.REPLAYED);
                            return false;
                        }
                    };
                    outcomes.add(pool.submit(attempt));
                }
                start.countDown();
                int accepted = 0;
                for (Future<Boolean> outcome : outcomes) {
                    accepted += outcome.get() ? 1 : 0;
                }
                assertThat(accepted).as("delivery %d", delivery).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theInMemoryStoreStaysWithinItsBoundUnderConcurrentDistinctIds() throws Exception {
        InMemoryWebhookReplayStore store = InMemoryWebhookReplayStore.create(100);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int offset = thread;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        assertThat(store.markSeenSynchronously("msg_" + offset + "_" + i, Instant.ofEpochSecond(NOW),
                                Duration.ofMinutes(10))).isTrue();
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.size()).as("at most the capacity; racing evictions may each drop one more")
                .isBetween(100 - 4, 100);
    }

    @Test
    void expiredIdsAreClearedAsNewOnesArrive() {
        InMemoryWebhookReplayStore store = InMemoryWebhookReplayStore.create();
        Instant start = Instant.ofEpochSecond(NOW);
        for (int i = 0; i < 50; i++) {
            store.markSeenSynchronously("msg_" + i, start, Duration.ofSeconds(10));
        }
        assertThat(store.size()).isEqualTo(50);

        assertThat(store.markSeenSynchronously("msg_late", start.plusSeconds(11), Duration.ofSeconds(10))).isTrue();

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.markSeenSynchronously("msg_0", start.plusSeconds(11), Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void theInMemoryStoreRefusesBadArgumentsWithValidationErrors() {
        InMemoryWebhookReplayStore store = InMemoryWebhookReplayStore.create();
        Instant now = Instant.ofEpochSecond(NOW);

        assertThat(catchThrowableOfType(ValidationException.class, () -> InMemoryWebhookReplayStore.create(0)).field())
                .isEqualTo("maxIds");
        assertThat(catchThrowableOfType(ValidationException.class,
                () -> store.markSeenSynchronously(null, now, Duration.ofSeconds(1))).field()).isEqualTo("webhookId");
        assertThat(catchThrowableOfType(ValidationException.class,
                () -> store.markSeenSynchronously(ID, null, Duration.ofSeconds(1))).field()).isEqualTo("now");
        assertThat(catchThrowableOfType(ValidationException.class,
                () -> store.markSeenSynchronously(ID, now, null)).field()).isEqualTo("retention");
    }

    /** A real in-memory store that also records what the verifier asked of it. */
    private static final class RecordingStore implements WebhookReplayStore {

        private final WebhookReplayStore delegate;
        private final List<Duration> retentions = new ArrayList<>();
        private final List<Instant> nows = new ArrayList<>();

        RecordingStore(WebhookReplayStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Mono<Boolean> markSeen(String webhookId, Instant now, Duration retention) {
            return Mono.defer(() -> Mono.just(markSeenSynchronously(webhookId, now, retention)));
        }

        @Override
        public boolean markSeenSynchronously(String webhookId, Instant now, Duration retention) {
            retentions.add(retention);
            nows.add(now);
            return delegate.markSeenSynchronously(webhookId, now, retention);
        }

        @Override
        public Mono<Void> forget(String webhookId) {
            return delegate.forget(webhookId);
        }
    }
}
