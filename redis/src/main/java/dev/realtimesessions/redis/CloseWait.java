package dev.realtimesessions.redis;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How {@code close()} waits for what {@code closeAsync()} started: briefly, so that the
 * application's Lettuce client can be shut down right after without a connection of ours (one that
 * was still being opened) outliving it, its buffers with it.
 */
final class CloseWait {

    /** The longest {@code close()} waits for the connections to close. */
    static final long SECONDS = 2;

    private CloseWait() {
    }

    /** Waits for {@code closed} at most {@link #SECONDS}; a failure or a longer wait is left to Lettuce's shutdown. */
    static void await(CompletableFuture<Void> closed) {
        try {
            closed.get(SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the connection failed or is slow to close: the client's shutdown closes what is left
        }
    }
}
