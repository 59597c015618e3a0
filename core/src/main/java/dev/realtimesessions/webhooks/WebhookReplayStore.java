package dev.realtimesessions.webhooks;

import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Where {@link WebhookVerifier} remembers the {@code webhook-id}s it accepted, so that a delivery
 * seen before is refused as {@link WebhookVerificationException.Reason#REPLAYED}. The verifier asks
 * only after a delivery's signature and timestamp are verified, so a forged request cannot use up
 * an id.
 *
 * <p>{@link InMemoryWebhookReplayStore} is the default and serves one process. Replicas behind a
 * load balancer need a shared store, or a replay sent to another replica is accepted again; a shared
 * store implements {@link #markSeen} without blocking (for example Redis {@code SET id 1 NX PX
 * retention} through a reactive client) and may leave {@link #markSeenSynchronously} to its default.
 * Implementations must be thread-safe.
 */
public interface WebhookReplayStore {

    /**
     * Records {@code webhookId} as seen for {@code retention}, unless it already is. Must not block:
     * it runs on event loops, inside {@link WebhookVerifier#verifyNonBlocking}.
     *
     * @param webhookId the delivery's {@code webhook-id} header, as received
     * @param now the verifier's clock reading, for a store that keeps time itself; a shared store may
     *     rely on its own clock and {@code retention} alone
     * @param retention how long to remember the id: until the delivery's timestamp leaves the
     *     verifier's tolerance window, and never less than one second
     * @return a {@code Mono} that emits {@code true} if the id was not seen within its retention and
     *     is now recorded, {@code false} if it was (a replay), or an error if the store failed
     */
    Mono<Boolean> markSeen(String webhookId, Instant now, Duration retention);

    /**
     * {@link #markSeen} for {@link WebhookVerifier#verify}, answering on the caller's thread. This
     * default waits for {@code markSeen}, so with a store that answers over the network, the
     * synchronous {@code verify} must not run on an event loop, and the store bounds how long it
     * takes to answer (a command timeout) so that a hung backend cannot hang a caller; a store that
     * answers from memory overrides it to answer without waiting.
     *
     * @param webhookId the delivery's {@code webhook-id} header, as received
     * @param now the verifier's clock reading
     * @param retention how long to remember the id, never less than one second
     * @return {@code true} if the id was not seen within its retention and is now recorded,
     *     {@code false} if it was
     * @throws RuntimeException if the store failed or gave no answer
     */
    default boolean markSeenSynchronously(String webhookId, Instant now, Duration retention) {
        Boolean firstTime = markSeen(webhookId, now, retention).block();
        if (firstTime == null) {
            throw new IllegalStateException(this + " completed without saying whether the id was seen");
        }
        return firstTime;
    }

    /**
     * Forgets {@code webhookId}, so that the same delivery is accepted again: for an application
     * that verified a delivery but failed to process it, and answers with an error so that the sender
     * retries it (a retry keeps its {@code webhook-id}). Must not block.
     *
     * @param webhookId the delivery's {@code webhook-id} header, as received
     * @return a {@code Mono} that completes once the id is forgotten
     */
    Mono<Void> forget(String webhookId);
}
