package dev.realtimesessions.adapter;

import dev.realtimesessions.ApiResponse;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import java.util.concurrent.Flow;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Mono;

/**
 * JDK {@link Flow.Publisher} views of a {@link RealtimeSessions} client, for code built on
 * {@code java.util.concurrent.Flow} (or a library that speaks it) rather than on Reactor.
 *
 * <pre>{@code
 * Flow.Publisher<ClientSecretCreateResponse> secret = RealtimeSessionsFlow.of(sessions)
 *     .createClientSecret(ClientSecretCreateRequest.of(config));
 * secret.subscribe(subscriber);   // one call per subscription
 * }</pre>
 *
 * <p>The GA calls have methods here; {@link #adapt(Mono)} turns any other call of the client into a
 * publisher the same way.
 *
 * <p>Each publisher is cold, like the {@code Mono} it wraps: every subscription is a new call,
 * started when the subscriber requests. It emits one value then completes, or fails with the
 * core's {@link dev.realtimesessions.RealtimeSessionsException} subclass, unchanged.
 * {@link Flow.Subscription#cancel() Cancelling} aborts the HTTP exchange. Signals arrive on a
 * Reactor Netty event loop: do not block in the subscriber. Thread-safe and cheap.
 */
public final class RealtimeSessionsFlow {

    private final RealtimeSessions sessions;

    private RealtimeSessionsFlow(RealtimeSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * A {@code Flow} view of {@code sessions}.
     *
     * @param sessions the client to call; it stays shared and is not closed by this view
     * @return the view
     * @throws dev.realtimesessions.ValidationException if {@code sessions} is {@code null}
     */
    public static RealtimeSessionsFlow of(RealtimeSessions sessions) {
        return new RealtimeSessionsFlow(Arguments.notNull("sessions", sessions));
    }

    /**
     * Adapts any call of the client, keeping cancellation and errors: the one adapter every other
     * method uses, so that a call this class does not list needs no method of its own.
     *
     * <pre>{@code
     * Flow.Publisher<ApiResponse<ClientSecretCreateResponse>> answer =
     *     flow.adapt(sessions.createClientSecretWithResponse(request));
     * }</pre>
     *
     * @param call a {@code Mono} the client returned
     * @param <T> the value type
     * @return a cold publisher of at most one value: each subscription subscribes to {@code call} anew
     * @throws dev.realtimesessions.ValidationException if {@code call} is {@code null}
     */
    public <T> Flow.Publisher<T> adapt(Mono<T> call) {
        return JdkFlowAdapter.publisherToFlowPublisher(Arguments.notNull("call", call));
    }

    /**
     * Mints a client secret through the GA {@code POST /realtime/client_secrets}.
     *
     * @param request the secret's lifetime and the session it opens
     * @return a cold publisher of the answer
     */
    public Flow.Publisher<ClientSecretCreateResponse> createClientSecret(ClientSecretCreateRequest request) {
        return adapt(sessions.createClientSecret(request));
    }

    /**
     * Mints a client secret through the GA {@code POST /realtime/client_secrets}, with per-call options.
     *
     * @param request the secret's lifetime and the session it opens
     * @param options overrides for this call
     * @return a cold publisher of the answer
     */
    public Flow.Publisher<ClientSecretCreateResponse> createClientSecret(ClientSecretCreateRequest request,
            RequestOptions options) {
        return adapt(sessions.createClientSecret(request, options));
    }

    /**
     * Like {@link #createClientSecret(ClientSecretCreateRequest)}, with the HTTP status, headers,
     * request id and attempt count.
     *
     * @param request the secret's lifetime and the session it opens
     * @return a cold publisher of the answer with its response details
     */
    public Flow.Publisher<ApiResponse<ClientSecretCreateResponse>> createClientSecretWithResponse(
            ClientSecretCreateRequest request) {
        return adapt(sessions.createClientSecretWithResponse(request));
    }

    /**
     * Like {@link #createClientSecret(ClientSecretCreateRequest, RequestOptions)}, with the HTTP
     * status, headers, request id and attempt count.
     *
     * @param request the secret's lifetime and the session it opens
     * @param options overrides for this call
     * @return a cold publisher of the answer with its response details
     */
    public Flow.Publisher<ApiResponse<ClientSecretCreateResponse>> createClientSecretWithResponse(
            ClientSecretCreateRequest request, RequestOptions options) {
        return adapt(sessions.createClientSecretWithResponse(request, options));
    }

    /**
     * Mints a client secret through the beta {@code POST /realtime/sessions}.
     *
     * @param request the session configuration
     * @param options overrides for this call; {@link RequestOptions#none()} for none
     * @return a cold publisher of the session
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecret(ClientSecretCreateRequest, RequestOptions)}. Works as long as
     *     OpenAI serves the beta endpoint.
     */
    @Deprecated
    public Flow.Publisher<RealtimeSession> create(RealtimeSessionCreateRequest request, RequestOptions options) {
        return adapt(sessions.create(request, options));
    }

    /**
     * Describes the view without secrets.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "RealtimeSessionsFlow{" + sessions + "}";
    }
}
