package dev.realtimesessions.redis;

/** Counts values read from Redis that were not what was written there; the Micrometer counter, when there is a registry. */
interface MalformedMeter {

    /** No registry: counts nothing. */
    MalformedMeter NONE = () -> { };

    /** One value was skipped. */
    void record();
}
