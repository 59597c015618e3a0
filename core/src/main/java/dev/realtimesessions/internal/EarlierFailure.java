package dev.realtimesessions.internal;

import dev.realtimesessions.RealtimeSessionsException;
import org.jspecify.annotations.Nullable;

/**
 * The errors of a call's failed attempts, as an immutable list, newest first: the call publishes
 * the newest through a volatile reference, so that the overall deadline's timer, on another thread,
 * always reads a whole list.
 *
 * @param error a failed attempt's error
 * @param before the failures before it, or null for the first
 */
record EarlierFailure(RealtimeSessionsException error, @Nullable EarlierFailure before) {

    /** Attaches every failure of {@code newest}'s list to {@code error} as suppressed, oldest first, except {@code error} itself. */
    static RealtimeSessionsException attachTo(RealtimeSessionsException error, @Nullable EarlierFailure newest) {
        if (newest != null) {
            attachTo(error, newest.before);
            if (newest.error != error) {
                error.addSuppressed(newest.error);
            }
        }
        return error;
    }
}
