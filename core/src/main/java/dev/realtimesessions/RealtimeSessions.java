// Over 300 lines on purpose: this is the public facade, with one Javadoc'd method per call and
// overload, and its builder with one Javadoc'd setter per option. The work lives in internal
// (CallExecutor, Call, HttpTransport; the URL checks in BaseUrls).
package dev.realtimesessions;

import dev.realtimesessions.internal.BaseUrls;
import dev.realtimesessions.internal.CallExecutor;
import dev.realtimesessions.internal.ClientSettings;
import dev.realtimesessions.internal.Endpoint;
import dev.realtimesessions.internal.LibraryVersion;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.TranscriptionSession;
import dev.realtimesessions.model.TranscriptionSessionCreateRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;

/**
 * Mints OpenAI Realtime client secrets, reactively and without blocking.
 *
 * <pre>{@code
 * RealtimeSessions sessions = RealtimeSessions.builder()
 *     .apiKey(System.getenv("OPENAI_API_KEY"))
 *     .build();
 *
 * Mono<ClientSecretCreateResponse> secret = sessions.createClientSecret(ClientSecretCreateRequest.of(
 *     RealtimeSessionConfig.builder()
 *         .model(RealtimeModel.GPT_REALTIME)
 *         .instructions("You are a friendly assistant.")
 *         .audioOutput(AudioOutputConfig.ofVoice(Voice.MARIN))
 *         .build()));
 * // hand secret.value() to the browser
 * }</pre>
 *
 * <p>{@link #createClientSecret(ClientSecretCreateRequest)} calls the generally available
 * {@code POST /realtime/client_secrets}; {@link #create(RealtimeSessionCreateRequest)} calls the
 * deprecated beta {@code POST /realtime/sessions}, which the API may refuse with a
 * {@link BetaApiShapeDisabledException}.
 *
 * <p><strong>Share one client.</strong> It is thread-safe and holds a connection pool; build it
 * once per application (per API key set, at most) and {@link #close()} it at shutdown. Building one
 * per request throws the pool away each time.
 *
 * <p>Every method is lazy and cold: nothing is sent until the {@code Mono} is subscribed, and each
 * subscription is a new call. Cancelling the subscription aborts the exchange. A method never
 * throws; bad input and failures arrive as {@code Mono.error} with a
 * {@link RealtimeSessionsException} subclass. Failures are retried according to the
 * {@link RetryPolicy}, within the per-attempt and overall timeouts.
 */
public final class RealtimeSessions implements AutoCloseable {

    /** The OpenAI API base URL used unless {@link Builder#baseUrl(String)} says otherwise. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    private final CallExecutor executor;
    private final String description;

    private RealtimeSessions(CallExecutor executor, String description) {
        this.executor = executor;
        this.description = description;
    }

    /**
     * A builder with the defaults: base URL {@value #DEFAULT_BASE_URL}, connect timeout 5 s,
     * attempt timeout 15 s, overall timeout 45 s, {@link RetryPolicy#defaults()}, 1 MiB response
     * cap, a pool of 2000 connections with 20,000 waiting calls at most. Only the API key is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Mints a client secret through the beta {@code POST /realtime/sessions}.
     *
     * @param request the session configuration
     * @return the session with its {@link RealtimeSession#clientSecret() client secret}, or an error:
     *     {@link ApiException} subclasses for error answers, {@link ApiConnectionException},
     *     {@link ApiTimeoutException}, {@link ResponseDecodingException}, or
     *     {@link ValidationException} for a null request or unusable API key
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecret(ClientSecretCreateRequest)} with a
     *     {@link dev.realtimesessions.model.RealtimeSessionConfig}. This method keeps working as long as
     *     OpenAI serves the beta endpoint.
     */
    @Deprecated
    public Mono<RealtimeSession> create(RealtimeSessionCreateRequest request) {
        return create(request, RequestOptions.none());
    }

    /**
     * Mints a client secret through the beta {@code POST /realtime/sessions}, with per-call options.
     *
     * @param request the session configuration
     * @param options overrides for this call
     * @return the session, or an error as for {@link #create(RealtimeSessionCreateRequest)}
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecret(ClientSecretCreateRequest, RequestOptions)} with a
     *     {@link dev.realtimesessions.model.RealtimeSessionConfig}. This method keeps working as long as
     *     OpenAI serves the beta endpoint.
     */
    @Deprecated
    public Mono<RealtimeSession> create(RealtimeSessionCreateRequest request, RequestOptions options) {
        return executor.execute(Endpoint.BETA_SESSIONS, request, orNone(options)).map(result -> result.value());
    }

    /**
     * Like {@link #create(RealtimeSessionCreateRequest)}, with the HTTP status, headers, request id
     * and attempt count.
     *
     * @param request the session configuration
     * @return the session with its response details
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecretWithResponse(ClientSecretCreateRequest)} with a
     *     {@link dev.realtimesessions.model.RealtimeSessionConfig}. This method keeps working as long as
     *     OpenAI serves the beta endpoint.
     */
    @Deprecated
    public Mono<ApiResponse<RealtimeSession>> createWithResponse(RealtimeSessionCreateRequest request) {
        return createWithResponse(request, RequestOptions.none());
    }

    /**
     * Like {@link #create(RealtimeSessionCreateRequest, RequestOptions)}, with the HTTP status,
     * headers, request id and attempt count.
     *
     * @param request the session configuration
     * @param options overrides for this call
     * @return the session with its response details
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecretWithResponse(ClientSecretCreateRequest, RequestOptions)} with a
     *     {@link dev.realtimesessions.model.RealtimeSessionConfig}. This method keeps working as long as
     *     OpenAI serves the beta endpoint.
     */
    @Deprecated
    public Mono<ApiResponse<RealtimeSession>> createWithResponse(RealtimeSessionCreateRequest request,
            RequestOptions options) {
        return executor.execute(Endpoint.BETA_SESSIONS, request, orNone(options)).map(result -> result.toApiResponse());
    }

    /**
     * Mints a client secret through the GA {@code POST /realtime/client_secrets}.
     *
     * @param request the secret's lifetime and the realtime or transcription session it opens
     * @return the secret with its expiry and the effective session, or an error:
     *     {@link ApiException} subclasses for error answers, {@link ApiConnectionException},
     *     {@link ApiTimeoutException}, {@link ResponseDecodingException}, or
     *     {@link ValidationException} for a null request or unusable API key
     */
    public Mono<ClientSecretCreateResponse> createClientSecret(ClientSecretCreateRequest request) {
        return createClientSecret(request, RequestOptions.none());
    }

    /**
     * Mints a client secret through the GA {@code POST /realtime/client_secrets}, with per-call options.
     *
     * @param request the secret's lifetime and the session it opens
     * @param options overrides for this call
     * @return the secret and session, or an error as for {@link #createClientSecret(ClientSecretCreateRequest)}
     */
    public Mono<ClientSecretCreateResponse> createClientSecret(ClientSecretCreateRequest request,
            RequestOptions options) {
        return executor.execute(Endpoint.CLIENT_SECRETS, request, orNone(options)).map(result -> result.value());
    }

    /**
     * Like {@link #createClientSecret(ClientSecretCreateRequest)}, with the HTTP status, headers,
     * request id and attempt count.
     *
     * @param request the secret's lifetime and the session it opens
     * @return the secret and session with the response details
     */
    public Mono<ApiResponse<ClientSecretCreateResponse>> createClientSecretWithResponse(
            ClientSecretCreateRequest request) {
        return createClientSecretWithResponse(request, RequestOptions.none());
    }

    /**
     * Like {@link #createClientSecret(ClientSecretCreateRequest, RequestOptions)}, with the HTTP
     * status, headers, request id and attempt count.
     *
     * @param request the secret's lifetime and the session it opens
     * @param options overrides for this call
     * @return the secret and session with the response details
     */
    public Mono<ApiResponse<ClientSecretCreateResponse>> createClientSecretWithResponse(
            ClientSecretCreateRequest request, RequestOptions options) {
        return executor.execute(Endpoint.CLIENT_SECRETS, request, orNone(options))
                .map(result -> result.toApiResponse());
    }

    private static RequestOptions orNone(@Nullable RequestOptions options) {
        return options == null ? RequestOptions.none() : options;
    }

    /**
     * Mints a client secret for a speech-to-text-only session through the beta
     * {@code POST /realtime/transcription_sessions}.
     *
     * <pre>{@code
     * sessions.createTranscriptionSession(TranscriptionSessionCreateRequest.builder()
     *         .inputAudioTranscription(AudioTranscription.of(TranscriptionModel.GPT_4O_TRANSCRIBE))
     *         .build())
     *     .map(session -> session.clientSecret().value());
     * }</pre>
     *
     * @param request the transcription session configuration; {@code builder().build()} sends {@code {}}
     * @return the session with its {@link TranscriptionSession#clientSecret() client secret} (which
     *     may be {@code null}, see {@link TranscriptionSession}), or an error as for
     *     {@link #create(RealtimeSessionCreateRequest)}
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecret(ClientSecretCreateRequest)} with a
     *     {@link dev.realtimesessions.model.TranscriptionSessionConfig}. This method keeps working as long as
     *     OpenAI serves the beta endpoint.
     */
    @Deprecated
    public Mono<TranscriptionSession> createTranscriptionSession(TranscriptionSessionCreateRequest request) {
        return createTranscriptionSession(request, RequestOptions.none());
    }

    /**
     * Mints a client secret for a speech-to-text-only session through the beta
     * {@code POST /realtime/transcription_sessions}, with per-call options.
     *
     * @param request the transcription session configuration
     * @param options overrides for this call
     * @return the session, or an error as for {@link #create(RealtimeSessionCreateRequest)}
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecret(ClientSecretCreateRequest, RequestOptions)} with a
     *     {@link dev.realtimesessions.model.TranscriptionSessionConfig}. This method keeps working as long as
     *     OpenAI serves the beta endpoint.
     */
    @Deprecated
    public Mono<TranscriptionSession> createTranscriptionSession(TranscriptionSessionCreateRequest request,
            RequestOptions options) {
        return executor.execute(Endpoint.BETA_TRANSCRIPTION_SESSIONS, request, orNone(options))
                .map(result -> result.value());
    }

    /**
     * Like {@link #createTranscriptionSession(TranscriptionSessionCreateRequest)}, with the HTTP
     * status, headers, request id and attempt count.
     *
     * @param request the transcription session configuration
     * @return the session with its response details
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecretWithResponse(ClientSecretCreateRequest)} with a
     *     {@link dev.realtimesessions.model.TranscriptionSessionConfig}. This method keeps working as long as
     *     OpenAI serves the beta endpoint.
     */
    @Deprecated
    public Mono<ApiResponse<TranscriptionSession>> createTranscriptionSessionWithResponse(
            TranscriptionSessionCreateRequest request) {
        return createTranscriptionSessionWithResponse(request, RequestOptions.none());
    }

    /**
     * Like {@link #createTranscriptionSession(TranscriptionSessionCreateRequest, RequestOptions)},
     * with the HTTP status, headers, request id and attempt count.
     *
     * @param request the transcription session configuration
     * @param options overrides for this call
     * @return the session with its response details
     * @deprecated OpenAI has deprecated the beta Realtime interface: use
     *     {@link #createClientSecretWithResponse(ClientSecretCreateRequest, RequestOptions)} with a
     *     {@link dev.realtimesessions.model.TranscriptionSessionConfig}. This method keeps working as long as
     *     OpenAI serves the beta endpoint.
     */
    @Deprecated
    public Mono<ApiResponse<TranscriptionSession>> createTranscriptionSessionWithResponse(
            TranscriptionSessionCreateRequest request, RequestOptions options) {
        return executor.execute(Endpoint.BETA_TRANSCRIPTION_SESSIONS, request, orNone(options))
                .map(result -> result.toApiResponse());
    }

    /**
     * Releases the client's own connection pool. Calls made afterwards fail with a
     * {@link RealtimeSessionsException}; calls in flight are aborted. An HTTP client given to
     * {@link Builder#httpClient(HttpClient)} is not closed. Does not block.
     */
    @Override
    public void close() {
        executor.close();
    }

    /**
     * Describes the client's settings, never its API key.
     *
     * @return a description that is safe to log
     */
    @Override
    public String toString() {
        return "RealtimeSessions{" + description + (executor.isClosed() ? ", closed" : "") + "}";
    }

    /**
     * Builds a {@link RealtimeSessions} client. Setters check their argument at once and throw
     * {@link ValidationException} naming the option; {@link #build()} checks the combination.
     */
    public static final class Builder {
        private @Nullable Mono<String> apiKey;
        private String baseUrl = DEFAULT_BASE_URL;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration attemptTimeout = Duration.ofSeconds(15);
        private Duration timeout = Duration.ofSeconds(45);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private int maxResponseBytes = 1024 * 1024;
        private int maxConnections = 2000;
        private int maxPendingAcquires = 20_000;
        private @Nullable HttpClient httpClient;
        private @Nullable LoopResources loops;
        private @Nullable TrustManagerFactory trustManager;
        private boolean allowInsecureHttp;
        private boolean wiretap;
        private boolean rateGate = true;
        private CallListener.@Nullable Factory callListener;

        private Builder() {
        }

        /**
         * Sets the API key sent as {@code Authorization: Bearer}.
         *
         * @param apiKey the key, typically {@code System.getenv("OPENAI_API_KEY")}
         * @return this builder
         * @throws ValidationException if the key is null, blank or holds whitespace
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = Mono.just(Arguments.apiKey(apiKey));
            return this;
        }

        /**
         * Sets a source of the API key, subscribed once per call: for keys that rotate, or that
         * come from a secret store or the subscriber's {@code Context}. The source must not block.
         *
         * @param apiKey emits the key for one call
         * @return this builder
         */
        public Builder apiKey(Mono<String> apiKey) {
            this.apiKey = Arguments.notNull("apiKey", apiKey);
            return this;
        }

        /**
         * Sets the API base URL; {@code /realtime/...} paths are appended to it. Plain
         * {@code http} is accepted for loopback hosts only, unless {@link #allowInsecureHttp(boolean)}.
         *
         * @param baseUrl for example {@code https://api.openai.com/v1} or a gateway's URL
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = BaseUrls.normalize(baseUrl);
            return this;
        }

        /**
         * Sets {@code OpenAI-Organization} on every request.
         *
         * @param organization the organization id, {@code org-...}
         * @return this builder
         */
        public Builder organization(String organization) {
            return putHeader(Arguments.ORGANIZATION, organization);
        }

        /**
         * Sets {@code OpenAI-Project} on every request.
         *
         * @param project the project id, {@code proj_...}
         * @return this builder
         */
        public Builder project(String project) {
            return putHeader(Arguments.PROJECT, project);
        }

        /**
         * Adds a header to every request (a gateway's routing header, say).
         *
         * @param name the header name; not one the library sets itself
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            return putHeader(name, value);
        }

        private Builder putHeader(String name, String value) {
            Arguments.header(name, value);
            headers.put(name, value);
            return this;
        }

        /**
         * Sets the retry policy (default {@link RetryPolicy#defaults()}).
         *
         * @param retryPolicy the policy; {@link RetryPolicy#none()} disables retries
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Arguments.notNull("retryPolicy", retryPolicy, "use RetryPolicy.none() to disable retries");
            return this;
        }

        /**
         * Sets the time limit of one attempt, from asking for a connection to the last byte of the
         * answer (default 15 s).
         *
         * @param attemptTimeout positive
         * @return this builder
         */
        public Builder attemptTimeout(Duration attemptTimeout) {
            this.attemptTimeout = Arguments.positive("attemptTimeout", attemptTimeout);
            return this;
        }

        /**
         * Sets the overall deadline of a call, over all attempts and the waits between them
         * (default 45 s). A retry whose wait would end after it is not waited for.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Arguments.positive("timeout", timeout);
            return this;
        }

        /**
         * Sets the time limit to open a connection (default 5 s).
         *
         * @param connectTimeout positive
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Arguments.positive("connectTimeout", connectTimeout);
            return this;
        }

        /**
         * Sets the largest response body accepted, after decompression (default 1 MiB). A larger
         * body fails the call with {@link ResponseDecodingException} as soon as the cap is passed.
         *
         * @param maxResponseBytes positive
         * @return this builder
         */
        public Builder maxResponseBytes(int maxResponseBytes) {
            this.maxResponseBytes = Arguments.positive("maxResponseBytes", maxResponseBytes);
            return this;
        }

        /**
         * Sets the size of the client's own connection pool (default 2000): HTTP/1.1 connections,
         * each carrying many streams under HTTP/2. Ignored with {@link #httpClient(HttpClient)}.
         *
         * @param maxConnections positive
         * @return this builder
         */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = Arguments.positive("maxConnections", maxConnections);
            return this;
        }

        /**
         * Sets how many calls may wait for a pooled connection when all are busy (default
         * 20,000); past it a call fails at once with {@link ApiConnectionException}. Ignored with
         * {@link #httpClient(HttpClient)}.
         *
         * @param maxPendingAcquires positive
         * @return this builder
         */
        public Builder maxPendingAcquires(int maxPendingAcquires) {
            this.maxPendingAcquires = Arguments.positive("maxPendingAcquires", maxPendingAcquires);
            return this;
        }

        /**
         * Runs the library's own transport on these event loops instead of Reactor Netty's global
         * ones (default): an application's own loops, such as Spring's {@code ReactorResourceFactory}'s.
         * Everything else stays the library's: its own connection pool ({@link #maxConnections(int)},
         * {@link #maxPendingAcquires(int)}, idle connections closed after 30 s), HTTP/2 negotiated over
         * TLS, the inflation cap, compression, the connect timeout and the redacting wiretap.
         * {@link RealtimeSessions#close()} closes the pool, never the loops, which stay the caller's.
         * Replaces an {@link #httpClient(HttpClient)} set before: the two choose the transport.
         *
         * @param loops the event loops to run on
         * @return this builder
         * @throws ValidationException if {@code loops} is null
         */
        public Builder runOn(LoopResources loops) {
            this.loops = Arguments.notNull("runOn", loops);
            this.httpClient = null;
            return this;
        }

        /**
         * Makes the library's own transport trust the certificates {@code trustManager} trusts
         * instead of the JDK's default trust store: a private CA, a TLS-inspecting proxy, a test
         * server. HTTP/2 is still negotiated by ALPN. (A Spring Boot SSL bundle's
         * {@code getManagers().getTrustManagerFactory()} fits.)
         *
         * @param trustManager an initialized trust manager factory
         * @return this builder
         * @throws ValidationException if {@code trustManager} is null
         */
        public Builder trustManager(TrustManagerFactory trustManager) {
            this.trustManager = Arguments.notNull("trustManager", trustManager);
            return this;
        }

        /**
         * Sends with the caller's Reactor Netty client instead of the library's own transport, to
         * share its connection pool, event loops, TLS or proxy settings; the client is not closed.
         * To keep the library's transport and only choose its event loops, use
         * {@link #runOn(LoopResources)}.
         *
         * <p><strong>What still applies</strong> to a caller's client: compression
         * ({@code Accept-Encoding: gzip}), the connect timeout, the redacting wiretap (which also
         * replaces Reactor Netty's own wiretap, as that would log the key in clear),
         * {@link #maxResponseBytes(int)} (checked on the inflated body), the timeouts, retries,
         * rate gate, headers and listener. <strong>What does not</strong>: the library's pool and
         * its sizes ({@link #maxConnections(int)}, {@link #maxPendingAcquires(int)}, the 30 s idle
         * time, the pending-acquire timeout), HTTP/2 negotiation, the cap on inflation per read
         * (set {@code httpResponseDecoder(spec -> spec.maxDecompressionBufferSize(maxResponseBytes + 1))}
         * yourself, or a gzip answer is inflated a read at a time before the cap is checked), and
         * {@link #trustManager(TrustManagerFactory)}, which cannot be combined with it. Replaces a
         * {@link #runOn(LoopResources)} set before: the two choose the transport.
         *
         * @param httpClient the client to send requests with
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Arguments.notNull("httpClient", httpClient);
            this.loops = null;
            return this;
        }

        /**
         * Allows a plain {@code http} base URL whose host is not loopback (default {@code false}):
         * the API key then crosses the network unencrypted. For a trusted in-cluster gateway only.
         *
         * @param allowInsecureHttp whether to allow it
         * @return this builder
         */
        public Builder allowInsecureHttp(boolean allowInsecureHttp) {
            this.allowInsecureHttp = allowInsecureHttp;
            return this;
        }

        /**
         * Logs every exchange's bytes as text at DEBUG under {@code dev.realtimesessions.wiretap}
         * (default {@code false}), with the API key, client secrets and other credentials masked.
         *
         * @param wiretap whether to log exchanges
         * @return this builder
         */
        public Builder wiretap(boolean wiretap) {
            this.wiretap = wiretap;
            return this;
        }

        /**
         * Paces calls that share an API key and project at the rate the server describes (default
         * {@code true}). From OpenAI's {@code x-ratelimit-limit-requests},
         * {@code x-ratelimit-remaining-requests} and {@code x-ratelimit-reset-requests} the gate
         * learns, per key and project, how many requests may go at once and at what rate they come
         * back; when calls would overrun that, they wait in line and go at that rate, instead of
         * each being sent and refused. After a 429 the headers do not explain, the key waits for its
         * {@code retry-after-ms} or {@code retry-after}. A call whose turn would come too late for
         * its deadline fails at once with {@link RateLimitException}, nothing sent. A fresh client
         * sends ten requests before its first answer has told it anything; the rest of that first
         * burst waits for that answer (at most a second). Like the retry policy, the gate honours
         * waits up to the client's {@link RetryPolicy#maxRetryAfter()} and ignores longer ones. The
         * key is kept only as a SHA-256 digest. Turn it off when a limiter of your own already
         * paces the key.
         *
         * @param rateGate whether to pace calls per key and project
         * @return this builder
         */
        public Builder rateGate(boolean rateGate) {
            this.rateGate = rateGate;
            return this;
        }

        /**
         * Hears every call's events (attempts, retries, rate-gate waits, the outcome), for metrics
         * and tracing: {@code MicrometerCallListener} in {@code realtime-sessions-reactor-adapter}
         * records Micrometer observations, counters and gauges; see {@link CallListener} to plug in
         * anything else. None by default.
         *
         * @param factory makes one listener per call
         * @return this builder
         * @throws ValidationException if {@code factory} is null
         */
        public Builder callListener(CallListener.Factory factory) {
            this.callListener = Arguments.notNull("callListener", factory);
            return this;
        }

        /**
         * Builds the client.
         *
         * @return a new client; share it
         * @throws ValidationException if no API key was set, the base URL is plain {@code http}
         *     to a host that is not loopback without {@link #allowInsecureHttp(boolean)}, or
         *     {@link #httpClient(HttpClient)} is combined with {@link #trustManager(TrustManagerFactory)}
         */
        public RealtimeSessions build() {
            if (apiKey == null) {
                throw new ValidationException("apiKey", "is required: call apiKey(System.getenv(\"OPENAI_API_KEY\"))"
                        + " or apiKey(Mono<String>)");
            }
            BaseUrls.requireSecure(baseUrl, allowInsecureHttp);
            if (httpClient != null && trustManager != null) {
                throw new ValidationException("trustManager", "configures the library's own transport and cannot be"
                        + " combined with httpClient(...): set TLS on that HttpClient instead, or drop httpClient(...)");
            }
            ClientSettings settings = new ClientSettings(baseUrl, apiKey,
                    Collections.unmodifiableMap(new LinkedHashMap<>(headers)), retryPolicy, attemptTimeout, timeout,
                    connectTimeout, maxResponseBytes, maxConnections, maxPendingAcquires, httpClient, loops, trustManager,
                    wiretap, LibraryVersion.userAgent(), rateGate, callListener);
            String description = "baseUrl=" + baseUrl + ", headers=" + headers.keySet() + ", retryPolicy=" + retryPolicy
                    + ", attemptTimeout=" + attemptTimeout + ", timeout=" + timeout + ", connectTimeout=" + connectTimeout
                    + ", maxResponseBytes=" + maxResponseBytes
                    + (httpClient == null ? ", maxConnections=" + maxConnections + ", maxPendingAcquires="
                    + maxPendingAcquires + (loops == null ? "" : ", runOn=caller's loops")
                    + (trustManager == null ? "" : ", trustManager=caller's") : ", httpClient=caller's")
                    + ", rateGate=" + rateGate
                    + (callListener == null ? "" : ", callListener=" + callListener.getClass().getName());
            return new RealtimeSessions(new CallExecutor(settings), description);
        }
    }
}
