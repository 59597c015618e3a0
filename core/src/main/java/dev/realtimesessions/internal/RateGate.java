package dev.realtimesessions.internal;

import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;

/**
 * Pacing shared by every call of one client: it learns each credential's (an OpenAI API key and
 * project, or an Azure OpenAI resource, whichever key or Entra ID token its calls carry) request allowance from what the server says, and when calls would overrun it, lets them go at
 * the server's rate instead of each trying and failing.
 *
 * <p><strong>The window.</strong> The gate counts the requests it lets go unpaced
 * ({@code admitted}) and those of them that ended ({@code ended}: answered, failed or cancelled);
 * those in between are in flight, and the server may not have seen them yet (a request can
 * overtake another on a different connection, so the order in which they were sent says little).
 * An answer reporting {@code remaining} requests left therefore allows {@code ended + remaining}
 * requests in all (less a {@link RatePace#cushion cushion}) to go unpaced, like TCP's advertised
 * window, counting every request in flight against it; an answer without the header lifts the
 * window for good (that server keeps no count the client can see). Until the first answer, a
 * fresh client lets {@link #FIRST_WINDOW} requests go. A call that finds the window shut, or its
 * credential already in a lane, is placed in its credential's {@link RateLane}, which paces it
 * and counts the requests it lets go itself.
 *
 * <p><strong>The lanes.</strong> Only credentials under pressure have one: opened by a call that
 * found the window shut, or by an answer that is a 429, reports none remaining, or fewer than the
 * requests in flight. Each answer for a credential with a lane teaches the lane's
 * {@link RatePace}; a lane leaves the map once its line is empty, nothing it let go is in flight,
 * and the server's bucket would be whole again.
 *
 * <p><strong>The path of a client under no pressure</strong> (no lane, the window open) touches
 * none of this: a call checks that the map of lanes is empty, sums and increments a striped
 * counter (Java's {@code LongAdder}: event loops counting at once do not contend), and reads the
 * window; its attempt's end increments another; an answer parses the {@code remaining} and
 * {@code limit} counts without boxing and raises the window, lazily (a compare-and-set only once
 * half of it is used). No credential is hashed and nothing is allocated: the credential's digest
 * is computed only for a call or an answer that meets a lane, a shut window or an answer asking
 * for pacing ({@code RateGateTest} checks both; {@code RateGateBenchmark} times it).
 *
 * <p>Credentials are held only as a SHA-256 digest of scheme, identity and project, never the key itself, and
 * at most {@link #MAX_ENTRIES} lanes exist at once: past that, a new credential goes unpaced
 * rather than growing the map. Times are in the nanoseconds of the caller's scheduler clock, so
 * that tests can run the gate in virtual time.
 */
final class RateGate {

    /** The most credentials paced at once; a client under pressure on more keys than this leaves some unpaced. */
    static final int MAX_ENTRIES = 10_000;

    /** How many requests a fresh client sends before any answer has told it the allowance: TCP's initial window. */
    static final long FIRST_WINDOW = 10;

    private static final AtomicLongFieldUpdater<RateGate> BEFORE_MARK =
            AtomicLongFieldUpdater.newUpdater(RateGate.class, "beforeMark");
    private static final AtomicLongFieldUpdater<RateGate> OPEN = AtomicLongFieldUpdater.newUpdater(RateGate.class, "open");
    private static final AtomicIntegerFieldUpdater<RateGate> OPENINGS =
            AtomicIntegerFieldUpdater.newUpdater(RateGate.class, "openings");

    private final ConcurrentHashMap<Credential, RateLane> lanes = new ConcurrentHashMap<>();
    private final long maxHoldNanos;
    /** Made once on the thread that builds the client; calls clone it, so that no provider lookup runs on an event loop. */
    private final MessageDigest sha256;
    /** How many requests were let go unpaced: striped, so that event loops counting at once do not contend. */
    private final LongAdder admitted = new LongAdder();
    /** How many of them ended: answered, failed or cancelled. */
    private final LongAdder ended = new LongAdder();
    /** While fewer than this many requests were let go, the next may go unpaced. */
    private volatile long open = FIRST_WINDOW;
    /** How many lanes have been opened; a request let go unpaced carries the count of its time. */
    private volatile int openings;
    /** How many requests let go unpaced before the latest lane opened are still in flight. */
    private volatile long beforeMark;

    /**
     * @param maxHold the longest wait the gate honours, the client's {@code maxRetryAfter}: as with
     *     the retry policy, a longer one is not honoured at all (so that one bogus header cannot
     *     stall a key for a day)
     */
    RateGate(Duration maxHold) {
        this.maxHoldNanos = maxHold.toNanos();
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

    /** Whether no credential has a lane: then a call needs only the window, and no credential computed. */
    boolean pacesNone() {
        return lanes.isEmpty();
    }

    /**
     * Lets a request go unpaced if the window allows it, counting it; -1 (counting nothing) if shut,
     * else the number of lanes opened so far, for {@link #ended}. Calls admitted at the same
     * instant on several threads may pass the window by as many: the cushion covers them.
     */
    int tryAdmit() {
        if (admitted.sum() >= open) {
            return -1;
        }
        admitted.increment();
        return openings;
    }

    /** Lets a request go unpaced whatever the window says (no lane could be opened for it); as {@link #tryAdmit}. */
    int admit() {
        admitted.increment();
        return openings;
    }

    /**
     * Counts the end of a request let go unpaced: answered, failed or cancelled.
     *
     * @param admittedWith what {@link #tryAdmit} or {@link #admit} returned for it
     */
    void ended(int admittedWith) {
        ended.increment();
        if (admittedWith < openings) {
            for (;;) {
                long before = beforeMark;
                if (before <= 0 || BEFORE_MARK.compareAndSet(this, before, before - 1)) {
                    return;
                }
            }
        }
    }

    /**
     * How many requests let go unpaced before the latest lane opened are still in flight: requests
     * of any credential, the server may not have seen them yet, and they end within a round trip
     * or so. A lane counts them with its own.
     */
    long unpacedInFlight() {
        return beforeMark;
    }

    /** The credential's lane, if it has one. */
    @Nullable RateLane lane(Credential credential) {
        return lanes.get(credential);
    }

    /** The credential's lane, opened if need be; null when {@link #MAX_ENTRIES} are open. */
    @Nullable RateLane openLane(Credential credential) {
        RateLane lane = lanes.get(credential);
        if (lane != null || lanes.size() >= MAX_ENTRIES) {
            return lane;
        }
        RateLane opened = lanes.computeIfAbsent(credential, key -> new RateLane(this, key));
        beforeMark = Math.max(0, admitted.sum() - ended.sum());
        OPENINGS.incrementAndGet(this);
        return opened;
    }

    /**
     * Reads what an answer says of the window, and whether its credential's lane must hear of it
     * too ({@link #learn}): when lanes exist, and for an answer that asks for pacing (a 429, none
     * remaining, or fewer remaining, less the cushion, than the requests in flight unpaced, which
     * could all be refused: that catches a burst the window let go on an answer that arrived out of
     * order, showing more room than there was). Allocation-free: the caller computes the
     * credential only when this says so.
     */
    boolean observe(int status, HttpHeaders headers) {
        long remaining = RateLimitHeaders.countOrNone(headers.get(RateSignal.REMAINING));
        if (remaining < 0) {
            raiseWindow(Long.MAX_VALUE, 0);
            return status == 429 || !lanes.isEmpty();
        }
        long cushion = RatePace.cushion(RateLimitHeaders.countOrNone(headers.get(RateSignal.LIMIT)));
        long done = ended.sum();
        long sent = admitted.sum();
        raiseWindow(done + remaining - cushion, sent);
        return status == 429 || pressure(remaining, cushion, sent - done) || !lanes.isEmpty();
    }

    private static boolean pressure(long remaining, long cushion, long inFlight) {
        return remaining == 0 || (remaining > 0 && remaining - cushion < inFlight);
    }

    /**
     * Teaches the credential's lane what an answer said; an answer that shows pressure opens a lane
     * for it.
     *
     * @param releasedBy the lane that let the answered request go, if one did (and its end was not counted yet)
     * @param answeredAfter how long the answer took since that lane let the request go
     * @param serverDelay the wait the answer asked for, parsed once by the caller for the gate and the retry alike
     */
    void learn(Credential credential, @Nullable RateLane releasedBy, long answeredAfter, int status,
            HttpHeaders headers, @Nullable Duration serverDelay, Scheduler timer) {
        RateSignal signal = RateSignal.of(status, headers, serverDelay);
        RateLane lane = lanes.get(credential);
        if (lane == null) {
            boolean pressure = signal.refused()
                    || pressure(signal.remaining(), RatePace.cushion(signal.limit()), admitted.sum() - ended.sum());
            if (!pressure || RatePace.UNKNOWN.learn(signal, timer.now(TimeUnit.NANOSECONDS), maxHoldNanos) == null) {
                return;
            }
            lane = openLane(credential);
            if (lane == null) {
                return;
            }
        }
        lane.learn(signal, lane == releasedBy ? Math.max(0, answeredAfter) : -1, maxHoldNanos, timer);
    }

    /**
     * Removes a lane that knows nothing the window does not; with the pace it ended on, the window
     * opens for a whole burst beyond the requests in flight (the lane ended because the bucket
     * would be whole again).
     */
    void retire(Credential credential, RateLane lane, @Nullable RatePace last) {
        if (lanes.remove(credential, lane) && last != null) {
            raiseWindow(ended.sum() + last.burst(), admitted.sum());
        }
    }

    /**
     * Raises the window to {@code to}, lazily: only once the window left open is less than half
     * of what is allowed, so that answers under no pressure rarely write to it.
     *
     * @param sent the requests let go so far
     */
    private void raiseWindow(long to, long sent) {
        for (;;) {
            long current = open;
            if (to <= current || current - sent > (to - sent) / 2 || OPEN.compareAndSet(this, current, to)) {
                return;
            }
        }
    }

    /** How many credentials have a lane; for tests. */
    int size() {
        return lanes.size();
    }

    /** A credential as the first 128 bits of SHA-256 over scheme, identity and project. */
    record Credential(long high, long low) {
    }
}
