package dev.realtimesessions.internal;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What one answer says about its credential's request allowance, read for the rate gate's
 * {@link RatePace#learn}: each value -1 when the answer did not carry it (or carried garbage).
 *
 * @param refused whether the answer was a 429
 * @param limit {@code x-ratelimit-limit-requests}
 * @param remaining {@code x-ratelimit-remaining-requests}
 * @param reset {@code x-ratelimit-reset-requests}, in nanoseconds
 * @param retryAfter a 429's {@code retry-after-ms} or {@code retry-after}, in nanoseconds
 */
record RateSignal(boolean refused, long limit, long remaining, long reset, long retryAfter) {

    static final AsciiString LIMIT = AsciiString.cached("x-ratelimit-limit-requests");
    static final AsciiString REMAINING = AsciiString.cached("x-ratelimit-remaining-requests");
    static final AsciiString RESET = AsciiString.cached("x-ratelimit-reset-requests");

    /**
     * Reads an answer's request headers.
     *
     * @param serverDelay the wait the answer asked for, parsed once by the caller for the gate and the retry alike
     */
    static RateSignal of(int status, HttpHeaders headers, @Nullable Duration serverDelay) {
        Duration reset = RateLimitHeaders.duration(headers.get(RESET));
        return new RateSignal(status == 429, RateLimitHeaders.countOrNone(headers.get(LIMIT)),
                RateLimitHeaders.countOrNone(headers.get(REMAINING)), reset == null ? -1 : reset.toNanos(),
                serverDelay == null ? -1 : serverDelay.toNanos());
    }

    /** Whether the answer gave limit, remaining and reset: enough to place the bucket and, unless it is whole, its rate. */
    boolean describesBucket() {
        return limit > 0 && remaining >= 0 && reset >= 0;
    }
}
