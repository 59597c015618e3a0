package dev.realtimesessions.internal;

import dev.realtimesessions.BearerToken;
import dev.realtimesessions.BearerTokenSource;
import dev.realtimesessions.CredentialException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * The bearer token every call of a client sends, from its {@link BearerTokenSource}: fetched by one
 * caller at a time and kept until its refresh time.
 *
 * <ul>
 *   <li>Before its refresh time the token is used as it is, and nothing is fetched.</li>
 *   <li>Between its refresh time and its expiry the token is still used, and the first call to see
 *       it due starts a fetch in the background; calls meanwhile keep using it. A fetch that fails
 *       leaves it in use (with a warning) until it expires, and the next call starts another.</li>
 *   <li>With no token, or an expired one, calls wait for the one fetch running (starting it if
 *       none is); a failed fetch fails every waiting call with a {@link CredentialException} and is
 *       not kept.</li>
 * </ul>
 *
 * <p>The refresh time is the expiry less the margin, or less half the token's remaining life when
 * that is shorter, so that a short-lived token is not fetched anew for every call. A fetch belongs
 * to no call: a caller that gives up does not cancel it, and it ends within the fetch timeout.
 * Times are read from the caller's scheduler, so that tests can run the cache in virtual time.
 */
final class TokenCache {

    private static final Logger log = LoggerFactory.getLogger("dev.realtimesessions.RealtimeSessions");

    private final BearerTokenSource source;
    private final long marginMillis;
    private final Duration fetchTimeout;
    /** The token in use; once set, never null again. */
    private volatile @Nullable Held held;
    /** The fetch running, if one is. */
    private final AtomicReference<@Nullable Fetch> fetching = new AtomicReference<>();

    /**
     * @param margin how long before a token's expiry it is refreshed
     * @param fetchTimeout how long one fetch may take before it fails
     */
    TokenCache(BearerTokenSource source, Duration margin, Duration fetchTimeout) {
        this.source = source;
        this.marginMillis = margin.toMillis();
        this.fetchTimeout = fetchTimeout;
    }

    /** The token to send at {@code nowMillis} if it is not yet due for refresh; otherwise null, and {@link #due} decides. */
    @Nullable String fresh(long nowMillis) {
        Held current = held;
        return current != null && nowMillis < current.refreshAt ? current.value : null;
    }

    /**
     * The token for a call that found none {@link #fresh}: the current one while it has not
     * expired (starting a refresh if none is running), else the outcome of the one fetch running.
     */
    Mono<String> due(Scheduler clock) {
        for (;;) {
            long now = clock.now(TimeUnit.MILLISECONDS);
            Held current = held;
            if (current != null && now < current.refreshAt) {
                return Mono.just(current.value);
            }
            Fetch running = fetching.get();
            if (running == null) {
                Fetch mine = new Fetch(clock);
                if (!fetching.compareAndSet(null, mine)) {
                    continue;
                }
                if (held != current) {
                    // A fetch ended between reading the token and claiming the next one: look again.
                    fetching.compareAndSet(mine, null);
                    continue;
                }
                mine.start();
                running = mine;
            }
            if (current != null && now < current.expiresAt) {
                // A source that answers at once has replaced the token already.
                Held latest = held;
                return Mono.just(latest != null ? latest.value : current.value);
            }
            return running.outcome();
        }
    }

    /** A token in use and the times, in the caller's clock's milliseconds, at which it is due and expires. */
    private record Held(String value, long refreshAt, long expiresAt) {
        @Override
        public String toString() {
            return "TokenCache.Held[***]";
        }
    }

    /** One subscription to the source, and the outcome the calls waiting for it share. */
    private final class Fetch implements CoreSubscriber<BearerToken> {
        private final Scheduler clock;
        private final Sinks.One<String> outcome = Sinks.one();
        private @Nullable BearerToken token;

        Fetch(Scheduler clock) {
            this.clock = clock;
        }

        void start() {
            Mono.defer(source::token).timeout(fetchTimeout, clock).subscribe(this);
        }

        Mono<String> outcome() {
            return outcome.asMono();
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(BearerToken next) {
            token = next;
        }

        @Override
        public void onError(Throwable error) {
            failed(error instanceof TimeoutException
                    ? new CredentialException("the bearer token source gave no token within " + fetchTimeout
                            + " (the client's timeout); check the identity service and the source", error)
                    : new CredentialException("the bearer token source failed: "
                            + Redactor.redact(String.valueOf(error)), error));
        }

        @Override
        public void onComplete() {
            BearerToken received = token;
            if (received == null) {
                failed(new CredentialException("the bearer token source completed without a token", null));
                return;
            }
            long now = clock.now(TimeUnit.MILLISECONDS);
            long expiresAt = epochMillis(received.expiresAt());
            String problem = problem(received.value(), expiresAt, now);
            if (problem != null) {
                failed(new CredentialException("the bearer token source gave a token that " + problem, null));
                return;
            }
            long refreshAt = expiresAt - Math.min(marginMillis, (expiresAt - now) / 2);
            held = new Held(received.value(), refreshAt, expiresAt);
            fetching.compareAndSet(this, null);
            outcome.tryEmitValue(received.value());
        }

        private void failed(CredentialException error) {
            fetching.compareAndSet(this, null);
            Held current = held;
            if (current != null && clock.now(TimeUnit.MILLISECONDS) < current.expiresAt) {
                log.warn("Refreshing the bearer token failed; calls keep the current token until it expires at {},"
                        + " and the next call asks again: {}", Instant.ofEpochMilli(current.expiresAt), error.getMessage());
            }
            outcome.tryEmitError(error);
        }
    }

    /** Why a token cannot be sent, or null if it can; never shows the token. */
    private static @Nullable String problem(String value, long expiresAt, long now) {
        if (value.isBlank()) {
            return "is blank";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return "holds a space, control or non-ASCII character at index " + i;
            }
        }
        if (expiresAt <= now) {
            return "expired at " + Instant.ofEpochMilli(expiresAt) + ", not after now (" + Instant.ofEpochMilli(now)
                    + "); check the source and the machine's clock";
        }
        return null;
    }

    private static long epochMillis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
