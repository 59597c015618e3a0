package dev.realtimesessions.internal;

import dev.realtimesessions.RealtimeSessionsException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One failed attempt on its way through the call loop: the error the caller would see, whether the
 * failure is worth retrying, whether it proves the server never processed the request, and the
 * wait the server asked for. Unwrapped before the error leaves the call.
 */
final class AttemptFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient RealtimeSessionsException error;
    private final boolean retryable;
    private final boolean unprocessed;
    private final transient @Nullable Duration serverDelay;

    /**
     * @param error what the caller gets if this is the last attempt
     * @param retryable whether another attempt could succeed (a timeout, a 503), for an endpoint that may be retried freely
     * @param unprocessed whether the request provably was not processed (never sent, or the server said
     *     {@code x-should-retry: true}), so that even an endpoint that must not run twice may retry it
     * @param serverDelay the wait the server asked for ({@code retry-after-ms} / {@code retry-after}), if any
     */
    AttemptFailure(RealtimeSessionsException error, boolean retryable, boolean unprocessed, @Nullable Duration serverDelay) {
        super(error.getMessage(), null, false, false);
        this.error = error;
        this.retryable = retryable;
        this.unprocessed = unprocessed;
        this.serverDelay = serverDelay;
    }

    RealtimeSessionsException error() {
        return error;
    }

    /** Whether the call may try again after this failure, for an endpoint of the given retry safety. */
    boolean mayRetry(RetrySafety safety) {
        return retryable && (unprocessed || safety == RetrySafety.IDEMPOTENT);
    }

    @Nullable Duration serverDelay() {
        return serverDelay;
    }
}
