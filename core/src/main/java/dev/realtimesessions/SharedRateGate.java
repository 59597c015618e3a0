package dev.realtimesessions;

import reactor.core.publisher.Flux;

/**
 * Carries what each client's rate gate learns to the rate gates of other clients, typically the
 * replicas of an application behind a load balancer, which share OpenAI's limit for their key and
 * project: a hold after a 429, or the rate the server described, learned by one replica, holds or
 * paces the others before each meets a 429 of its own. {@code RedisSharedRateGate} in
 * {@code realtime-sessions-redis} carries it through Redis.
 *
 * <pre>{@code
 * RealtimeSessions sessions = RealtimeSessions.builder()
 *     .apiKey(System.getenv("OPENAI_API_KEY"))
 *     .sharedRateGate(RedisSharedRateGate.builder(redisClient, redisUri).build())
 *     .build();
 * }</pre>
 *
 * <p>The local gate stays the only thing on a call's path: a call never waits for this. The gate
 * {@link #publish publishes} when an answer teaches it something about a credential under pressure,
 * and merges the {@link #news() news} of other clients into what it knows with the rules it learns
 * by: a later end of a hold or refill wins, an earlier one is ignored, the latest rate is taken,
 * waits longer than the client's {@link RetryPolicy#maxRetryAfter()} are ignored, and requests the
 * other clients reported in flight are counted as its own until they are answered. News is never
 * published again, and a client ignores its own. When the implementation cannot pass news on (its
 * store is down), each client paces on what it learns itself, as without it.
 *
 * <p>Times cross between clients as wall-clock instants, converted to and from each client's
 * scheduler clock: keep the clocks of the machines in step (NTP). One implementation may serve
 * several clients.
 */
public interface SharedRateGate {

    /**
     * Passes on what this client's gate learned, to be heard by the other clients. Called on the
     * thread of the answer, often a Netty event loop: it must return at once, without blocking and
     * without throwing (a throw is logged and ignored), and may drop or coalesce what it cannot
     * send yet: every state describes the credential whole, so the latest per credential is enough.
     *
     * @param state what the gate knows now of one credential
     */
    void publish(RateGateState state);

    /**
     * What the other clients learned, as they publish it. Subscribed once when a client is built
     * and cancelled when it is closed; a state may arrive on any thread and must not be delivered
     * under a lock that a publisher may wait for. The flux should not end while it is subscribed:
     * if it fails, the client logs a WARN and paces on what it learns itself from then on. It may
     * start with what is already known (what other clients published earlier and that still
     * applies), and may repeat it after it lost touch with the others for a while.
     *
     * @return the other clients' states, for as long as the subscriber stays
     */
    Flux<RateGateState> news();
}
