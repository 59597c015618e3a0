package dev.realtimesessions.redis;

/**
 * What a decision that needs Redis does when Redis does not answer in time or fails: the connection
 * is down, the server is stopped, slow or refuses the command. Such decisions are logged (at most
 * one WARN a minute, however often Redis comes and goes, and an INFO when it answers again) and each
 * is counted in the {@code realtime.sessions.redis.fallbacks} counter when a {@code MeterRegistry}
 * is given. Redis is tried again by itself, and the shared state is used again as soon as it
 * answers.
 */
public enum RedisFailureMode {

    /**
     * Decide from state kept in this JVM, as if this replica ran alone: the default. Tokens keep
     * flowing within per-replica limits; while Redis is down, a user can get the quota once from
     * each replica.
     */
    LOCAL,

    /** Allow: nothing is limited while Redis is down. */
    FAIL_OPEN,

    /** Refuse: nothing is granted while Redis is down. */
    FAIL_CLOSED
}
