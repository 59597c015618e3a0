package dev.realtimesessions.webhooks;

import dev.realtimesessions.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The {@link WebhookReplayStore} of one process: remembers up to a fixed number of
 * {@code webhook-id}s, each until its retention ends. When it is full, the oldest id is forgotten
 * first, so size it for the deliveries one tolerance window can bring (the default, 100,000 ids,
 * covers a steady 160 deliveries per second within a 5-minute tolerance either way).
 *
 * <p>Lock-free (a concurrent map and a concurrent queue), so it answers on an event loop without
 * blocking; {@link #markSeen} answers synchronously inside its {@code Mono}. Shared by every
 * verifier it is given to; one store per process is enough. Replicas behind a load balancer need a
 * shared store instead: see {@link WebhookReplayStore}.
 */
public final class InMemoryWebhookReplayStore implements WebhookReplayStore {

    /** The default capacity. */
    public static final int DEFAULT_MAX_IDS = 100_000;

    private final int maxIds;
    private final ConcurrentHashMap<String, Entry> seen = new ConcurrentHashMap<>();

    /** The entries in the order they were recorded, oldest first; may hold some already forgotten. */
    private final Queue<Entry> order = new ConcurrentLinkedQueue<>();

    /** The length of {@link #order}, which bounds the map's size. */
    private final AtomicInteger queued = new AtomicInteger();

    private InMemoryWebhookReplayStore(int maxIds) {
        this.maxIds = maxIds;
    }

    /**
     * A store for up to {@value #DEFAULT_MAX_IDS} ids.
     *
     * @return a new, empty store
     */
    public static InMemoryWebhookReplayStore create() {
        return new InMemoryWebhookReplayStore(DEFAULT_MAX_IDS);
    }

    /**
     * A store for up to {@code maxIds} ids.
     *
     * @param maxIds how many ids to remember at most; the oldest is forgotten first
     * @return a new, empty store
     * @throws ValidationException if {@code maxIds} is not positive
     */
    public static InMemoryWebhookReplayStore create(int maxIds) {
        if (maxIds < 1) {
            throw new ValidationException("maxIds", "must be at least 1, but was " + maxIds);
        }
        return new InMemoryWebhookReplayStore(maxIds);
    }

    /**
     * Answers from memory, on the subscriber's thread, when subscribed.
     *
     * @param webhookId the delivery's {@code webhook-id}
     * @param now the verifier's clock reading, which decides when ids expire
     * @param retention how long to remember the id
     * @return {@code true} if the id is recorded now, {@code false} if it was already
     */
    @Override
    public Mono<Boolean> markSeen(String webhookId, Instant now, Duration retention) {
        return Mono.fromSupplier(() -> markSeenSynchronously(webhookId, now, retention));
    }

    /**
     * Answers from memory, without waiting.
     *
     * @param webhookId the delivery's {@code webhook-id}
     * @param now the verifier's clock reading, which decides when ids expire
     * @param retention how long to remember the id
     * @return {@code true} if the id is recorded now, {@code false} if it was already
     */
    @Override
    public boolean markSeenSynchronously(String webhookId, Instant now, Duration retention) {
        notNull("webhookId", webhookId);
        notNull("now", now);
        notNull("retention", retention);
        Entry fresh = new Entry(webhookId, now.plus(retention));
        for (Entry existing = seen.putIfAbsent(webhookId, fresh); existing != null;
                existing = seen.putIfAbsent(webhookId, fresh)) {
            if (!now.isAfter(existing.expiresAt)) {
                return false;
            }
            if (seen.replace(webhookId, existing, fresh)) {
                break;
            }
        }
        order.add(fresh);
        queued.incrementAndGet();
        trim(now);
        return true;
    }

    /**
     * Forgets the id now.
     *
     * @param webhookId the delivery's {@code webhook-id}
     * @return a {@code Mono} that forgets the id when subscribed
     */
    @Override
    public Mono<Void> forget(String webhookId) {
        return Mono.fromRunnable(() -> seen.remove(webhookId));
    }

    /**
     * How many ids the store remembers now, expired ones not yet cleared included.
     *
     * @return the number of ids held
     */
    public int size() {
        return seen.size();
    }

    private static void notNull(String field, @Nullable Object value) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
    }

    /** Drops the oldest entries beyond the capacity, then those at the head whose retention has ended. */
    private void trim(Instant now) {
        while (queued.get() > maxIds) {
            Entry oldest = order.poll();
            if (oldest == null) {
                break;
            }
            queued.decrementAndGet();
            seen.remove(oldest.id, oldest);
        }
        for (Entry head = order.peek(); head != null && now.isAfter(head.expiresAt); head = order.peek()) {
            if (order.remove(head)) {
                queued.decrementAndGet();
                seen.remove(head.id, head);
            }
        }
    }

    /**
     * Shows the capacity and the number of ids held.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "InMemoryWebhookReplayStore[maxIds=" + maxIds + ", size=" + seen.size() + "]";
    }

    /** One recorded id; compared by identity, so that an expired entry is never mistaken for its successor. */
    private static final class Entry {

        private final String id;
        private final Instant expiresAt;

        private Entry(String id, Instant expiresAt) {
            this.id = id;
            this.expiresAt = expiresAt;
        }
    }
}
