package dev.realtimesessions.adapter.webflux;

import dev.realtimesessions.ValidationException;
import java.time.Clock;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * How many client secrets each user may mint: one of the {@link TokenGuardrails}. The endpoint asks
 * once per request, after every other rule passed and before minting; a refused request is answered
 * {@code 429} with {@code Retry-After} and mints nothing.
 *
 * <p>{@link #inMemory(int, Duration)} keeps the counts in this JVM; for several instances, implement
 * this interface over a shared store (Redis {@code INCR} with an expiry, say). Implementations must
 * not block. An error signalled by {@link #tryAcquire(String)} fails closed: the request is answered
 * {@code 500} and nothing is minted.
 */
@FunctionalInterface
public interface RealtimeTokenQuota {

    /**
     * Takes one secret from {@code user}'s quota, if there is one left.
     *
     * @param user the user, as resolved by {@link TokenGuardrails.Builder#user(java.util.function.Function)}
     * @return the decision; completing empty counts as a refusal
     */
    Mono<Decision> tryAcquire(String user);

    /**
     * An in-memory quota of {@code requests} per user in each window of length {@code per}. Windows are
     * aligned to the clock (every user's window starts together), so the counts of a finished window
     * are dropped at once and memory holds only the users seen in the current window, at most 100,000
     * of them: further users are refused until the window ends. Thread-safe.
     *
     * @param requests the secrets each user may mint per window, at least 1
     * @param per the window's length, at least one second
     * @return the quota
     * @throws ValidationException if {@code requests} is not positive or {@code per} is null or shorter than a second
     */
    static RealtimeTokenQuota inMemory(int requests, Duration per) {
        return new InMemoryTokenQuota(requests, per, InMemoryTokenQuota.DEFAULT_MAX_USERS, Clock.systemUTC());
    }

    /**
     * A quota decision.
     *
     * @param allowed whether the secret may be minted
     * @param retryAfter when refused, how long until the user may try again; {@link Duration#ZERO} when allowed
     */
    record Decision(boolean allowed, Duration retryAfter) {

        /**
         * Validates the decision.
         *
         * @param allowed whether the secret may be minted
         * @param retryAfter when refused, how long until the user may try again; {@link Duration#ZERO} when allowed
         * @throws ValidationException if {@code retryAfter} is null or negative
         */
        public Decision {
            if (retryAfter == null || retryAfter.isNegative()) {
                throw new ValidationException("retryAfter", "must be zero or positive, but was " + retryAfter);
            }
        }

        /**
         * The secret may be minted.
         *
         * @return an allowing decision
         */
        public static Decision allow() {
            return new Decision(true, Duration.ZERO);
        }

        /**
         * The quota is used up.
         *
         * @param retryAfter how long until the user may try again
         * @return a refusing decision
         */
        public static Decision refuse(Duration retryAfter) {
            return new Decision(false, retryAfter);
        }
    }
}
