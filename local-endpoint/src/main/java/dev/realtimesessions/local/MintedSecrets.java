package dev.realtimesessions.local;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client secrets the endpoint minted and that have not expired: a browser presents one as
 * {@code Authorization: Bearer ek_...} to {@code POST /realtime/calls} with a raw SDP body, and the
 * call gets the secret's session.
 */
final class MintedSecrets {

    private final Map<String, Minted> secrets = new ConcurrentHashMap<>();

    /**
     * One secret.
     *
     * @param expiresAt when it stops being accepted
     * @param callable whether it may create calls: GA realtime and transcription secrets may,
     *     translation secrets (which have their own, unpublished call path) may not
     * @param session the session it was minted for, as JSON
     */
    record Minted(Instant expiresAt, boolean callable, String session) {}

    /** Remembers a freshly minted secret, and forgets the ones that expired by {@code now}. */
    void add(String value, Minted minted, Instant now) {
        secrets.values().removeIf(secret -> !secret.expiresAt().isAfter(now));
        secrets.put(value, minted);
    }

    /** The secret, if it was minted here and has not expired at {@code now}. */
    Optional<Minted> find(String value, Instant now) {
        return Optional.ofNullable(secrets.get(value)).filter(secret -> secret.expiresAt().isAfter(now));
    }
}
