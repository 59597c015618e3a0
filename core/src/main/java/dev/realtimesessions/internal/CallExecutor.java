package dev.realtimesessions.internal;

import dev.realtimesessions.CallListener;
import dev.realtimesessions.RealtimeSessionsException;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.ValidationException;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The one path every endpoint's call takes, and what its calls share: the {@link HttpTransport},
 * the {@link Credentials}, the client's headers, the rate gate and the endpoints' URLs. Each call
 * is a {@link Call}: its attempts, retries, deadline and listener events.
 */
public final class CallExecutor implements AutoCloseable {

    final ClientSettings settings;
    final HttpTransport transport;
    final Credentials credentials;
    final ClientHeaders headers;
    final @Nullable RateGate gate;
    /** The last request's JSON, while it is sent again. */
    final RepeatedRequestJson repeatedJson = new RepeatedRequestJson();
    private final ConcurrentHashMap<String, URI> urls = new ConcurrentHashMap<>(4);
    private volatile boolean closed;

    /** Builds the transport (or adopts the caller's HTTP client) and what every call shares. */
    public CallExecutor(ClientSettings settings) {
        this.settings = settings;
        this.transport = new HttpTransport(settings);
        this.credentials = Credentials.of(settings);
        this.headers = new ClientHeaders(settings.userAgent(), settings.headers());
        RateGate rateGate = settings.rateGate()
                ? new RateGate(settings.retryPolicy().maxRetryAfter(), settings.sharedRateGate()) : null;
        this.gate = rateGate;
        if (rateGate != null) {
            // the scheduler each call's gate runs on (Call's timer)
            rateGate.startSharing(Schedulers.parallel());
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * One logical call: lazy, cold, cancellable; never throws, signals a
     * {@link RealtimeSessionsException} subclass on failure.
     */
    public <Q, R> Mono<CallResult<R>> execute(Endpoint<Q, R> endpoint, @Nullable Q request, RequestOptions options) {
        return Mono.deferContextual(context -> {
            if (closed) {
                return Mono.error(new RealtimeSessionsException(
                        "this RealtimeSessions client is closed; build a new one, or do not close a shared client"));
            }
            if (request == null) {
                return Mono.error(new ValidationException("request", "must not be null"));
            }
            URI url = url(endpoint, request);
            Object fromContext = context.getOrDefault(RequestOptions.CONTEXT_KEY, null);
            RequestOptions effective = fromContext instanceof RequestOptions contextOptions
                    ? options.orElse(contextOptions) : options;
            ValidationException refused = credentials.refusedHeader(effective.headers());
            if (refused != null) {
                return Mono.error(refused);
            }
            CallListener listener = GuardedCallListener.forCall(settings.callListener(), endpoint.path(), context);
            return new Call<>(this, endpoint, request, url, effective, listener).run(effective.apiKey().orElse(null));
        });
    }

    /**
     * The endpoint's URL for {@code request}: built and parsed once per client for a fixed path,
     * per call for one with parameters. It always parses: the base URL was checked as a URI, and the
     * parameters are percent-encoded.
     *
     * @throws ValidationException if a path parameter's value cannot be a path segment
     */
    private <Q> URI url(Endpoint<Q, ?> endpoint, Q request) {
        PathTemplate<Q> path = endpoint.pathTemplate();
        if (!path.isFixed()) {
            return URI.create(settings.baseUrl() + path.expand(request));
        }
        URI url = urls.get(path.template());
        return url != null ? url : urls.computeIfAbsent(path.template(), fixed -> URI.create(settings.baseUrl() + fixed));
    }

    /**
     * Releases the client's own connection pool and stops hearing a shared rate gate's news; a
     * caller-supplied HTTP client or event loops, and the shared rate gate, are left alone.
     */
    @Override
    public void close() {
        closed = true;
        if (gate != null) {
            gate.stopSharing();
        }
        transport.close();
    }
}
