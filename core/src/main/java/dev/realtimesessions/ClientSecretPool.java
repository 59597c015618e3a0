package dev.realtimesessions;

import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.ExpiresAfter;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps up to {@link Builder#size(int) N} fresh client secrets minted ahead of time for one request
 * template (and one set of {@link RequestOptions}, such as a tenant's API key), so that a caller
 * gets a secret without a round trip to OpenAI.
 *
 * <pre>{@code
 * ClientSecretPool pool = ClientSecretPool.builder(sessions, request)
 *     .size(8)                                   // at most 8 secrets stocked or being minted
 *     .expiryMargin(Duration.ofMinutes(1))       // never hand out one that expires within a minute
 *     .requestOptions(RequestOptions.builder().apiKey(tenant.openAiKey()).build())
 *     .build()
 *     .start();                                  // or let the first take() start it
 *
 * Mono<ClientSecretCreateResponse> secret = pool.take();   // from stock, else a normal mint
 * }</pre>
 *
 * <p><strong>Hand-out.</strong> {@link #take()} hands each pooled secret to exactly one subscriber,
 * never to two: a secret can open several sessions, so it is never shared between callers. When the
 * stock is empty it falls through to a normal {@link RealtimeSessions#createClientSecret(
 * ClientSecretCreateRequest, RequestOptions) createClientSecret} with the same template and
 * options, whose failures reach the caller as they would without a pool.
 *
 * <p><strong>Refill.</strong> Once started, the pool mints in the background whenever its stock plus
 * the mints in flight is below N, with at most {@link Builder#refillConcurrency(int)} mints in
 * flight: never more than N secrets outstanding, never a burst of mints. A failed refill mint (after
 * the client's own retries) is logged and pauses refilling for a backoff that doubles with each
 * failure in a row (see {@link Builder#refillBackoff(Duration, Duration)}); refill failures never
 * reach callers of {@link #take()}.
 *
 * <p><strong>Expiry.</strong> A secret is fresh until {@link Builder#expiryMargin(Duration)} before
 * its {@code expiresAt}. A stocked secret is discarded when that moment comes (and the pool refills),
 * and {@link #take()} checks again before handing one out. Time is read from
 * {@code Schedulers.parallel()}, which is the system clock unless Reactor's virtual time is on.
 *
 * <p><strong>Close.</strong> {@link #close()} stops refilling, cancels the mints in flight and drops
 * the stock; {@link #take()} then fails with a {@link RealtimeSessionsException}. It does not close
 * the {@link RealtimeSessions} client, which the caller owns.
 *
 * <p>The pool is thread-safe and non-blocking; build one per template and tenant and share it.
 */
public final class ClientSecretPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClientSecretPool.class);

    private final RealtimeSessions sessions;
    private final ClientSecretCreateRequest template;
    private final RequestOptions options;
    private final int size;
    private final long marginMillis;
    private final int refillConcurrency;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    private final Queue<Entry> stock = new ConcurrentLinkedQueue<>();
    private final AtomicInteger stocked = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private final AtomicInteger drainWork = new AtomicInteger();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicReference<@Nullable Backoff> backoff = new AtomicReference<>();
    /** The mints in flight and the timers (expiry sweeps, backoffs); disposed by {@link #close()}. */
    private final Disposable.Composite resources = Disposables.composite();
    private volatile boolean closed;

    private ClientSecretPool(Builder builder) {
        this.sessions = builder.sessions;
        this.template = builder.template;
        this.options = builder.options;
        this.size = builder.size;
        this.marginMillis = builder.expiryMargin.toMillis();
        this.refillConcurrency = builder.refillConcurrency;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
    }

    /**
     * A builder for a pool of secrets minted with {@code sessions} from {@code template}; defaults:
     * size 4, expiry margin 30 s, refill concurrency 2, refill backoff 1 s doubling to 1 min,
     * {@link RequestOptions#none()}.
     *
     * @param sessions the client to mint with; the pool uses it but does not close it
     * @param template the request every pooled secret is minted from
     * @return a new builder
     * @throws ValidationException if an argument is null
     */
    public static Builder builder(RealtimeSessions sessions, ClientSecretCreateRequest template) {
        return new Builder(Arguments.notNull("sessions", sessions), Arguments.notNull("template", template));
    }

    /**
     * Starts refilling in the background, if not started yet; the first {@link #take()} also does.
     * Returns at once: the first secrets arrive as their mints complete.
     *
     * @return this pool
     * @throws RealtimeSessionsException if the pool is closed
     */
    public ClientSecretPool start() {
        if (closed) {
            throw closedException();
        }
        if (started.compareAndSet(false, true)) {
            drain();
        }
        return this;
    }

    /**
     * A fresh secret: one from the stock, handed to this subscriber only, or else, when the stock
     * is empty, a normal mint with the pool's template and options. Lazy: the secret is taken when
     * the {@code Mono} is subscribed (each subscription takes another); a subscriber that cancels
     * after that loses its secret, which is never handed to anyone else. Starts the pool if needed;
     * never blocks.
     *
     * @return the secret; an error only if the fall-through mint fails (as
     *     {@link RealtimeSessions#createClientSecret(ClientSecretCreateRequest, RequestOptions)}
     *     does), or a {@link RealtimeSessionsException} if the pool is closed
     */
    public Mono<ClientSecretCreateResponse> take() {
        return Mono.defer(() -> {
            if (closed) {
                return Mono.error(closedException());
            }
            start();
            long now = now();
            Entry entry;
            while ((entry = stock.poll()) != null) {
                stocked.decrementAndGet();
                cancelSweep(entry);
                if (entry.deadline > now) {
                    drain();
                    return Mono.just(entry.secret);
                }
                log.debug("discarded a pooled client secret expiring at {}, within the margin", entry.secret.expiresAt());
            }
            drain();
            return sessions.createClientSecret(template, options);
        });
    }

    /**
     * The secrets in stock now, a snapshot: at most {@link Builder#size(int) N}.
     *
     * @return how many secrets {@link #take()} could hand out without a mint
     */
    public int available() {
        return Math.max(0, stocked.get());
    }

    /**
     * Stops refilling, cancels the mints in flight and drops the stock; afterwards {@link #take()}
     * and {@link #start()} fail with a {@link RealtimeSessionsException}. Idempotent, does not block,
     * and leaves the {@link RealtimeSessions} client open.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        resources.dispose();
        dropStock();
    }

    /**
     * Describes the pool's settings and state, never a secret.
     *
     * @return a description that is safe to log
     */
    @Override
    public String toString() {
        return "ClientSecretPool{size=" + size + ", expiryMargin=" + Duration.ofMillis(marginMillis)
                + ", refillConcurrency=" + refillConcurrency + ", available=" + available() + ", minting="
                + inFlight.get() + (backoff.get() != null ? ", backing off" : "") + (closed ? ", closed" : "") + "}";
    }

    private static RealtimeSessionsException closedException() {
        return new RealtimeSessionsException("the ClientSecretPool is closed; mint with RealtimeSessions directly"
                + " or build a new pool");
    }

    private static long now() {
        return Schedulers.parallel().now(TimeUnit.MILLISECONDS);
    }

    private void dropStock() {
        while (stock.poll() != null) {
            stocked.decrementAndGet();
        }
    }

    /**
     * Starts refill mints while the stock and the mints in flight are below N, at most
     * {@link #refillConcurrency} in flight, unless closed or backing off. Serialized: one thread
     * decides at a time; a call during another's pass makes that pass look again. A pass first
     * decides how many mints to start, then starts them all: a mint that fails at once does not
     * cut short the round it belongs to, so each round is the same whatever the timing.
     */
    private void drain() {
        if (!started.get() || drainWork.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            int round = 0;
            while (!closed && backoff.get() == null && inFlight.get() < refillConcurrency
                    && stocked.get() + inFlight.get() < size) {
                inFlight.incrementAndGet();
                round++;
            }
            for (int begun = 0; begun < round; begun++) {
                Mint mint = new Mint();
                if (!resources.add(mint)) {
                    inFlight.addAndGet(begun - round);
                    break;
                }
                sessions.createClientSecret(template, options).subscribe(mint);
            }
            missed = drainWork.addAndGet(-missed);
        } while (missed != 0);
    }

    /** Stocks a secret a refill mint brought; returns what to log if it came already stale. */
    private @Nullable String minted(ClientSecretCreateResponse secret) {
        long now = now();
        long deadline = secret.expiresAt().toEpochMilli() - marginMillis;
        if (deadline <= now) {
            return refillFailed(new RealtimeSessionsException("minted a client secret expiring at " + secret.expiresAt()
                    + ", already within the expiry margin of " + Duration.ofMillis(marginMillis)
                    + ": the margin must be shorter than the secret's lifetime"));
        }
        failuresInARow.set(0);
        // The sweep is scheduled before the secret is counted, so that whoever sees it in stock
        // also sees its expiry timer set.
        Disposable sweep = schedule(this::sweep, deadline - now);
        stocked.incrementAndGet();
        stock.offer(new Entry(secret, deadline, sweep));
        if (closed) {
            dropStock();
        }
        return null;
    }

    /**
     * Pauses refilling after a failed refill mint; returns what to log, which the mint logs once it
     * has given up its slot (so that whoever reads the log sees the pool's state settled).
     */
    private @Nullable String refillFailed(Throwable error) {
        if (closed) {
            return null;
        }
        int failures = failuresInARow.incrementAndGet();
        long delay = dev.realtimesessions.internal.Backoff.exponential(initialBackoff, maxBackoff, failures).toMillis();
        Backoff pause = new Backoff(failures);
        @Nullable Backoff current;
        do {
            current = backoff.get();
            if (current != null && current.failures > failures) {
                // A later failure, handled first on another thread, set a pause at least as long.
                return "a refill mint of the ClientSecretPool failed (" + failures + " in a row); refilling is paused: "
                        + error;
            }
        } while (!backoff.compareAndSet(current, pause));
        schedule(pause, delay);
        return "a refill mint of the ClientSecretPool failed (" + failures + " in a row); refilling again in "
                + Duration.ofMillis(delay) + ": " + error;
    }

    /** Discards every stocked secret whose margin has been reached, then refills. */
    private void sweep() {
        long now = now();
        for (Entry entry : stock) {
            if (entry.deadline <= now && stock.remove(entry)) {
                stocked.decrementAndGet();
                cancelSweep(entry);
                log.debug("discarded a pooled client secret expiring at {}, within the margin",
                        entry.secret.expiresAt());
            }
        }
        drain();
    }

    /**
     * Cancels the expiry timer of a secret that left the stock, so that pending timers stay bounded
     * by the stock, however many secrets pass through.
     */
    private void cancelSweep(Entry entry) {
        resources.remove(entry.sweep);
        entry.sweep.dispose();
    }

    /**
     * Runs {@code action} after {@code delayMillis} on {@code Schedulers.parallel()}, unless closed
     * or cancelled first.
     */
    private Disposable schedule(Runnable action, long delayMillis) {
        Disposable.Swap task = Disposables.swap();
        if (!resources.add(task)) {
            return task;
        }
        task.update(Schedulers.parallel().schedule(() -> {
            resources.remove(task);
            action.run();
        }, Math.max(0, delayMillis), TimeUnit.MILLISECONDS));
        return task;
    }

    /** A stocked secret and the moment it stops being fresh, in the scheduler's milliseconds. */
    private static final class Entry {
        final ClientSecretCreateResponse secret;
        final long deadline;
        final Disposable sweep;

        Entry(ClientSecretCreateResponse secret, long deadline, Disposable sweep) {
            this.secret = secret;
            this.deadline = deadline;
            this.sweep = sweep;
        }
    }

    /** A pause in refilling; it ends, and refilling resumes, unless a later failure replaced it. */
    private final class Backoff implements Runnable {
        final int failures;

        Backoff(int failures) {
            this.failures = failures;
        }

        @Override
        public void run() {
            if (backoff.compareAndSet(this, null)) {
                drain();
            }
        }
    }

    /** One background mint; cancelled by {@link #close()}. */
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
                failure = refillFailed(new RealtimeSessionsException("the mint completed without a client secret"));
            }
        }

        @Override
        protected void hookOnError(Throwable error) {
            failure = refillFailed(error);
        }

        @Override
        protected void hookFinally(SignalType type) {
            resources.remove(this);
            inFlight.decrementAndGet();
            if (failure != null) {
                log.warn(failure);
            }
            drain();
        }
    }

    /**
     * Builds a {@link ClientSecretPool}. Setters check their argument at once and throw
     * {@link ValidationException} naming the option.
     */
    public static final class Builder {
        private final RealtimeSessions sessions;
        private final ClientSecretCreateRequest template;
        private RequestOptions options = RequestOptions.none();
        private int size = 4;
        private Duration expiryMargin = Duration.ofSeconds(30);
        private int refillConcurrency = 2;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofMinutes(1);

        private Builder(RealtimeSessions sessions, ClientSecretCreateRequest template) {
            this.sessions = sessions;
            this.template = template;
        }

        /**
         * Sets N, the most secrets the pool holds in stock and mints in the background together
         * (default 4).
         *
         * @param size positive
         * @return this builder
         */
        public Builder size(int size) {
            this.size = Arguments.positive("size", size);
            return this;
        }

        /**
         * Sets how long before its {@code expiresAt} a secret stops being handed out (default 30 s):
         * long enough for the caller to pass the secret on and open a session with it. Must be
         * shorter than the template's {@code expires_after}.
         *
         * @param expiryMargin zero or positive
         * @return this builder
         */
        public Builder expiryMargin(Duration expiryMargin) {
            this.expiryMargin = Arguments.nonNegative("expiryMargin", expiryMargin);
            return this;
        }

        /**
         * Sets the most background mints in flight at once (default 2).
         *
         * @param refillConcurrency positive
         * @return this builder
         */
        public Builder refillConcurrency(int refillConcurrency) {
            this.refillConcurrency = Arguments.positive("refillConcurrency", refillConcurrency);
            return this;
        }

        /**
         * Sets the pause in refilling after a failed background mint: {@code initial} after the
         * first failure, doubling with each failure in a row up to {@code max} (default 1 s to
         * 1 min). A successful mint resets it.
         *
         * @param initial positive
         * @param max at least {@code initial}
         * @return this builder
         */
        public Builder refillBackoff(Duration initial, Duration max) {
            Arguments.positive("refillBackoff.initial", initial);
            Arguments.positive("refillBackoff.max", max);
            if (max.compareTo(initial) < 0) {
                throw new ValidationException("refillBackoff.max", "must not be shorter than the initial backoff "
                        + initial + ", but was " + max);
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /**
         * Sets the options of every mint, background and fall-through (default
         * {@link RequestOptions#none()}): a tenant's API key or project, timeouts, retries.
         *
         * @param options the options
         * @return this builder
         */
        public Builder requestOptions(RequestOptions options) {
            this.options = Arguments.notNull("requestOptions", options, "use RequestOptions.none()");
            return this;
        }

        /**
         * Builds the pool, not yet started: {@link ClientSecretPool#start()} or the first
         * {@link ClientSecretPool#take()} starts it.
         *
         * @return a new pool; close it when done
         * @throws ValidationException if the expiry margin is not shorter than the template's
         *     {@code expires_after}
         */
        public ClientSecretPool build() {
            ExpiresAfter expiresAfter = template.expiresAfter();
            if (expiresAfter != null && expiryMargin.compareTo(expiresAfter.lifetime()) >= 0) {
                throw new ValidationException("expiryMargin", "must be shorter than the secrets' lifetime "
                        + expiresAfter.lifetime() + ", but was " + expiryMargin);
            }
            return new ClientSecretPool(this);
        }
    }
}
