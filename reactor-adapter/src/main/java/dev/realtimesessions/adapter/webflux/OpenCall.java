package dev.realtimesessions.adapter.webflux;

import dev.realtimesessions.RequestOptions;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

/**
 * One call the {@link RealtimeCallEndpoint} started and has not ended: the browser's handle for it,
 * its user, OpenAI's call id, the options it was created with (the same key and project hang it
 * up), when it started on the endpoint's clock, and its time limit's timer. Ends once.
 */
final class OpenCall {

    private final String handle;
    private final String user;
    private final String callId;
    private final RequestOptions options;
    private final long startedAtMillis;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile @Nullable Disposable timeLimit;

    OpenCall(String handle, String user, String callId, RequestOptions options, long startedAtMillis) {
        this.handle = handle;
        this.user = user;
        this.callId = callId;
        this.options = options;
        this.startedAtMillis = startedAtMillis;
    }

    String handle() {
        return handle;
    }

    String user() {
        return user;
    }

    String callId() {
        return callId;
    }

    RequestOptions options() {
        return options;
    }

    long startedAtMillis() {
        return startedAtMillis;
    }

    void timeLimit(Disposable timer) {
        this.timeLimit = timer;
    }

    /** Marks the call ended and cancels its time limit; true only for the first caller. */
    boolean end() {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        Disposable timer = timeLimit;
        if (timer != null) {
            timer.dispose();
        }
        return true;
    }
}
