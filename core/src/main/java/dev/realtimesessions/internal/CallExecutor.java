package dev.realtimesessions.internal;

import dev.realtimesessions.ApiConnectionException;
import dev.realtimesessions.ApiTimeoutException;
import dev.realtimesessions.CallListener;
import dev.realtimesessions.RateLimitException;
import dev.realtimesessions.RealtimeSessionsException;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.ResponseDecodingException;
import dev.realtimesessions.RetryPolicy;
import dev.realtimesessions.ValidationException;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.AsciiString;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Fuseable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.core.JacksonException;

/**
 * The one path every endpoint's call takes: resolve the key, send the POST over the shared pool,
 * collect the capped body, decode or type the error, retry as the policy says within the deadline.
 */
public final class CallExecutor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger("dev.realtimesessions.RealtimeSessions");
    private static final String PROJECT = "OpenAI-Project";

    private final ClientSettings settings;
    private final HttpClient httpClient;
    private final @Nullable ConnectionProvider ownedPool;
    private final @Nullable String project;
    private final @Nullable RateGate gate;
    private final ConcurrentHashMap<String, String> urls = new ConcurrentHashMap<>(4);
    /** The headers every request carries, as arrays: setting them allocates nothing per call. */
    private final AsciiString[] commonHeaderNames;
    private final String[] commonHeaderValues;
    /** The last {@code Authorization} value built, kept for the next call with the same key. */
    private volatile @Nullable Authorization lastAuthorization;
    private volatile boolean closed;

    /** Builds the HTTP client (or adopts the caller's) and the headers every request carries. */
    public CallExecutor(ClientSettings settings) {
        this.settings = settings;
        HttpClient base;
        if (settings.httpClient() != null) {
            base = settings.httpClient();
            this.ownedPool = null;
        } else {
            this.ownedPool = ConnectionProvider.builder("realtime-sessions")
                    .maxConnections(settings.maxConnections())
                    .pendingAcquireMaxCount(settings.maxPendingAcquires())
                    .pendingAcquireTimeout(Duration.ofMinutes(10))
                    .maxIdleTime(Duration.ofSeconds(30))
                    .build();
            base = InflateLimit.apply(HttpClient.create(ownedPool), settings.maxResponseBytes());
            base = settings.baseUrl().startsWith("https:")
                    ? base.protocol(HttpProtocol.H2, HttpProtocol.HTTP11)
                    : base.protocol(HttpProtocol.HTTP11);
        }
        base = base.compress(true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, millis(settings.connectTimeout()));
        // Always: a caller's HTTP client may carry Reactor Netty's own wiretap, which logs the key in clear.
        boolean wiretap = settings.wiretap();
        base = base.doOnChannelInit((observer, channel, address) -> RedactingWiretap.install(channel.pipeline(), wiretap));
        this.httpClient = base;
        HttpHeaders commonHeaders = new DefaultHttpHeaders()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.USER_AGENT, settings.userAgent());
        settings.headers().forEach(commonHeaders::set);
        this.project = commonHeaders.get(PROJECT);
        this.commonHeaderNames = new AsciiString[commonHeaders.size()];
        this.commonHeaderValues = new String[commonHeaders.size()];
        int index = 0;
        for (Map.Entry<String, String> header : commonHeaders) {
            commonHeaderNames[index] = AsciiString.cached(header.getKey());
            commonHeaderValues[index] = header.getValue();
            index++;
        }
        this.gate = settings.rateGate() ? new RateGate(settings.retryPolicy().maxRetryAfter()) : null;
    }

    /** {@code Bearer <key>}, built once for a key used call after call. */
    private String authorization(String apiKey) {
        Authorization last = lastAuthorization;
        if (last != null && last.apiKey().equals(apiKey)) {
            return last.header();
        }
        Authorization built = new Authorization(apiKey, "Bearer " + apiKey);
        lastAuthorization = built;
        return built.header();
    }

    /** An API key and its {@code Authorization} header value; its {@code toString()} shows neither. */
    private record Authorization(String apiKey, String header) {
        @Override
        public String toString() {
            return "Authorization[***]";
        }
    }

    /** The endpoint's URL under the base URL, built once per endpoint. */
    private String url(Endpoint<?, ?> endpoint) {
        String url = urls.get(endpoint.path());
        return url != null ? url : urls.computeIfAbsent(endpoint.path(), path -> settings.baseUrl() + path);
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
            Object fromContext = context.getOrDefault(RequestOptions.CONTEXT_KEY, null);
            RequestOptions effective = fromContext instanceof RequestOptions contextOptions
                    ? options.orElse(contextOptions) : options;
            CallListener listener = GuardedCallListener.forCall(settings.callListener(), endpoint.path(), context);
            return new Call<>(endpoint, request, effective, listener).run();
        });
    }

    /** Releases the client's own connection pool; a caller-supplied HTTP client is left alone. */
    @Override
    public void close() {
        closed = true;
        if (ownedPool != null) {
            ownedPool.dispose();
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }

    /** The state of one logical call across its attempts. */
    private final class Call<Q, R> {
        private final Endpoint<Q, R> endpoint;
        private final Q request;
        private final RetryPolicy policy;
        private final Duration attemptTimeout;
        private final Duration timeout;
        private final HttpClient client;
        private final Map<String, String> extraHeaders;
        private final @Nullable String apiKeyOverride;
        private final CallListener listener;
        private final Scheduler timer = Schedulers.parallel();
        /** The failed attempts' errors, for the final error's suppressed list; made on the first retry. */
        private @Nullable List<RealtimeSessionsException> failures;
        private long deadline;
        private int attempts;
        private RateGate.@Nullable Credential credential;

        Call(Endpoint<Q, R> endpoint, Q request, RequestOptions options, CallListener listener) {
            this.listener = listener;
            this.endpoint = endpoint;
            this.request = request;
            this.policy = options.retryPolicy().orElse(settings.retryPolicy());
            this.attemptTimeout = options.attemptTimeout().orElse(settings.attemptTimeout());
            this.timeout = options.timeout().orElse(settings.timeout());
            this.client = options.connectTimeout()
                    .map(connect -> httpClient.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, millis(connect)))
                    .orElse(httpClient);
            this.extraHeaders = options.headers();
            this.apiKeyOverride = options.apiKey().orElse(null);
        }

        Mono<CallResult<R>> run() {
            deadline = nowMillis() + timeout.toMillis();
            Mono<String> key = apiKeyOverride != null ? Mono.just(apiKeyOverride) : settings.apiKey();
            Mono<CallResult<R>> calls;
            if (key instanceof Fuseable.ScalarCallable<?> scalar) {
                // A fixed key (the common case): no operators to resolve it on every call.
                calls = Mono.defer(() -> attempts(ApiKeys.check(scalarKey(scalar)), 0));
            } else {
                calls = key
                        .onErrorMap(e -> !(e instanceof RealtimeSessionsException),
                                e -> new RealtimeSessionsException("could not resolve the API key: " + e, e))
                        .switchIfEmpty(Mono.error(() -> new ValidationException("apiKey",
                                "resolved to nothing: the Mono<String> given to apiKey(...) completed empty")))
                        .map(ApiKeys::check)
                        .flatMap(apiKey -> attempts(apiKey, 0));
            }
            Mono<CallResult<R>> call = Deadline.of(calls, timeout, timer)
                    .onErrorMap(TimeoutException.class, e -> withEarlierFailures(new ApiTimeoutException(
                            endpoint.describe() + " got no answer within the overall timeout of " + timeout
                                    + " (" + attempts + " attempt" + (attempts == 1 ? "" : "s")
                                    + "); raise timeout(...) or check the network")));
            if (listener == CallListener.NONE) {
                return call;
            }
            return call.doOnSuccess(result -> listener.callSucceeded(result.response().status(), attempts))
                    .doOnError(e -> listener.callFailed(e instanceof RealtimeSessionsException known ? known
                            : new RealtimeSessionsException(Redactor.redact(String.valueOf(e)), e), attempts))
                    .doOnCancel(() -> listener.callCancelled(attempts));
        }

        private String scalarKey(Fuseable.ScalarCallable<?> scalar) {
            try {
                Object value = scalar.call();
                if (value == null) {
                    throw new ValidationException("apiKey",
                            "resolved to nothing: the Mono<String> given to apiKey(...) completed empty");
                }
                return (String) value;
            } catch (RealtimeSessionsException e) {
                throw e;
            } catch (Exception e) {
                throw new RealtimeSessionsException("could not resolve the API key: " + e, e);
            }
        }

        /**
         * Attempt after attempt as the policy says; the same rules as {@code retryWhen}, without its
         * per-call sink and processor: nothing is allocated for retries until an attempt fails.
         */
        private Mono<CallResult<R>> attempts(String apiKey, long retriesSoFar) {
            return Mono.defer(() -> gate == null ? attempt(apiKey) : gated(gate, apiKey))
                    .onErrorResume(error -> afterFailure(error, retriesSoFar)
                            .then(Mono.defer(() -> attempts(apiKey, retriesSoFar + 1))));
        }

        /** The attempt once the rate gate lets this key through; fails at once if the wait would pass the deadline. */
        private Mono<CallResult<R>> gated(RateGate gate, String apiKey) {
            if (credential == null && gate.holdsNone()) {
                return attempt(apiKey);
            }
            long wait = gate.waitMillis(credential(gate, apiKey), this::nowMillis);
            if (wait == 0) {
                return attempt(apiKey);
            }
            if (nowMillis() + wait >= deadline) {
                return Mono.error(new AttemptFailure(new RateLimitException(429, null, null, null, endpoint.describe()
                        + " was not sent: the server asked for no more requests with this API key for " + wait
                        + " ms, past the call's deadline (rate gate; see RealtimeSessions.Builder.rateGate)",
                        null, Duration.ofMillis(wait)), false, null));
            }
            listener.rateGateHeld(Duration.ofMillis(wait));
            return Mono.<Long>create(sink -> {
                sink.onDispose(timer.schedule(() -> sink.success(wait), wait, TimeUnit.MILLISECONDS));
                if (log.isDebugEnabled()) {
                    log.debug("{} waits {} ms: the rate gate holds this API key", endpoint.describe(), wait);
                }
            }).then(Mono.defer(() -> gated(gate, apiKey)));
        }

        /** The gate's key for this call's API key and project; hashed once per call, and only when the gate needs it. */
        private RateGate.Credential credential(RateGate gate, String apiKey) {
            RateGate.Credential known = credential;
            if (known == null) {
                known = gate.credential(apiKey, project());
                credential = known;
            }
            return known;
        }

        private long nowMillis() {
            return timer.now(TimeUnit.MILLISECONDS);
        }

        private @Nullable String project() {
            for (Map.Entry<String, String> header : extraHeaders.entrySet()) {
                if (header.getKey().equalsIgnoreCase(PROJECT)) {
                    return header.getValue();
                }
            }
            return project;
        }

        private Mono<CallResult<R>> attempt(String apiKey) {
            attempts++;
            int attempt = attempts;
            HttpHeaders listenerHeaders = listenerHeaders(attempt);
            return client.request(HttpMethod.POST)
                    .uri(url(endpoint))
                    .send((httpRequest, outbound) -> {
                        HttpHeaders headers = httpRequest.requestHeaders();
                        if (listenerHeaders != null) {
                            headers.add(listenerHeaders);
                        }
                        for (int i = 0; i < commonHeaderNames.length; i++) {
                            headers.set(commonHeaderNames[i], commonHeaderValues[i]);
                        }
                        if (!extraHeaders.isEmpty()) {
                            extraHeaders.forEach(headers::set);
                        }
                        headers.set(HttpHeaderNames.AUTHORIZATION, authorization(apiKey));
                        // Serialized only when Netty subscribes to write it, so a call cancelled
                        // before the write holds no buffer; Reactor Netty sets Content-Length.
                        return outbound.send(Mono.fromSupplier(
                                () -> Json.write(outbound.alloc(), request, endpoint.writer())));
                    })
                    .response(this::collect)
                    .next()
                    .transform(exchange -> Deadline.of(exchange, attemptTimeout, timer))
                    .map(response -> decode(response, attempt, apiKey))
                    .onErrorMap(e -> failed(e, attempt));
        }

        /** Tells the listener an attempt starts; the headers it adds to the request, or null when it adds none. */
        private @Nullable HttpHeaders listenerHeaders(int attempt) {
            if (listener == CallListener.NONE) {
                return null;
            }
            HttpHeaders added = new DefaultHttpHeaders();
            listener.attemptStarted(attempt, (name, value) -> {
                if (name != null && value != null) {
                    added.set(name, value);
                }
            });
            return added.isEmpty() ? null : added;
        }

        /** The attempt's error as an {@link AttemptFailure}, which the listener hears of. */
        private AttemptFailure failed(Throwable error, int attempt) {
            AttemptFailure failure = error instanceof AttemptFailure known ? known : classify(error, attempt);
            listener.attemptFailed(attempt, failure.error());
            return failure;
        }

        private Mono<RawResponse> collect(HttpClientResponse response, ByteBufFlux content) {
            long declared = response.responseHeaders().getInt(HttpHeaderNames.CONTENT_LENGTH, -1);
            int max = settings.maxResponseBytes();
            int status = response.status().code();
            HttpHeaders headers = response.responseHeaders();
            if (declared > max) {
                return Mono.error(new BodyCollector.BodyTooLargeException(max, status, RawResponse.requestId(headers)));
            }
            return content.reduceWith(() -> new BodyCollector(max, declared, status, headers), BodyCollector::append)
                    .onErrorMap(e -> e instanceof DecompressionException
                                    && String.valueOf(e.getMessage()).contains("maximum size"),
                            e -> new BodyCollector.BodyTooLargeException(max, status, RawResponse.requestId(headers), true))
                    .map(body -> new RawResponse(response.status().code(), response.responseHeaders(),
                            body.bytes(), body.length()));
        }

        private CallResult<R> decode(RawResponse response, int attempt, String apiKey) {
            if (gate != null) {
                long hold = gate.holdMillis(response);
                if (hold > 0) {
                    gate.hold(credential(gate, apiKey), hold, nowMillis());
                }
            }
            if (!response.isSuccess()) {
                throw ApiErrors.fromResponse(response, apiKey);
            }
            try {
                R value = endpoint.read(response.body(), response.length());
                if (log.isDebugEnabled()) {
                    log.debug("{} -> {} after {} attempt(s) [request id {}]", endpoint.describe(), response.status(),
                            attempt, response.requestId());
                }
                if (listener != CallListener.NONE) {
                    listener.attemptSucceeded(attempt, response.status(), response.requestId());
                }
                return new CallResult<>(value, response, attempt);
            } catch (JacksonException | JsonShapeException | ValidationException e) {
                throw new AttemptFailure(new ResponseDecodingException(endpoint.describe()
                        + " answered " + response.status() + " with a body that could not be decoded: "
                        + Redactor.redact(String.valueOf(e.getMessage())), response.status(), response.requestId(),
                        e instanceof ValidationException ? e : null), false, null);
            }
        }

        private AttemptFailure classify(Throwable error, int attempt) {
            String where = endpoint.describe() + " attempt " + attempt;
            if (error instanceof TimeoutException) {
                return new AttemptFailure(new ApiTimeoutException(where + " got no complete answer within the attempt"
                        + " timeout of " + attemptTimeout), true, null);
            }
            if (error instanceof BodyCollector.BodyTooLargeException tooLarge) {
                return new AttemptFailure(new ResponseDecodingException(where + ": " + error.getMessage()
                        + "; raise maxResponseBytes(...) if this answer is expected", tooLarge.status(),
                        tooLarge.requestId(), null), false, null);
            }
            if (error instanceof ConnectTimeoutException) {
                return new AttemptFailure(new ApiTimeoutException(where + " could not connect within the connect"
                        + " timeout: " + Redactor.redact(String.valueOf(error.getMessage())), error), true, null);
            }
            if (error instanceof PoolAcquirePendingLimitException) {
                return new AttemptFailure(new ApiConnectionException(where + " was refused: the connection pool's wait"
                        + " queue is full (maxPendingAcquires " + settings.maxPendingAcquires() + " waiting for "
                        + settings.maxConnections() + " maxConnections); raise them or slow the callers", error), false, null);
            }
            if (error instanceof PoolAcquireTimeoutException) {
                return new AttemptFailure(new ApiTimeoutException(where + " waited too long for a pooled connection",
                        error), true, null);
            }
            if (error instanceof PrematureCloseException) {
                return new AttemptFailure(new ApiConnectionException(where + ": the server closed the connection"
                        + " before the answer was complete", error), true, null);
            }
            if (error instanceof DecompressionException) {
                return new AttemptFailure(new ResponseDecodingException(where + ": the compressed answer could not be"
                        + " inflated: " + Redactor.redact(String.valueOf(error)), 200, null, error), false, null);
            }
            if (error instanceof IOException || error instanceof io.netty.channel.ChannelException
                    || error instanceof DecoderException) {
                return new AttemptFailure(new ApiConnectionException(where + " failed: "
                        + Redactor.redact(String.valueOf(error)), error), true, null);
            }
            if (error instanceof RealtimeSessionsException known) {
                return new AttemptFailure(known, false, null);
            }
            return new AttemptFailure(new RealtimeSessionsException(where + " failed unexpectedly: "
                    + Redactor.redact(String.valueOf(error)), error), false, null);
        }

        private Mono<Long> afterFailure(Throwable error, long retriesSoFar) {
            AttemptFailure failure = error instanceof AttemptFailure f ? f : classify(error, attempts);
            RealtimeSessionsException exception = failure.error();
            if (!failure.retryable() || retriesSoFar >= policy.maxRetries()) {
                return Mono.error(withEarlierFailures(exception));
            }
            Duration delay = delayBeforeRetry(failure, (int) retriesSoFar + 1);
            long now = nowMillis();
            if (now + delay.toMillis() >= deadline) {
                if (log.isDebugEnabled()) {
                    log.debug("{} failed ({}); a retry after {} ms would pass the deadline, failing now",
                            endpoint.describe(), exception.getMessage(), delay.toMillis());
                }
                return Mono.error(withEarlierFailures(exception));
            }
            if (failures == null) {
                failures = new ArrayList<>(2);
            }
            failures.add(exception);
            listener.retryScheduled(attempts, delay, exception);
            return Mono.create(sink -> {
                sink.onDispose(timer.schedule(() -> sink.success(retriesSoFar), delay.toNanos(), TimeUnit.NANOSECONDS));
                if (log.isDebugEnabled()) {
                    log.debug("{} failed ({}); retry {} of {} in {} ms", endpoint.describe(), exception.getMessage(),
                            retriesSoFar + 1, policy.maxRetries(), delay.toMillis());
                }
            });
        }

        private Duration delayBeforeRetry(AttemptFailure failure, int retry) {
            Duration asked = failure.serverDelay();
            if (asked != null && !asked.isZero() && asked.compareTo(policy.maxRetryAfter()) <= 0) {
                return asked;
            }
            long backoff = policy.initialBackoff().toNanos();
            for (int i = 1; i < retry && backoff < policy.maxBackoff().toNanos(); i++) {
                backoff *= 2;
            }
            backoff = Math.min(backoff, policy.maxBackoff().toNanos());
            double shorten = 1 - ThreadLocalRandom.current().nextDouble() * policy.jitter();
            return Duration.ofNanos((long) (backoff * shorten));
        }

        /** The error, with the failures of the attempts before it attached as suppressed. */
        private RealtimeSessionsException withEarlierFailures(RealtimeSessionsException error) {
            List<RealtimeSessionsException> earlierFailures = failures;
            if (earlierFailures != null) {
                // By index over a size read once: the overall timeout can fire while an attempt's failure is being added.
                for (int i = 0, count = earlierFailures.size(); i < count; i++) {
                    RealtimeSessionsException earlier = earlierFailures.get(i);
                    if (earlier != error) {
                        error.addSuppressed(earlier);
                    }
                }
            }
            return error;
        }
    }
}
