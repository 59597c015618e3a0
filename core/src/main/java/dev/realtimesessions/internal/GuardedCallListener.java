package dev.realtimesessions.internal;

import dev.realtimesessions.CallListener;
import dev.realtimesessions.RealtimeSessionsException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.util.context.ContextView;

/**
 * A caller's {@link CallListener} that cannot break a call: whatever it throws is logged at WARN
 * (its type and message, run through the redactor) and ignored. It also hears of the call's end
 * once only, though a cancellation can race with the last attempt's value or error.
 */
final class GuardedCallListener implements CallListener {

    private static final Logger log = LoggerFactory.getLogger("dev.realtimesessions.RealtimeSessions");

    private final CallListener delegate;
    private final AtomicBoolean ended = new AtomicBoolean();

    private GuardedCallListener(CallListener delegate) {
        this.delegate = delegate;
    }

    /** The listener the factory makes for a call, guarded; {@link CallListener#NONE} without a factory. */
    static CallListener forCall(CallListener.@Nullable Factory factory, String endpoint, ContextView context) {
        if (factory == null) {
            return CallListener.NONE;
        }
        try {
            CallListener listener = factory.callStarted(endpoint, context);
            return listener == null || listener == CallListener.NONE ? CallListener.NONE : new GuardedCallListener(listener);
        } catch (RuntimeException e) {
            logFailure("callStarted", e);
            return CallListener.NONE;
        }
    }

    @Override
    public void attemptStarted(int attempt, BiConsumer<String, String> requestHeaders) {
        try {
            delegate.attemptStarted(attempt, requestHeaders);
        } catch (RuntimeException e) {
            logFailure("attemptStarted", e);
        }
    }

    @Override
    public void attemptSucceeded(int attempt, int status, @Nullable String requestId) {
        try {
            delegate.attemptSucceeded(attempt, status, requestId);
        } catch (RuntimeException e) {
            logFailure("attemptSucceeded", e);
        }
    }

    @Override
    public void attemptFailed(int attempt, RealtimeSessionsException error) {
        try {
            delegate.attemptFailed(attempt, error);
        } catch (RuntimeException e) {
            logFailure("attemptFailed", e);
        }
    }

    @Override
    public void retryScheduled(int failedAttempt, Duration delay, RealtimeSessionsException cause) {
        try {
            delegate.retryScheduled(failedAttempt, delay, cause);
        } catch (RuntimeException e) {
            logFailure("retryScheduled", e);
        }
    }

    @Override
    public void rateGateHeld(Duration wait) {
        try {
            delegate.rateGateHeld(wait);
        } catch (RuntimeException e) {
            logFailure("rateGateHeld", e);
        }
    }

    @Override
    public void callSucceeded(int status, int attempts) {
        if (ended.getAndSet(true)) {
            return;
        }
        try {
            delegate.callSucceeded(status, attempts);
        } catch (RuntimeException e) {
            logFailure("callSucceeded", e);
        }
    }

    @Override
    public void callFailed(RealtimeSessionsException error, int attempts) {
        if (ended.getAndSet(true)) {
            return;
        }
        try {
            delegate.callFailed(error, attempts);
        } catch (RuntimeException e) {
            logFailure("callFailed", e);
        }
    }

    @Override
    public void callCancelled(int attempts) {
        if (ended.getAndSet(true)) {
            return;
        }
        try {
            delegate.callCancelled(attempts);
        } catch (RuntimeException e) {
            logFailure("callCancelled", e);
        }
    }

    private static void logFailure(String event, RuntimeException e) {
        log.warn("a CallListener failed in {} and was ignored: {}", event, Redactor.redact(String.valueOf(e)));
    }
}
