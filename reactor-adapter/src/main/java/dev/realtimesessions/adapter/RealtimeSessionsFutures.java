package dev.realtimesessions.adapter;

import dev.realtimesessions.ApiResponse;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.TranscriptionSession;
import dev.realtimesessions.model.TranscriptionSessionCreateRequest;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;

/**
 * {@link CompletableFuture} views of a {@link RealtimeSessions} client, for code that composes
 * futures rather than {@code Mono}s.
 *
 * <pre>{@code
 * RealtimeSessionsFutures futures = RealtimeSessionsFutures.of(sessions);
 * futures.createClientSecret(ClientSecretCreateRequest.of(config))
 *     .thenAccept(secret -> respond(secret.value(), secret.expiresAt()));
 * }</pre>
 *
 * <p>The GA calls have methods here; {@link #adapt(Mono)} turns any other call of the client into
 * a future the same way.
 *
 * <p>Each method starts the call at once (the future is hot) and returns without blocking.
 * {@link CompletableFuture#cancel(boolean) Cancelling} a future that has not completed cancels the
 * underlying subscription, which aborts the HTTP exchange (and any retry wait) and frees the
 * connection. A failed call completes the future exceptionally with the core's
 * {@link dev.realtimesessions.RealtimeSessionsException} subclass, unchanged: {@code get()} wraps
 * it in an {@link java.util.concurrent.ExecutionException}, {@code join()} in a
 * {@link java.util.concurrent.CompletionException}, and {@code exceptionally}/{@code handle}
 * callbacks receive it as is (or wrapped in a {@code CompletionException} on dependent stages, as
 * the JDK does). Dependent stages run on the thread that completes the future, a Reactor Netty
 * event loop: do not block in them; use the {@code ...Async} variants with your executor for
 * heavy work.
 *
 * <p>Thread-safe and cheap; the client is shared, not copied.
 */
public final class RealtimeSessionsFutures {

    private final RealtimeSessions sessions;

    private RealtimeSessionsFutures(RealtimeSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * A futures view of {@code sessions}.
     *
     * @param sessions the client to call; it stays shared and is not closed by this view
     * @return the view
     * @throws dev.realtimesessions.ValidationException if {@code sessions} is {@code null}
     */
    public static RealtimeSessionsFutures of(RealtimeSessions sessions) {
        return new RealtimeSessionsFutures(Arguments.notNull("sessions", sessions));
    }

    /**
     * Adapts any call of the client to a future: the one adapter every other method uses, so that a
     * call this class does not list needs no method of its own.
     *
     * <pre>{@code
     * CompletableFuture<ApiResponse<ClientSecretCreateResponse>> answer =
     *     futures.adapt(sessions.createClientSecretWithResponse(request));
     * }</pre>
     *
     * @param call a {@code Mono} the client returned; it is subscribed at once
     * @param <T> the value type
     * @return a future of the value, completed with {@code null} if the {@code Mono} completes empty;
     *     cancelling it cancels the subscription
     * @throws dev.realtimesessions.ValidationException if {@code call} is {@code null}
     */
    public <T> CompletableFuture<T> adapt(Mono<T> call) {
        return Arguments.notNull("call", call).toFuture();
    }

    /**
     * Mints a client secret through the GA {@code POST /realtime/client_secrets}.
     *
     * @param request the secret's lifetime and the session it opens
     * @return the secret with its expiry and the effective session
     */
    public CompletableFuture<ClientSecretCreateResponse> createClientSecret(ClientSecretCreateRequest request) {
        return adapt(sessions.createClientSecret(request));
    }

    /**
     * Mints a client secret through the GA {@code POST /realtime/client_secrets}, with per-call options.
     *
     * @param request the secret's lifetime and the session it opens
     * @param options overrides for this call (API key, project, timeouts, ...)
     * @return the secret with its expiry and the effective session
     */
    public CompletableFuture<ClientSecretCreateResponse> createClientSecret(ClientSecretCreateRequest request,
            RequestOptions options) {
        return adapt(sessions.createClientSecret(request, options));
    }

    /**
     * Like {@link #createClientSecret(ClientSecretCreateRequest)}, with the HTTP status, headers,
     * request id and attempt count.
     *
     * @param request the secret's lifetime and the session it opens
     * @return the answer with its response details
     */
    public CompletableFuture<ApiResponse<ClientSecretCreateResponse>> createClientSecretWithResponse(
            ClientSecretCreateRequest request) {
        return adapt(sessions.createClientSecretWithResponse(request));
    }

    /**
     * Like {@link #createClientSecret(ClientSecretCreateRequest, RequestOptions)}, with the HTTP
     * status, headers, request id and attempt count.
     *
     * @param request the secret's lifetime and the session it opens
     * @param options overrides for this call
     * @return the answer with its response details
     */
    public CompletableFuture<ApiResponse<ClientSecretCreateResponse>> createClientSecretWithResponse(
            ClientSecretCreateRequest request, RequestOptions options) {
        return adapt(sessions.createClientSecretWithResponse(request, options));
    }

    /**
     * Mints a client secret through the beta {@code POST /realtime/sessions}.
     *
     * @param request the session configuration
     * @return the session with its client secret
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecret(ClientSecretCreateRequest)}. Works as long as OpenAI serves the
     *     beta endpoint.
     */
    @Deprecated
    public CompletableFuture<RealtimeSession> create(RealtimeSessionCreateRequest request) {
        return adapt(sessions.create(request));
    }

    /**
     * Mints a client secret through the beta {@code POST /realtime/sessions}, with per-call options.
     *
     * @param request the session configuration
     * @param options overrides for this call
     * @return the session with its client secret
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecret(ClientSecretCreateRequest, RequestOptions)}. Works as long as
     *     OpenAI serves the beta endpoint.
     */
    @Deprecated
    public CompletableFuture<RealtimeSession> create(RealtimeSessionCreateRequest request, RequestOptions options) {
        return adapt(sessions.create(request, options));
    }

    /**
     * Mints a transcription client secret through the beta {@code POST /realtime/transcription_sessions}.
     *
     * @param request the transcription session configuration
     * @param options overrides for this call; {@link RequestOptions#none()} for none
     * @return the transcription session
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecret(ClientSecretCreateRequest, RequestOptions)} with a
     *     {@link dev.realtimesessions.model.TranscriptionSessionConfig}. Works as long as OpenAI
     *     serves the beta endpoint.
     */
    @Deprecated
    public CompletableFuture<TranscriptionSession> createTranscriptionSession(TranscriptionSessionCreateRequest request,
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
        return "RealtimeSessionsFutures{" + sessions + "}";
    }
}
