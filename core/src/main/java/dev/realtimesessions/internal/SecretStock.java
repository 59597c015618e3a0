package dev.realtimesessions.internal;

import dev.realtimesessions.model.ClientSecretCreateResponse;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * A {@code ClientSecretPool}'s stock: fresh secrets, each handed out once. A secret is fresh until
 * the expiry margin before its {@code expiresAt}; a timer per stocked secret discards it at that
 * moment (and the pool refills), and {@link #takeFresh()} checks again before handing one out. The
 * timers stay as many as the secrets in stock, however many pass through.
 */
public final class SecretStock {

    private static final Logger log = LoggerFactory.getLogger("dev.realtimesessions.ClientSecretPool");

    private final Queue<Entry> stock = new ConcurrentLinkedQueue<>();
    private final AtomicInteger stocked = new AtomicInteger();
    private final Duration margin;
    private final PoolResources resources;
    private final Runnable onDiscard;

    /**
     * @param margin how long before its expiry a secret stops being handed out
     * @param onDiscard run after expired secrets were discarded, to refill
     */
    public SecretStock(Duration margin, PoolResources resources, Runnable onDiscard) {
        this.margin = margin;
        this.resources = resources;
        this.onDiscard = onDiscard;
    }

    /** The secrets in stock now, a snapshot. */
    public int available() {
        return Math.max(0, stocked.get());
    }

    /** A fresh secret out of the stock, never to be handed out again; null when none is left. */
    public @Nullable ClientSecretCreateResponse takeFresh() {
        long now = PoolResources.now();
        Entry entry;
        while ((entry = stock.poll()) != null) {
            stocked.decrementAndGet();
            cancelSweep(entry);
            if (entry.freshUntil > now) {
                return entry.secret;
            }
            log.debug("discarded a pooled client secret expiring at {}, within the margin", entry.secret.expiresAt());
        }
        return null;
    }

    /**
     * Stocks a newly minted secret.
     *
     * @return false, and nothing stocked, when the secret is already within the margin
     */
    boolean add(ClientSecretCreateResponse secret) {
        long now = PoolResources.now();
        long freshUntil = secret.expiresAt().toEpochMilli() - margin.toMillis();
        if (freshUntil <= now) {
            return false;
        }
        // The sweep is scheduled before the secret is counted, so that whoever sees it in stock
        // also sees its expiry timer set.
        Disposable sweep = resources.schedule(this::sweep, freshUntil - now);
        stocked.incrementAndGet();
        stock.offer(new Entry(secret, freshUntil, sweep));
        if (resources.isClosed()) {
            drop();
        }
        return true;
    }

    /** Drops every stocked secret. */
    public void drop() {
        while (stock.poll() != null) {
            stocked.decrementAndGet();
        }
    }

    Duration margin() {
        return margin;
    }

    /** Discards every stocked secret whose margin has been reached, then asks for a refill. */
    private void sweep() {
        long now = PoolResources.now();
        for (Entry entry : stock) {
            if (entry.freshUntil <= now && stock.remove(entry)) {
                stocked.decrementAndGet();
                cancelSweep(entry);
                log.debug("discarded a pooled client secret expiring at {}, within the margin", entry.secret.expiresAt());
            }
        }
        onDiscard.run();
    }

    /** Cancels the expiry timer of a secret that left the stock. */
    private void cancelSweep(Entry entry) {
        resources.remove(entry.sweep);
        entry.sweep.dispose();
    }

    /** A stocked secret and the moment it stops being fresh, in the scheduler's milliseconds. */
    private static final class Entry {
        final ClientSecretCreateResponse secret;
        final long freshUntil;
        final Disposable sweep;

        Entry(ClientSecretCreateResponse secret, long freshUntil, Disposable sweep) {
            this.secret = secret;
            this.freshUntil = freshUntil;
            this.sweep = sweep;
        }
    }
}
