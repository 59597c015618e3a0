package dev.realtimesessions.adapter;

import dev.realtimesessions.ApiResponse;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import io.reactivex.rxjava3.core.Single;
import reactor.core.publisher.Mono;

/**
 * RxJava 3 {@link Single} views of a {@link RealtimeSessions} client. Needs
 * {@code io.reactivex.rxjava3:rxjava} on the class path (an optional dependency of this module);
 * the rest of the module works without it.
 *
 * <pre>{@code
 * Single<ClientSecretCreateResponse> secret = RealtimeSessionsRx.of(sessions)
 *     .createClientSecret(ClientSecretCreateRequest.of(config));
 * Disposable call = secret.subscribe(s -> show(s.value()), error -> report(error));
 * call.dispose();                  // aborts the HTTP exchange
 * }</pre>
 *
 * <p>The GA calls have methods here; {@link #adapt(Mono)} turns any other call of the client into a
 * {@code Single} the same way.
 *
 * <p>Each {@code Single} is cold: every subscription is a new call. It succeeds with the value or
 * fails with the core's {@link dev.realtimesessions.RealtimeSessionsException} subclass, unchanged;
 * disposing aborts the HTTP exchange. Signals arrive on a Reactor Netty event loop: use
 * {@code observeOn} before blocking work. Thread-safe and cheap.
 */
public final class RealtimeSessionsRx {

    private final RealtimeSessions sessions;

    private RealtimeSessionsRx(RealtimeSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * An RxJava view of {@code sessions}.
     *
     * @param sessions the client to call; it stays shared and is not closed by this view
     * @return the view
     * @throws dev.realtimesessions.ValidationException if {@code sessions} is {@code null}
     */
    public static RealtimeSessionsRx of(RealtimeSessions sessions) {
        return new RealtimeSessionsRx(Arguments.notNull("sessions", sessions));
    }

    /**
     * Adapts any call of the client, keeping cancellation and errors: the one adapter every other
     * method uses, so that a call this class does not list needs no method of its own.
     *
     * <pre>{@code
     * Single<ApiResponse<ClientSecretCreateResponse>> answer =
     *     rx.adapt(sessions.createClientSecretWithResponse(request));
     * }</pre>
     *
     * @param call a {@code Mono} the client returned
     * @param <T> the value type
     * @return a cold {@code Single}: each subscription subscribes to {@code call} anew; it fails with
     *     {@link java.util.NoSuchElementException} if the {@code Mono} completes empty
     * @throws dev.realtimesessions.ValidationException if {@code call} is {@code null}
     */
    public <T> Single<T> adapt(Mono<T> call) {
        return Single.fromPublisher(Arguments.notNull("call", call));
    }

    /**
     * Mints a client secret through the GA {@code POST /realtime/client_secrets}.
     *
     * @param request the secret's lifetime and the session it opens
     * @return a cold {@code Single} of the answer
     */
    public Single<ClientSecretCreateResponse> createClientSecret(ClientSecretCreateRequest request) {
        return adapt(sessions.createClientSecret(request));
    }

    /**
     * Mints a client secret through the GA {@code POST /realtime/client_secrets}, with per-call options.
     *
     * @param request the secret's lifetime and the session it opens
     * @param options overrides for this call
     * @return a cold {@code Single} of the answer
     */
    public Single<ClientSecretCreateResponse> createClientSecret(ClientSecretCreateRequest request,
            RequestOptions options) {
        return adapt(sessions.createClientSecret(request, options));
    }

    /**
     * Like {@link #createClientSecret(ClientSecretCreateRequest)}, with the HTTP status, headers,
     * request id and attempt count.
     *
     * @param request the secret's lifetime and the session it opens
     * @return a cold {@code Single} of the answer with its response details
     */
    public Single<ApiResponse<ClientSecretCreateResponse>> createClientSecretWithResponse(
            ClientSecretCreateRequest request) {
        return adapt(sessions.createClientSecretWithResponse(request));
    }

    /**
     * Like {@link #createClientSecret(ClientSecretCreateRequest, RequestOptions)}, with the HTTP
     * status, headers, request id and attempt count.
     *
     * @param request the secret's lifetime and the session it opens
     * @param options overrides for this call
     * @return a cold {@code Single} of the answer with its response details
     */
    public Single<ApiResponse<ClientSecretCreateResponse>> createClientSecretWithResponse(
            ClientSecretCreateRequest request, RequestOptions options) {
        return adapt(sessions.createClientSecretWithResponse(request, options));
    }

    /**
     * Mints a client secret through the beta {@code POST /realtime/sessions}.
     *
     * @param request the session configuration
     * @param options overrides for this call; {@link RequestOptions#none()} for none
     * @return a cold {@code Single} of the session
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecret(ClientSecretCreateRequest, RequestOptions)}. Works as long as
     *     OpenAI serves the beta endpoint.
     */
    @Deprecated
    public Single<RealtimeSession> create(RealtimeSessionCreateRequest request, RequestOptions options) {
        return adapt(sessions.create(request, options));
    }

    /**
     * Describes the view without secrets.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "RealtimeSessionsRx{" + sessions + "}";
    }
}
