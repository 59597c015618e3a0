package dev.realtimesessions;

import java.time.Duration;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

/**
 * Hears the events of one call: its attempts, retries, rate-gate waits and how it ended. The hook
 * for metrics and tracing; {@code realtime-sessions-reactor-adapter} implements it with Micrometer's
 * Observation API, and any other monitoring system can be plugged in the same way through
 * {@link RealtimeSessions.Builder#callListener(Factory)}.
 *
 * <p>A {@link Factory} makes one listener per call, when the call is subscribed. The events of one
 * call arrive one after the other, in this order (only {@link #callCancelled}, which comes from the
 * caller's thread, can race with the events of an attempt that is ending):
 * {@link #attemptStarted} followed by {@link #attemptSucceeded} or {@link #attemptFailed} for each
 * attempt, with {@link #retryScheduled} between a failed attempt and the next and
 * {@link #rateGateHeld} before an attempt the rate gate holds back; then exactly one of
 * {@link #callSucceeded}, {@link #callFailed} or {@link #callCancelled}, even when a cancellation
 * races with the call's result. An attempt still open when
 * the call ends (cancelled, or cut by the overall timeout) gets no attempt event of its own: the
 * call's end ends it. Calls refused before they start (a closed client, a null request) are not
 * reported.
 *
 * <p>Events arrive on Netty event loops and Reactor timer threads: a listener must be quick and
 * must not block. What it is given holds no secret (no API key, no client secret value). A
 * listener that throws is logged and ignored; the call goes on.
 */
public interface CallListener {

    /** A listener that ignores every event. */
    CallListener NONE = new CallListener() { };

    /**
     * An attempt is about to be sent (its connection not yet acquired).
     *
     * @param attempt the attempt's number, from 1
     * @param requestHeaders adds a header to this attempt's request, such as a trace context
     *     ({@code traceparent}); the client's own headers and the {@code Authorization} header win
     *     over a header of the same name
     */
    default void attemptStarted(int attempt, BiConsumer<String, String> requestHeaders) {
    }

    /**
     * An attempt got a 2xx answer that decoded.
     *
     * @param attempt the attempt's number
     * @param status the HTTP status
     * @param requestId the answer's {@code x-request-id}, if it had one
     */
    default void attemptSucceeded(int attempt, int status, @Nullable String requestId) {
    }

    /**
     * An attempt failed: an error answer, a timeout, a connection failure, an undecodable body.
     *
     * @param attempt the attempt's number
     * @param error what went wrong; an {@link ApiException} or {@link ResponseDecodingException}
     *     carries the HTTP status and request id
     */
    default void attemptFailed(int attempt, RealtimeSessionsException error) {
    }

    /**
     * A failed attempt will be retried after a delay; told once the wait has begun, so that a test
     * driving a virtual clock finds the wait in place.
     *
     * @param failedAttempt the number of the attempt that failed
     * @param delay how long the call waits before the next attempt
     * @param cause the failed attempt's error
     */
    default void retryScheduled(int failedAttempt, Duration delay, RealtimeSessionsException cause) {
    }

    /**
     * The rate gate holds the next attempt back: the server's rate-limit headers say this API key
     * and project would be refused now, or the server asked it to wait (see
     * {@link RealtimeSessions.Builder#rateGate(boolean)}). A wait that would outlive the call's
     * deadline is not waited for: the call fails with a {@link RateLimitException} instead. Told
     * once the wait has begun.
     *
     * @param wait how long the attempt can expect to wait: until its turn at the rate the server
     *     allows, or until the server's hold ends; while the gate still waits for a first answer
     *     about the key, the longest it waits for one (one second)
     */
    default void rateGateHeld(Duration wait) {
    }

    /**
     * The call succeeded.
     *
     * @param status the HTTP status of the answer
     * @param attempts how many attempts it took
     */
    default void callSucceeded(int status, int attempts) {
    }

    /**
     * The call failed; nothing more will be tried.
     *
     * @param error the error the caller gets
     * @param attempts how many attempts were sent (0 when none was, such as a rate-gate refusal)
     */
    default void callFailed(RealtimeSessionsException error, int attempts) {
    }

    /**
     * The caller cancelled the call (disposed its subscription).
     *
     * @param attempts how many attempts had been started
     */
    default void callCancelled(int attempts) {
    }

    /** Makes the listener of each call; shared by every call of a client, so thread-safe. */
    @FunctionalInterface
    interface Factory {

        /**
         * A call has been subscribed.
         *
         * @param endpoint the endpoint's path under the base URL, such as {@code /realtime/client_secrets}
         * @param context the subscriber's Reactor context, where a caller's tracing context (a parent
         *     observation or span) can be found
         * @return the call's listener, or {@link CallListener#NONE}
         */
        CallListener callStarted(String endpoint, ContextView context);
    }
}
