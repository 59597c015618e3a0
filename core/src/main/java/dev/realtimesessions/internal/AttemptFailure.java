package dev.realtimesessions.internal;

import dev.realtimesessions.RealtimeSessionsException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One failed attempt on its way through the retry operator: the error the caller would see, and
 * what the answer said about retrying it. Unwrapped before the error leaves the call.
 */
final class AttemptFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient RealtimeSessionsException error;
    private final boolean retryable;
    private final transient @Nullable Duration serverDelay;

    AttemptFailure(RealtimeSessionsException error, boolean retryable, @Nullable Duration serverDelay) {
        super(error.getMessage(), null, false, false);
        this.error = error;
        this.retryable = retryable;
        this.serverDelay = serverDelay;
    }

    RealtimeSessionsException error() {
        return error;
    }

    boolean retryable() {
        return retryable;
    }

    /** The wait the server asked for ({@code retry-after-ms} / {@code retry-after}), if any. */
    @Nullable Duration serverDelay() {
        return serverDelay;
    }
}
