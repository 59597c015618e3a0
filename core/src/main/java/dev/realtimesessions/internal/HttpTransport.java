package dev.realtimesessions.internal;

import io.netty.channel.ChannelException;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.NettyOutbound;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.Http2AllocationStrategy;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import reactor.netty.tcp.SslProvider;

/**
 * The one piece that speaks Reactor Netty: built once per client, it turns one attempt's
 * {@link OutgoingRequest} into a {@link RawResponse} (status, headers, a body within
 * {@code maxResponseBytes}), or fails with a {@link TransportException} saying what went wrong.
 *
 * <p>Its own transport: a pool of {@code maxConnections} (with {@code maxPendingAcquires} waiting,
 * a pending-acquire timeout of 10 min as a backstop behind the attempt timeout, idle connections
 * closed after 30 s), HTTP/2 negotiated by ALPN over TLS (each connection filled up to the server's
 * stream limit before another is opened) and HTTP/1.1 otherwise, inflation capped
 * per read, on Reactor Netty's global event loops or the {@link LoopResources} it was given. A
 * caller's own {@link HttpClient} is used as it is, with only compression (asked for only with
 * {@code acceptGzip}), the connect timeout and the redacting wiretap set on it; its pool,
 * protocols, TLS and decoder stay the caller's.
 */
final class HttpTransport implements AutoCloseable {

    private final HttpClient client;
    private final @Nullable ConnectionProvider ownedPool;
    private final int maxResponseBytes;
    /** Whether requests ask for gzip; if not, a compressed answer is refused rather than parsed as it is. */
    private final boolean acceptGzip;
    /** Names the pool in the message when its wait queue is full. */
    private final String poolDescription;
    private final BiFunction<HttpClientResponse, ByteBufFlux, Mono<RawResponse>> collector = this::collect;
    private final Function<Throwable, Throwable> translator = this::translate;

    HttpTransport(ClientSettings settings) {
        this.maxResponseBytes = settings.maxResponseBytes();
        HttpClient base = settings.httpClient();
        if (base != null) {
            this.ownedPool = null;
            this.poolDescription = "the pool of the HttpClient given to httpClient(...)";
        } else {
            this.poolDescription = "maxPendingAcquires " + settings.maxPendingAcquires() + " waiting for "
                    + settings.maxConnections() + " maxConnections";
            ConnectionProvider.Builder pool = ConnectionProvider.builder("realtime-sessions")
                    .maxConnections(settings.maxConnections())
                    .pendingAcquireMaxCount(settings.maxPendingAcquires())
                    .pendingAcquireTimeout(Duration.ofMinutes(10))
                    .maxIdleTime(Duration.ofSeconds(30));
            if (settings.baseUrl().startsWith("https:")) {
                // Where h2 can be negotiated, calls share a connection up to the server's stream limit before
                // another is opened; by default a cold burst opened a connection per call until the first ones
                // were up (2,000 calls: 1,924 connections instead of 16 at 128 streams; BENCHMARKS.md).
                pool.allocationStrategy(Http2AllocationStrategy.builder()
                        .maxConnections(settings.maxConnections())
                        .strictConnectionReuse(true)
                        .build());
            }
            this.ownedPool = pool.build();
            base = ownTransport(HttpClient.create(ownedPool), settings);
        }
        this.acceptGzip = settings.acceptGzip();
        boolean wiretap = settings.wiretap();
        // Always: a caller's HTTP client may carry Reactor Netty's own wiretap, which logs the key in clear.
        this.client = base.compress(acceptGzip)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, millis(settings.connectTimeout()))
                .doOnChannelInit((observer, channel, address) -> RedactingWiretap.install(channel.pipeline(), wiretap));
    }

    private static HttpClient ownTransport(HttpClient client, ClientSettings settings) {
        HttpClient configured = InflateLimit.apply(client, settings.maxResponseBytes());
        LoopResources loops = settings.loops();
        if (loops != null) {
            configured = configured.runOn(loops);
        }
        if (!settings.baseUrl().startsWith("https:")) {
            return configured.protocol(HttpProtocol.HTTP11);
        }
        configured = configured.protocol(HttpProtocol.H2, HttpProtocol.HTTP11);
        TrustManagerFactory trust = settings.trustManager();
        if (trust == null) {
            return configured;
        }
        SslProvider.GenericSslContextSpec<?> tls = Http2SslContextSpec.forClient()
                .configure(builder -> builder.trustManager(trust));
        return configured.secure(spec -> spec.sslContext(tls));
    }

    /** POSTs one attempt's request; cold, and cancelling it aborts the exchange and frees its connection. */
    Mono<RawResponse> exchange(OutgoingRequest request, @Nullable Duration connectTimeout) {
        HttpClient route = connectTimeout == null ? client
                : client.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, millis(connectTimeout));
        // The flux has exactly one answer (the collector's): seen as a Mono directly, without an operator to pick it.
        return Mono.fromDirect(route.request(HttpMethod.POST)
                        .uri(request.url())
                        .send(new Send(request))
                        .response(collector))
                .onErrorMap(translator);
    }

    /** Releases the transport's own pool; a caller's HTTP client, and any event loops given, are left alone. */
    @Override
    public void close() {
        if (ownedPool != null) {
            ownedPool.dispose();
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }

    private Mono<RawResponse> collect(HttpClientResponse response, ByteBufFlux content) {
        HttpHeaders headers = response.responseHeaders();
        long declared = headers.getInt(HttpHeaderNames.CONTENT_LENGTH, -1);
        int max = maxResponseBytes;
        int status = response.status().code();
        if (declared > max) {
            return Mono.error(BodyCollector.tooLarge(max, status, headers, false));
        }
        if (!acceptGzip && headers.contains(HttpHeaderNames.CONTENT_ENCODING)) {
            String encoding = headers.get(HttpHeaderNames.CONTENT_ENCODING);
            if (!HttpHeaderValues.IDENTITY.contentEqualsIgnoreCase(encoding)) {
                return Mono.error(new TransportException(TransportException.Kind.INFLATE_FAILED, "the answer came "
                        + Redactor.redact(encoding) + "-encoded, but this client asks for no compression; build it"
                        + " with acceptGzip(true) to accept gzip", null, status, RawResponse.requestId(headers)));
            }
        }
        return new BodyCollector(content, max, status, headers);
    }

    /** Reactor Netty's and Netty's failures as {@link TransportException}s; anything else as it is. */
    private Throwable translate(Throwable error) {
        if (error instanceof TransportException) {
            return error;
        }
        if (error instanceof ConnectTimeoutException) {
            return new TransportException(TransportException.Kind.CONNECT_TIMEOUT,
                    "could not connect within the connect timeout: " + Redactor.redact(String.valueOf(error.getMessage())), error);
        }
        if (error instanceof PoolAcquirePendingLimitException) {
            return new TransportException(TransportException.Kind.POOL_FULL, "the connection pool's wait queue is full ("
                    + poolDescription + ")", error);
        }
        if (error instanceof PoolAcquireTimeoutException) {
            return new TransportException(TransportException.Kind.POOL_TIMEOUT, "waited too long for a pooled connection",
                    error);
        }
        if (error instanceof PrematureCloseException) {
            return new TransportException(TransportException.Kind.CLOSED_EARLY,
                    "the server closed the connection before the answer was complete", error);
        }
        if (error instanceof DecompressionException) {
            return new TransportException(TransportException.Kind.INFLATE_FAILED, "the compressed answer could not be"
                    + " inflated: " + Redactor.redact(String.valueOf(error)), error);
        }
        if (error instanceof ConnectException || error instanceof UnknownHostException
                || error instanceof SSLHandshakeException) {
            return new TransportException(TransportException.Kind.CONNECT_FAILED, Redactor.redact(String.valueOf(error)),
                    error);
        }
        if (error instanceof IOException || error instanceof ChannelException || error instanceof DecoderException) {
            return new TransportException(TransportException.Kind.NETWORK, Redactor.redact(String.valueOf(error)), error);
        }
        return error;
    }

    /** Writes one request's headers, then its body when the connection asks for it. */
    private static final class Send implements BiFunction<HttpClientRequest, NettyOutbound, Publisher<Void>> {
        private final OutgoingRequest request;

        Send(OutgoingRequest request) {
            this.request = request;
        }

        @Override
        public Publisher<Void> apply(HttpClientRequest http, NettyOutbound outbound) {
            request.writeHeaders(http.requestHeaders());
            // Reactor Netty sets Content-Length, 0 when the request has no body.
            return outbound.send(Mono.fromSupplier(() -> request.writeBody(outbound.alloc())));
        }
    }
}
