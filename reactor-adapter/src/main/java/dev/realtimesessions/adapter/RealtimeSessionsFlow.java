package dev.realtimesessions.adapter;

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
     * Adapts any {@code Mono}, keeping cancellation and errors: the adapter the other methods use.
     *
     * @param mono the call
     * @param <T> the value type
     * @return a cold publisher of at most one value
     * @throws dev.realtimesessions.ValidationException if {@code mono} is {@code null}
     */
    public static <T> Flow.Publisher<T> toPublisher(Mono<T> mono) {
        return JdkFlowAdapter.publisherToFlowPublisher(Arguments.notNull("mono", mono));
    }

    /**
     * Mints a client secret through the GA {@code POST /realtime/client_secrets}.
     *
     * @param request the secret's lifetime and the session it opens
     * @return a cold publisher of the answer
     */
    public Flow.Publisher<ClientSecretCreateResponse> createClientSecret(ClientSecretCreateRequest request) {
        return toPublisher(sessions.createClientSecret(request));
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
        return toPublisher(sessions.createClientSecret(request, options));
    }

    /**
     * Mints a client secret through the beta {@code POST /realtime/sessions}.
     *
     * @param request the session configuration
     * @param options overrides for this call; {@link RequestOptions#none()} for none
     * @return a cold publisher of the session
     */
    public Flow.Publisher<RealtimeSession> create(RealtimeSessionCreateRequest request, RequestOptions options) {
        return toPublisher(sessions.create(request, options));
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
