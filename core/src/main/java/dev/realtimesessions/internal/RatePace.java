package dev.realtimesessions.internal;

import org.jspecify.annotations.Nullable;

/**
 * What the rate gate knows of one credential's request allowance, as the server last described
 * it: a bucket of {@code limit} requests refilled one every {@code interval}, kept as GCRA's
 * theoretical arrival time {@code tat}, the moment the bucket would be whole again if no more
 * requests came. The next request may go once {@code tat}, moved one interval on for every
 * request still in flight (the server has not counted those yet), is no more than a burst of
 * intervals ahead: Guava's "next free ticket", with the server keeping the books. Times are
 * nanoseconds of the gate's scheduler clock.
 *
 * <p>With no interval learned yet, the pace only holds: no request goes before {@code tat} (a
 * 429's {@code retry-after}, or a reset when none remain), and the lane lets one request go to
 * learn the allowance from its answer.
 *
 * <p>Immutable, three numbers and no key, the server's description rather than one client's
 * bookkeeping: a lane changes it only by compare-and-set of what {@link #learn} returns, so that
 * the same state could be read and written through a store shared by several clients.
 *
 * @param limit the server's request limit ({@code x-ratelimit-limit-requests}), 0 while unknown
 * @param interval nanoseconds between requests at the server's rate, 0 while unknown
 * @param tat when the bucket would be whole again; with no interval, the end of a hold
 */
record RatePace(long limit, long interval, long tat) {

    /** Nothing known: no hold, no rate. */
    static final RatePace UNKNOWN = new RatePace(0, 0, 0);

    /** The longest refill of a whole bucket taken as real (OpenAI's longest window is a day); beyond, a header is garbage. */
    private static final long LONGEST_WINDOW = 2L * 24 * 3_600_000_000_000L;

    /** Whether requests go at a learned rate, rather than after a hold. */
    boolean paced() {
        return interval > 0;
    }

    /**
     * The requests kept in the server's bucket against the jitter of timers and the error of the
     * learned rate: 5 % of the limit, at least one; none for a limit of one.
     */
    static long cushion(long limit) {
        return limit <= 1 ? 0 : Math.max(1, limit / 20);
    }

    /** How many requests may go at once from a whole bucket: the limit less the cushion. */
    long burst() {
        return Math.max(1, limit - cushion(limit));
    }

    /** The earliest time the next request may go, with {@code inFlight} requests sent and not yet answered. */
    long nextRelease(long inFlight) {
        return paced() ? tat + (inFlight - burst() + 1) * interval : tat;
    }

    /**
     * This pace after an answer, or null when the answer gives nothing to pace or hold by.
     *
     * <p>With {@code limit}, {@code remaining} and {@code reset}, the answer describes the bucket
     * right after its own request: the interval is {@code reset / (limit - remaining)}, blended
     * into the one known in proportion to how empty the bucket is (a nearly full bucket's reset is
     * mostly rounding), and the bucket is whole at now plus the reset, or later if an earlier
     * answer said so: an answer can arrive out of order (its request overtook others on another
     * connection) and then describes the bucket before the others were counted, fuller than it is.
     * When the rate changes, what the bucket lacks stays lacking, refilled at the new rate.
     *
     * <p>A 429 that the bucket explains (none remaining) asks for nothing more; a 429 with
     * requests remaining (another limit refused it) holds for its {@code retry-after}, as does
     * {@code remaining: 0} with a reset when the rate is unknown. Waits beyond {@code maxHold},
     * like the retry policy's, are not honoured.
     *
     * @param signal what the answer said
     * @param now when it arrived
     * @param maxHold the longest wait honoured, in nanoseconds
     */
    @Nullable RatePace learn(RateSignal signal, long now, long maxHold) {
        long learnedLimit = limit;
        long learnedInterval = interval;
        long learnedTat = tat;
        boolean described = false;
        if (signal.describesBucket()) {
            long deficit = signal.limit() - Math.min(signal.limit(), signal.remaining());
            if (deficit > 0) {
                long sample = signal.reset() / deficit;
                boolean plausible = sample > 0 && sample <= maxHold
                        && (double) sample * signal.limit() <= LONGEST_WINDOW;
                if (plausible) {
                    learnedInterval = learnedInterval == 0 ? sample
                            : learnedInterval + (long) ((double) (sample - learnedInterval) * deficit / signal.limit());
                }
            }
            if (learnedInterval > 0) {
                learnedLimit = signal.limit();
                if (paced() && learnedInterval != interval && tat > now) {
                    learnedTat = now + (long) ((double) (tat - now) * learnedInterval / interval);
                }
                long serverTat = now + signal.reset();
                RatePace fromServer = new RatePace(learnedLimit, learnedInterval, serverTat);
                if (fromServer.nextRelease(0) - now <= maxHold) {
                    learnedTat = paced() ? Math.max(learnedTat, serverTat) : serverTat;
                    described = true;
                }
            }
        }
        // The clock's nanoseconds may be negative: a hold is a flag and a time, not a sentinel.
        boolean held = false;
        long notBefore = now;
        long retryAfter = signal.retryAfter();
        if (signal.refused() && retryAfter > 0 && retryAfter <= maxHold && !(described && signal.remaining() == 0)) {
            held = true;
            notBefore = now + retryAfter;
        }
        if (!described && learnedInterval == 0 && signal.remaining() == 0 && signal.reset() > 0
                && signal.reset() <= maxHold) {
            held = true;
            notBefore = Math.max(notBefore, now + signal.reset());
        }
        if (!described && !held) {
            return paced() ? this : null;
        }
        RatePace next = new RatePace(learnedLimit, learnedInterval, learnedTat);
        if (held && notBefore > next.nextRelease(0)) {
            next = new RatePace(learnedLimit, learnedInterval,
                    next.paced() ? notBefore + (next.burst() - 1) * learnedInterval : notBefore);
        }
        return next;
    }
}
