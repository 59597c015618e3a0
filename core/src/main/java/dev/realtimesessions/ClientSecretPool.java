package dev.realtimesessions;

import dev.realtimesessions.internal.PoolResources;
import dev.realtimesessions.internal.SecretRefill;
import dev.realtimesessions.internal.SecretStock;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.ExpiresAfter;
import java.time.Duration;
import reactor.core.publisher.Mono;

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

    private final RealtimeSessions sessions;
    private final ClientSecretCreateRequest template;
    private final RequestOptions options;
    private final int size;
    private final Duration expiryMargin;
    private final int refillConcurrency;
    private final PoolResources resources = new PoolResources();
    private final SecretStock stock;
    private final SecretRefill refill;

    private ClientSecretPool(Builder builder) {
        this.sessions = builder.sessions;
        this.template = builder.template;
        this.options = builder.options;
        this.size = builder.size;
        this.expiryMargin = builder.expiryMargin;
        this.refillConcurrency = builder.refillConcurrency;
        this.stock = new SecretStock(expiryMargin, resources, this::mintIfShort);
        this.refill = new SecretRefill(this::mint, stock, resources, size, refillConcurrency, builder.initialBackoff,
                builder.maxBackoff);
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
        if (resources.isClosed()) {
            throw closedException();
        }
        refill.start();
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
            if (resources.isClosed()) {
                return Mono.error(closedException());
            }
            refill.start();
            ClientSecretCreateResponse secret = stock.takeFresh();
            refill.mintIfShort();
            return secret != null ? Mono.just(secret) : mint();
        });
    }

    /**
     * The secrets in stock now, a snapshot: at most {@link Builder#size(int) N}.
     *
     * @return how many secrets {@link #take()} could hand out without a mint
     */
    public int available() {
        return stock.available();
    }

    /**
     * Stops refilling, cancels the mints in flight and drops the stock; afterwards {@link #take()}
     * and {@link #start()} fail with a {@link RealtimeSessionsException}. Idempotent, does not block,
     * and leaves the {@link RealtimeSessions} client open.
     */
    @Override
    public void close() {
        resources.close();
        stock.drop();
    }

    /**
     * Describes the pool's settings and state, never a secret.
     *
     * @return a description that is safe to log
     */
    @Override
    public String toString() {
        return "ClientSecretPool{size=" + size + ", expiryMargin=" + expiryMargin + ", refillConcurrency="
                + refillConcurrency + ", available=" + available() + ", minting=" + refill.inFlight()
                + (refill.isPaused() ? ", backing off" : "") + (resources.isClosed() ? ", closed" : "") + "}";
    }

    private Mono<ClientSecretCreateResponse> mint() {
        return sessions.createClientSecret(template, options);
    }

    /** After the stock discarded expired secrets. */
    private void mintIfShort() {
        refill.mintIfShort();
    }

    private static RealtimeSessionsException closedException() {
        return new RealtimeSessionsException("the ClientSecretPool is closed; mint with RealtimeSessions directly"
                + " or build a new pool");
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
