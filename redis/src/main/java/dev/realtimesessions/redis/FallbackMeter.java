package dev.realtimesessions.redis;

/** Counts decisions taken without Redis; the Micrometer counter, when there is a registry. */
interface FallbackMeter {

    /** No registry: counts nothing. */
    FallbackMeter NONE = reason -> { };

    /** The reason a decision was taken without Redis. */
    enum Reason {
        /** Redis did not answer within the timeout. */
        TIMEOUT,
        /** Redis, or the connection to it, failed. */
        ERROR,
        /** Redis failed a moment ago and is left alone until its next check. */
        UNAVAILABLE
    }

    /** One decision was taken without Redis. */
    void record(Reason reason);
}
