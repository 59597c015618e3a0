package dev.realtimesessions.internal;

import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Back-pressure shared by every call of one client that uses the same credential (an OpenAI API
 * key and project, or an Azure OpenAI resource, whichever key or Entra ID token its calls carry):
 * after a 429 that named a wait, or an answer that reported no requests left before a reset, new
 * attempts for that credential wait until then instead of each trying and failing.
 *
 * <p>Credentials are held only as a SHA-256 digest of scheme, identity and project, never the key
 * itself. Only
 * credentials that are currently held back have an entry, an entry is dropped once its time has
 * passed, and at most {@link #MAX_ENTRIES} are kept: past that, expired entries are swept and a
 * new credential is let through unheld rather than growing the map. Times are in the milliseconds
 * of the caller's scheduler clock, so that tests can run the gate in virtual time.
 */
final class RateGate {

    /** The most credentials held back at once; a client serving more keys than this degrades to no gate for some. */
    static final int MAX_ENTRIES = 10_000;

    private final ConcurrentHashMap<Credential, Long> openAt = new ConcurrentHashMap<>();
    private final long maxHoldMillis;
    /** Made once on the thread that builds the client; calls clone it, so that no provider lookup runs on an event loop. */
    private final MessageDigest sha256;

    /**
     * @param maxHold the longest wait the gate honours, the client's {@code maxRetryAfter}: as with
     *     the retry policy, a longer one is not honoured at all (so that one bogus header cannot
     *     stall a key for a day)
     */
    RateGate(Duration maxHold) {
        this.maxHoldMillis = maxHold.toMillis();
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * The gate's key for a credential and the project it is used with; neither is kept. {@code scope}
     * keeps schemes apart ({@code openai}, {@code azure}): the same text as an OpenAI key and as
     * an Azure identity never share a key.
     */
    Credential credential(String scope, String identity, @Nullable String project) {
        try {
            MessageDigest digest = (MessageDigest) sha256.clone();
            digest.update(scope.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(identity.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            if (project != null) {
                digest.update(project.getBytes(StandardCharsets.UTF_8));
            }
            byte[] hash = digest.digest();
            return new Credential(longAt(hash, 0), longAt(hash, 8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the platform's SHA-256 cannot be cloned", e);
        }
    }

    private static long longAt(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        return value;
    }

    /**
     * How many milliseconds an attempt for {@code credential} must wait from now; 0 to go at once.
     * The clock is read after the hold, so that a hold another call sets meanwhile is measured from
     * a moment no earlier than its own: the wait never exceeds what the server asked for.
     */
    long waitMillis(Credential credential, LongSupplier clock) {
        Long until = openAt.get(credential);
        if (until == null) {
            return 0;
        }
        long now = clock.getAsLong();
        if (until <= now) {
            openAt.remove(credential, until);
            return 0;
        }
        return until - now;
    }

    /** Whether no credential is held back: then no attempt waits, and none needs its credential computed. */
    boolean holdsNone() {
        return openAt.isEmpty();
    }

    /**
     * How long one answer asks its credential to hold back, in milliseconds; 0 for not at all. A
     * 429 with a wait ({@code retry-after-ms} or {@code retry-after}) asks for that wait;
     * {@code remaining-requests} 0 with a reset asks until the reset. A wait longer than the longest
     * honoured, and anything else, asks for nothing.
     *
     * @param serverDelay the wait the answer asked for, parsed once by the caller for the gate and the retry alike
     */
    long holdMillis(int status, HttpHeaders headers, @Nullable Duration serverDelay) {
        long hold = status == 429 && serverDelay != null ? serverDelay.toMillis() : 0;
        Long remaining = RateLimitHeaders.count(headers.get("x-ratelimit-remaining-requests"));
        if (remaining != null && remaining == 0) {
            Duration reset = RateLimitHeaders.duration(headers.get("x-ratelimit-reset-requests"));
            hold = Math.max(hold, reset == null ? 0 : reset.toMillis());
        }
        return hold <= 0 || hold > maxHoldMillis ? 0 : hold;
    }

    /** Holds {@code credential} back for {@code holdMillis} from {@code now}; a longer hold already set stays. */
    void hold(Credential credential, long holdMillis, long now) {
        if (holdMillis <= 0) {
            return;
        }
        long until = now + holdMillis;
        if (openAt.size() >= MAX_ENTRIES && !openAt.containsKey(credential)) {
            openAt.values().removeIf(time -> time <= now);
            if (openAt.size() >= MAX_ENTRIES) {
                return;
            }
        }
        openAt.merge(credential, until, Math::max);
    }

    /** How many credentials are held back or were and have not been looked up since; for tests. */
    int size() {
        return openAt.size();
    }

    /** A credential as the first 128 bits of SHA-256 over scheme, identity and project. */
    record Credential(long high, long low) {
    }
}
