package dev.realtimesessions.adapter;

import dev.realtimesessions.ApiResponse;
import dev.realtimesessions.ApiTimeoutException;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RealtimeSessionsException;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.TranscriptionSession;
import dev.realtimesessions.model.TranscriptionSessionCreateRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * A blocking view of a {@link RealtimeSessions} client with a deadline, for servlet code and
 * virtual threads.
 *
 * <pre>{@code
 * RealtimeSessionsBlocking blocking = RealtimeSessionsBlocking.of(sessions, Duration.ofSeconds(10));
 * ClientSecretCreateResponse secret = blocking.createClientSecret(ClientSecretCreateRequest.of(config));
 * response.getWriter().write(secret.value());
 * }</pre>
 *
 * <p>The GA calls have methods here; {@link #adapt(Mono)} runs any other call of the client the
 * same way.
 *
 * <p>Each method waits at most the deadline given to {@link #of(RealtimeSessions, Duration)}; when
 * it passes, the call is cancelled (aborting the HTTP exchange) and an
 * {@link ApiTimeoutException} is thrown. The client's own timeouts still apply and may end the call
 * earlier. Failures are thrown as the core's {@link RealtimeSessionsException} subclasses,
 * unchanged. If the waiting thread is interrupted, the call is cancelled, the interrupt flag is set
 * again and a {@link RealtimeSessionsException} is thrown.
 *
 * <p><strong>Never call it on an event loop.</strong> Blocking a Reactor Netty (or any
 * {@link reactor.core.scheduler.NonBlocking}) thread would stall every connection it serves, so
 * every method checks first and throws an {@link IllegalStateException} there, before anything is
 * sent. In a WebFlux handler, return the client's {@code Mono} instead.
 *
 * <p>Thread-safe and cheap; the client is shared, not copied.
 */
public final class RealtimeSessionsBlocking {

    private final RealtimeSessions sessions;
    private final Duration deadline;
    /** Puts the deadline in the call's Context as its overall timeout, so that retries never plan past it. */
    private final Function<Context, Context> withinDeadline;

    private RealtimeSessionsBlocking(RealtimeSessions sessions, Duration deadline) {
        this.sessions = sessions;
        this.deadline = deadline;
        this.withinDeadline = RealtimeSessionsContext.withRequestOptions(
                RequestOptions.builder().timeout(deadline).build());
    }

    /**
     * A blocking view of {@code sessions} whose calls wait at most {@code deadline}.
     *
     * @param sessions the client to call; it stays shared and is not closed by this view
     * @param deadline how long a call may block the caller, positive
     * @return the view
     * @throws dev.realtimesessions.ValidationException if an argument is {@code null} or the deadline is not positive
     */
    public static RealtimeSessionsBlocking of(RealtimeSessions sessions, Duration deadline) {
        return new RealtimeSessionsBlocking(Arguments.notNull("sessions", sessions),
                Arguments.positive("deadline", deadline));
    }

    /**
     * The deadline of each call.
     *
     * @return how long a call may block
     */
    public Duration deadline() {
        return deadline;
    }

    /**
     * Runs any call of the client and waits for its value at most the {@link #deadline()}: the one
     * adapter every other method uses, so that a call this class does not list needs no method of
     * its own. The deadline is also the call's overall timeout, beneath options given to the call
     * itself (as {@link RequestOptions} in the Reactor {@code Context} are), so retries never plan
     * past it.
     *
     * <pre>{@code
     * ApiResponse<ClientSecretCreateResponse> answer =
     *     blocking.adapt(sessions.createClientSecretWithResponse(request));
     * }</pre>
     *
     * @param call a {@code Mono} the client returned; it is subscribed at once
     * @param <T> the value type
     * @return the value, or {@code null} if the {@code Mono} completed empty
     * @throws IllegalStateException if called on an event loop or other non-blocking thread
     * @throws ApiTimeoutException if the deadline passed (the call is then cancelled)
     * @throws RealtimeSessionsException the call's own failure, or if the thread was interrupted
     * @throws dev.realtimesessions.ValidationException if {@code call} is {@code null}
     */
    public <T> @Nullable T adapt(Mono<T> call) {
        Arguments.notNull("call", call);
        if (Schedulers.isInNonBlockingThread()) {
            throw new IllegalStateException("RealtimeSessionsBlocking called on the non-blocking thread "
                    + Thread.currentThread().getName() + ", which would stall every connection it serves;"
                    + " return the Mono from RealtimeSessions instead, or call from a worker or virtual thread");
        }
        CompletableFuture<T> future = call.contextWrite(withinDeadline).toFuture();
        try {
            return future.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ApiTimeoutException("the blocking deadline of " + deadline + " passed; the call was cancelled", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new RealtimeSessionsException("interrupted while waiting for the call; it was cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new RealtimeSessionsException("the call failed", cause);
        }
    }

    /**
     * Mints a client secret through the GA {@code POST /realtime/client_secrets}.
     *
     * @param request the secret's lifetime and the session it opens
     * @return the secret with its expiry and the effective session
     * @throws IllegalStateException if called on an event loop
     * @throws RealtimeSessionsException a subclass for each failure, {@link ApiTimeoutException} past the deadline
     */
    public ClientSecretCreateResponse createClientSecret(ClientSecretCreateRequest request) {
        return adapt(sessions.createClientSecret(request));
    }

    /**
     * Mints a client secret through the GA {@code POST /realtime/client_secrets}, with per-call options.
     *
     * @param request the secret's lifetime and the session it opens
     * @param options overrides for this call (API key, project, timeouts, ...)
     * @return the secret with its expiry and the effective session
     * @throws IllegalStateException if called on an event loop
     * @throws RealtimeSessionsException a subclass for each failure, {@link ApiTimeoutException} past the deadline
     */
    public ClientSecretCreateResponse createClientSecret(ClientSecretCreateRequest request, RequestOptions options) {
        return adapt(sessions.createClientSecret(request, options));
    }

    /**
     * Like {@link #createClientSecret(ClientSecretCreateRequest)}, with the HTTP status, headers,
     * request id and attempt count.
     *
     * @param request the secret's lifetime and the session it opens
     * @return the answer with its response details
     * @throws IllegalStateException if called on an event loop
     * @throws RealtimeSessionsException a subclass for each failure, {@link ApiTimeoutException} past the deadline
     */
    public ApiResponse<ClientSecretCreateResponse> createClientSecretWithResponse(ClientSecretCreateRequest request) {
        return adapt(sessions.createClientSecretWithResponse(request));
    }

    /**
     * Like {@link #createClientSecret(ClientSecretCreateRequest, RequestOptions)}, with the HTTP
     * status, headers, request id and attempt count.
     *
     * @param request the secret's lifetime and the session it opens
     * @param options overrides for this call
     * @return the answer with its response details
     * @throws IllegalStateException if called on an event loop
     * @throws RealtimeSessionsException a subclass for each failure, {@link ApiTimeoutException} past the deadline
     */
    public ApiResponse<ClientSecretCreateResponse> createClientSecretWithResponse(ClientSecretCreateRequest request,
            RequestOptions options) {
        return adapt(sessions.createClientSecretWithResponse(request, options));
    }

    /**
     * Mints a client secret through the beta {@code POST /realtime/sessions}.
     *
     * @param request the session configuration
     * @return the session with its client secret
     * @throws IllegalStateException if called on an event loop
     * @throws RealtimeSessionsException a subclass for each failure, {@link ApiTimeoutException} past the deadline
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecret(ClientSecretCreateRequest)}. Works as long as OpenAI serves the
     *     beta endpoint.
     */
    @Deprecated
    public RealtimeSession create(RealtimeSessionCreateRequest request) {
        return adapt(sessions.create(request));
    }

    /**
     * Mints a client secret through the beta {@code POST /realtime/sessions}, with per-call options.
     *
     * @param request the session configuration
     * @param options overrides for this call
     * @return the session with its client secret
     * @throws IllegalStateException if called on an event loop
     * @throws RealtimeSessionsException a subclass for each failure, {@link ApiTimeoutException} past the deadline
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecret(ClientSecretCreateRequest, RequestOptions)}. Works as long as
     *     OpenAI serves the beta endpoint.
     */
    @Deprecated
    public RealtimeSession create(RealtimeSessionCreateRequest request, RequestOptions options) {
        return adapt(sessions.create(request, options));
    }

    /**
     * Mints a transcription client secret through the beta {@code POST /realtime/transcription_sessions}.
     *
     * @param request the transcription session configuration
     * @param options overrides for this call; {@link RequestOptions#none()} for none
     * @return the transcription session
     * @throws IllegalStateException if called on an event loop
     * @throws RealtimeSessionsException a subclass for each failure, {@link ApiTimeoutException} past the deadline
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecret(ClientSecretCreateRequest, RequestOptions)} with a
     *     {@link dev.realtimesessions.model.TranscriptionSessionConfig}. Works as long as OpenAI
     *     serves the beta endpoint.
     */
    @Deprecated
    public TranscriptionSession createTranscriptionSession(TranscriptionSessionCreateRequest request,
            RequestOptions options) {
        return adapt(sessions.createTranscriptionSession(request, options));
    }

    /**
     * Describes the view without secrets.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "RealtimeSessionsBlocking{deadline=" + deadline + ", " + sessions + "}";
    }
}
