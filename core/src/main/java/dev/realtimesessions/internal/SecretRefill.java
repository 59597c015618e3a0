package dev.realtimesessions.internal;

import dev.realtimesessions.RealtimeSessionsException;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * A {@code ClientSecretPool}'s background minting: once started, it mints whenever the stock plus
 * the mints in flight is below the pool's size, at most {@code refillConcurrency} in flight. A
 * failed mint pauses refilling for a {@link Backoff#exponential backoff} that doubles with each
 * failure in a row; a minted secret resets it.
 */
public final class SecretRefill {

    private static final Logger log = LoggerFactory.getLogger("dev.realtimesessions.ClientSecretPool");

    private final Supplier<Mono<ClientSecretCreateResponse>> mint;
    private final SecretStock stock;
    private final PoolResources resources;
    private final int size;
    private final int refillConcurrency;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private final AtomicInteger drainWork = new AtomicInteger();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicReference<@Nullable Pause> pause = new AtomicReference<>();

    /**
     * @param mint one mint with the pool's template and options
     * @param size the most secrets stocked and in flight together
     * @param refillConcurrency the most mints in flight
     * @param initialBackoff the pause after the first failure in a row
     * @param maxBackoff the longest pause
     */
    public SecretRefill(Supplier<Mono<ClientSecretCreateResponse>> mint, SecretStock stock, PoolResources resources,
            int size, int refillConcurrency, Duration initialBackoff, Duration maxBackoff) {
        this.mint = mint;
        this.stock = stock;
        this.resources = resources;
        this.size = size;
        this.refillConcurrency = refillConcurrency;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** Starts refilling, if not started yet. */
    public void start() {
        if (started.compareAndSet(false, true)) {
            mintIfShort();
        }
    }

    /** The mints in flight now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Whether refilling is paused after failures. */
    public boolean isPaused() {
        return pause.get() != null;
    }

    /**
     * Starts refill mints while the stock and the mints in flight are below the size, at most
     * {@code refillConcurrency} in flight, unless closed or paused. Serialized: one thread decides
     * at a time; a call during another's pass makes that pass look again. A pass first decides how
     * many mints to start, then starts them all: a mint that fails at once does not cut short the
     * round it belongs to, so each round is the same whatever the timing.
     */
    public void mintIfShort() {
        if (!started.get() || drainWork.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            int round = 0;
            while (!resources.isClosed() && pause.get() == null && inFlight.get() < refillConcurrency
                    && stock.available() + inFlight.get() < size) {
                inFlight.incrementAndGet();
                round++;
            }
            for (int begun = 0; begun < round; begun++) {
                Mint subscriber = new Mint();
                if (!resources.add(subscriber)) {
                    inFlight.addAndGet(begun - round);
                    break;
                }
                mint.get().subscribe(subscriber);
            }
            missed = drainWork.addAndGet(-missed);
        } while (missed != 0);
    }

    /** Stocks a secret a refill mint brought; returns what to log if it came already stale. */
    private @Nullable String minted(ClientSecretCreateResponse secret) {
        if (!stock.add(secret)) {
            return failed(new RealtimeSessionsException("minted a client secret expiring at " + secret.expiresAt()
                    + ", already within the expiry margin of " + stock.margin()
                    + ": the margin must be shorter than the secret's lifetime"));
        }
        failuresInARow.set(0);
        return null;
    }

    /**
     * Pauses refilling after a failed refill mint; returns what to log, which the mint logs once it
     * has given up its slot (so that whoever reads the log sees the pool's state settled).
     */
    private @Nullable String failed(Throwable error) {
        if (resources.isClosed()) {
            return null;
        }
        int failures = failuresInARow.incrementAndGet();
        long delay = Backoff.exponential(initialBackoff, maxBackoff, failures).toMillis();
        Pause next = new Pause(failures);
        @Nullable Pause current;
        do {
            current = pause.get();
            if (current != null && current.failures > failures) {
                // A later failure, handled first on another thread, set a pause at least as long.
                return "a refill mint of the ClientSecretPool failed (" + failures + " in a row); refilling is paused: "
                        + error;
            }
        } while (!pause.compareAndSet(current, next));
        resources.schedule(next, delay);
        return "a refill mint of the ClientSecretPool failed (" + failures + " in a row); refilling again in "
                + Duration.ofMillis(delay) + ": " + error;
    }

    /** A pause in refilling; it ends, and refilling resumes, unless a later failure replaced it. */
    private final class Pause implements Runnable {
        final int failures;

        Pause(int failures) {
            this.failures = failures;
        }

        @Override
        public void run() {
            if (pause.compareAndSet(this, null)) {
                mintIfShort();
            }
        }
    }

    /** One background mint; cancelled when the pool closes. */
    private final class Mint extends BaseSubscriber<ClientSecretCreateResponse> {
        private boolean received;
        private @Nullable String failure;

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            subscription.request(1);
        }

        @Override
        protected void hookOnNext(ClientSecretCreateResponse secret) {
            received = true;
            failure = minted(secret);
        }

        @Override
        protected void hookOnComplete() {
            if (!received) {
                failure = failed(new RealtimeSessionsException("the mint completed without a client secret"));
            }
        }

        @Override
        protected void hookOnError(Throwable error) {
            failure = failed(error);
        }

        @Override
        protected void hookFinally(SignalType type) {
            resources.remove(this);
            inFlight.decrementAndGet();
            if (failure != null) {
                log.warn(failure);
            }
            mintIfShort();
        }
    }
}
