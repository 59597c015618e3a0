package dev.realtimesessions.adapter.webflux;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.ValidationException;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.LiveSession;
import dev.realtimesessions.model.LiveSessionConfig;
import dev.realtimesessions.model.LiveSessionCreateRequest;
import dev.realtimesessions.model.RealtimeCall;
import dev.realtimesessions.model.RealtimeCallRequest;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.SessionConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A Spring WebFlux call endpoint: the browser posts its WebRTC SDP offer to the app, the app starts
 * the call with OpenAI ({@link RealtimeSessions#createCall}) with its API key and the session it
 * chooses, and answers with the SDP answer alone. The browser never holds a key, a client secret,
 * the session's instructions or OpenAI's call id; the app keeps the call, limits its length, and can
 * hang it up at any time.
 *
 * <pre>{@code
 * @Bean
 * RealtimeCallEndpoint realtimeCalls(RealtimeSessions sessions) {
 *     return RealtimeCallEndpoint.builder(sessions)
 *         .authorizer(request -> request.principal().hasElement())
 *         .session(RealtimeSessionConfig.builder()
 *             .model(RealtimeModel.GPT_REALTIME)
 *             .instructions("You are a friendly assistant.")
 *             .audioOutput(AudioOutputConfig.ofVoice(Voice.MARIN)).build())
 *         .maxDuration(Duration.ofMinutes(5))       // hung up after 5 minutes, whatever the browser does
 *         .maxCallsPerUser(2)
 *         .build();
 * }
 *
 * @Bean
 * RouterFunction<ServerResponse> realtimeCallRoutes(RealtimeCallEndpoint calls) {
 *     return calls.routerFunction();              // POST /realtime/call, DELETE /realtime/call/{handle}
 * }
 * }</pre>
 *
 * <p>In the browser:
 * <pre>{@code
 * const answer = await fetch("/realtime/call", {method: "POST", body: offer.sdp,
 *     headers: {"Content-Type": "application/sdp"}});
 * await pc.setRemoteDescription({type: "answer", sdp: await answer.text()});
 * const hangUp = () => fetch(answer.headers.get("Location"), {method: "DELETE"});
 * }</pre>
 *
 * <p><strong>Starting a call.</strong> {@code POST} to the path (default {@value #DEFAULT_PATH})
 * with the offer as the body and {@code Content-Type: application/sdp}. The request goes through
 * the same steps as the {@link RealtimeTokenEndpoint}'s: the {@link RealtimeTokenAuthorizer}; the
 * offer, read up to {@link RealtimeCallRequest#MAX_SDP_BYTES} bytes and checked; the session, from
 * the {@link RealtimeTokenCustomizer}'s
 * {@link RealtimeTokenCustomizer#clientSecretRequest clientSecretRequest} given the configured
 * {@link Builder#session session} (so that one customizer shapes tokens and calls alike; its
 * {@code expires_after} does not apply to a call and is ignored, and its session must be a realtime
 * one); the {@link TokenGuardrails} (models, voices, fixed tools; the secret lifetime does not apply);
 * the per-user limit of open calls; the guardrails' quota, last; then {@code createCall}.
 *
 * <p><strong>Answer</strong>: {@code 201}, {@code Content-Type: application/sdp},
 * {@code Cache-Control: no-store}, the SDP answer as the body, and a {@code Location} of
 * {@code <path>/<handle>}: an opaque, unguessable handle of the endpoint's own (128 random bits),
 * which only the same user can use to hang the call up ({@code DELETE} it). The browser does not get
 * OpenAI's call id: it needs none, and the handle works only here and only for its user.
 *
 * <p><strong>Errors</strong> are {@code {"error": {"type": ..., "message": ...}}}, as the token
 * endpoint's (see there for the authorizer's, the guardrails' and the upstream ones), plus:
 * <ul>
 *   <li>{@code 415 unsupported_media_type}: the offer was not sent as {@code application/sdp} (which
 *       also means a page on another origin cannot start calls with a user's cookies without a CORS
 *       preflight your app allows);</li>
 *   <li>{@code 413 offer_too_large}, {@code 400 invalid_offer}: not an SDP offer the core would send;
 *       nothing is sent upstream and no quota is used;</li>
 *   <li>{@code 429} with {@code error.rule} {@code max-calls-per-user}: the user holds
 *       {@link Builder#maxCallsPerUser} open calls already (no {@code Retry-After}: a slot frees when
 *       one of them ends);</li>
 *   <li>{@code 503 unavailable}: the endpoint is {@link #close() closed}.</li>
 * </ul>
 *
 * <p><strong>Limits.</strong> Each call is hung up ({@link RealtimeSessions#hangupCall}, with the key
 * and project it was created with) when {@link Builder#maxDuration} has passed since OpenAI answered,
 * whatever the browser does. {@link #revokeUser(String)} hangs up every open call of a user (at
 * logout, or when a quota of your own runs out); {@link #hangup(String, String)} or the browser's
 * {@code DELETE} one call. Each ending frees the user's slot at once. A call that ends otherwise (the
 * browser closes its peer connection) is not seen here: it keeps its slot until its time limit. A
 * hangup that fails (a 404 means the call was over already) is logged at WARN and tried again in the
 * background every 30 s, three times; the slot is freed either way. Timers are tasks on one Reactor
 * scheduler (the parallel one): many open calls cost no thread each.
 *
 * <p><strong>Memory.</strong> The table of open calls lives in this JVM. Calls still open when the
 * application stops would run on until the browser or OpenAI ends them, with no time limit:
 * {@link #close()} (Spring calls it at shutdown for the auto-configured bean) hangs them all up.
 *
 * <p><strong>Audit.</strong> One INFO line on {@code dev.realtimesessions.adapter.audit} when a call
 * starts (user, call id, model, time limit) and one when the endpoint ends it (user, call id, reason:
 * {@code hung-up}, {@code time-limit}, {@code revoked}, {@code closed}, or {@code undelivered} when
 * the browser left before it got the answer; and how long it ran). Never an SDP, the instructions, a
 * secret or the API key.
 *
 * <p><strong>GPT-Live.</strong> Built with {@link Builder#live(LiveSessionConfig)}, the endpoint
 * exchanges the offer through GPT-Live instead ({@link RealtimeSessions#createLiveSession}, alpha at
 * OpenAI), with the same authorizer, limits, revocation and audit: the session is the configured
 * {@link LiveSessionConfig}, shaped per caller by a {@link LiveSessionCustomizer}; the guardrails'
 * models, voices and quota apply (their fixed tools are Realtime tools and do not); calls end with
 * {@link RealtimeSessions#hangupLiveSession}. Limit what the browser may do on the data channel with
 * the session's {@link LiveSessionConfig#dataChannel() data channel permissions}.
 *
 * <p>Metrics: {@code RealtimeCallEndpointMetrics} in the micrometer package. Immutable configuration,
 * thread-safe, non-blocking except {@link #close()}.
 */
public final class RealtimeCallEndpoint implements AutoCloseable {

    /** The path served unless {@link Builder#path(String)} says otherwise. */
    public static final String DEFAULT_PATH = "/realtime/call";
    /** How long a call may last unless {@link Builder#maxDuration(Duration)} says otherwise: 10 minutes. */
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(10);
    /**
     * How many calls a user may hold open unless {@link Builder#maxCallsPerUser(int)} says otherwise:
     * 2, so that a page reloaded during a call (whose old call lingers until its time limit unless the
     * page hung it up) can start another.
     */
    public static final int DEFAULT_MAX_CALLS_PER_USER = 2;

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeCallEndpoint.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final String path;
    private final RealtimeTokenAuthorizer authorizer;
    private final RealtimeTokenCustomizer customizer;
    private final ClientSecretCreateRequest defaults;
    private final TokenGuardrails guardrails;
    private final Duration maxDuration;
    private final int maxCallsPerUser;
    private final RealtimeSessions sessions;
    /** The GPT-Live session calls start with, in Live mode; null for Realtime calls. */
    private final @Nullable LiveSessionConfig live;
    private final LiveSessionCustomizer liveCustomizer;
    private final CallKeeper keeper;
    private final OpenCalls calls;

    private RealtimeCallEndpoint(Builder builder, RealtimeTokenAuthorizer authorizer) {
        this.path = builder.path;
        this.authorizer = authorizer;
        this.customizer = builder.customizer;
        this.defaults = ClientSecretCreateRequest.of(builder.session);
        this.guardrails = builder.guardrails;
        this.maxDuration = builder.maxDuration;
        this.maxCallsPerUser = builder.maxCallsPerUser;
        this.sessions = builder.sessions;
        this.live = builder.live;
        this.liveCustomizer = builder.liveCustomizer;
        this.keeper = new CallKeeper(RealtimeCallEndpoint.class, "realtime call endpoint",
                live == null ? sessions::hangupCall : sessions::hangupLiveSession, builder.timer, maxDuration,
                maxCallsPerUser, new CallHandles());
        this.calls = keeper.calls();
    }

    /**
     * A builder for an endpoint that starts and ends calls with {@code sessions}.
     *
     * @param sessions the shared client; the endpoint does not close it
     * @return a new builder
     * @throws ValidationException if {@code sessions} is {@code null}
     */
    public static Builder builder(RealtimeSessions sessions) {
        if (sessions == null) {
            throw new ValidationException("sessions", "must not be null");
        }
        return new Builder(sessions);
    }

    /**
     * The routes: {@code POST} to {@link #path()}, handled by {@link #handle(ServerRequest)}, and
     * {@code DELETE} to {@code <path>/<handle>}, handled by {@link #handleHangup(ServerRequest)}.
     *
     * @return a router function to register as a bean or compose with others
     */
    public RouterFunction<ServerResponse> routerFunction() {
        return RouterFunctions.route(RequestPredicates.POST(path), this::handle)
                .andRoute(RequestPredicates.DELETE(path + "/{handle}"), this::handleHangup);
    }

    /**
     * Handles one offer: authorize, read and check the offer, shape the session, check the
     * guardrails and the user's open calls, take the quota, create the call, start its time limit,
     * answer with the SDP answer. Never signals an error: every failure becomes an answer as
     * described in the class documentation.
     *
     * @param request the browser's request, its body the SDP offer
     * @return the answer
     */
    public Mono<ServerResponse> handle(ServerRequest request) {
        return Authorization.then(authorizer, request, ErrorAnswers.CALLS, () -> start(request));
    }

    /**
     * Handles a {@code DELETE} of {@code <path>/<handle>}: hangs up the call the handle names if it is
     * the requesting user's ({@link TokenGuardrails.Builder#user}). Answers {@code 204} when a call was
     * ended, {@code 404 not_found} when the user has no open call by that handle. The authorizer is not
     * asked: ending one's own call is always allowed.
     *
     * @param request the browser's request, with the path variable {@code handle}
     * @return the answer
     */
    public Mono<ServerResponse> handleHangup(ServerRequest request) {
        return guardrails.user(request)
                .flatMap(user -> hangup(user, request.pathVariable("handle")))
                .flatMap(ended -> ended ? ServerResponse.noContent().cacheControl(CacheControl.noStore()).build()
                        : ErrorAnswers.answer(HttpStatus.NOT_FOUND, "not_found",
                                "No open realtime call by that handle."))
                .onErrorResume(ErrorAnswers.CALLS::failed);
    }

    /**
     * Hangs up one open call of a user: the app's own hang-up button, or any other reason.
     *
     * @param user the user, as {@link TokenGuardrails.Builder#user} names them
     * @param handle the call's handle, the last segment of the {@code Location} the browser got
     * @return {@code true} once the call is ended (its slot freed, OpenAI asked to hang up and answered
     *     or failed, see the class documentation), {@code false} if the user has no open call by that
     *     handle; a {@link ValidationException} for a null argument
     */
    public Mono<Boolean> hangup(String user, String handle) {
        return Mono.defer(() -> {
            OpenCall call = calls.get(notNull("user", user), notNull("handle", handle));
            return call == null ? Mono.just(false) : keeper.end(call, CallEnd.HUNG_UP);
        });
    }

    /**
     * Hangs up every open call of a user, for an event of the application's (logout, a quota of its
     * own, an abuse report). Calls the user starts afterwards are not affected.
     *
     * @param user the user, as {@link TokenGuardrails.Builder#user} names them
     * @return how many of the user's open calls this ended, once OpenAI has answered each hangup (or it
     *     failed, see the class documentation); {@code 0} if the user had none; a
     *     {@link ValidationException} for a null user
     */
    public Mono<Integer> revokeUser(String user) {
        return Mono.defer(() -> keeper.endAll(calls.of(notNull("user", user)), CallEnd.REVOKED));
    }

    /**
     * Hangs up every open call of every user.
     *
     * @return how many calls this ended, once OpenAI has answered each hangup (or it failed)
     */
    public Mono<Integer> hangupAll() {
        return Mono.defer(() -> keeper.endAll(calls.all(), CallEnd.CLOSED));
    }

    /**
     * Refuses new offers ({@code 503 unavailable}) and hangs up every open call, waiting up to 10 s for
     * OpenAI's answers. Blocks: call it from a thread that may (Spring's shutdown does, for the
     * auto-configured bean), not from an event loop. Failures are logged, not thrown.
     */
    @Override
    public void close() {
        keeper.close();
        try {
            Integer ended = hangupAll().block(CLOSE_WAIT);
            if (ended != null && ended > 0) {
                LOG.info("realtime call endpoint closed: hung up {} open call(s)", ended);
            }
        } catch (RuntimeException e) {
            LOG.warn("realtime call endpoint: could not hang up every open call while closing: {}", e.toString());
        }
    }

    /**
     * The calls open now, of all users.
     *
     * @return the count
     */
    public int openCalls() {
        return calls.count();
    }

    /**
     * The calls a user holds open now.
     *
     * @param user the user, as {@link TokenGuardrails.Builder#user} names them
     * @return the count, {@code 0} for a user without open calls
     * @throws ValidationException if {@code user} is null
     */
    public int openCalls(String user) {
        return calls.count(notNull("user", user));
    }

    /**
     * The users who hold at least one open call now.
     *
     * @return the count
     */
    public int usersWithOpenCalls() {
        return calls.users();
    }

    /**
     * The most calls any one user holds open now: how close the busiest user is to {@link #maxCallsPerUser()}.
     *
     * @return the count, {@code 0} when no call is open
     */
    public int mostOpenCallsOfOneUser() {
        return calls.maxPerUser();
    }

    /**
     * The path served.
     *
     * @return the path, such as {@value #DEFAULT_PATH}
     */
    public String path() {
        return path;
    }

    /**
     * How long a call may last before the endpoint hangs it up.
     *
     * @return the maximum duration
     */
    public Duration maxDuration() {
        return maxDuration;
    }

    /**
     * How many calls one user may hold open.
     *
     * @return the limit
     */
    public int maxCallsPerUser() {
        return maxCallsPerUser;
    }

    /**
     * The GPT-Live session calls start with, when the endpoint is in
     * {@link Builder#live(LiveSessionConfig) Live mode}.
     *
     * @return the session before the {@link LiveSessionCustomizer}, or empty for Realtime calls
     */
    public Optional<LiveSessionConfig> liveSession() {
        return Optional.ofNullable(live);
    }

    /**
     * Describes the endpoint.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "RealtimeCallEndpoint{POST " + path + (live == null ? "" : ", GPT-Live " + live.model().value())
                + ", maxDuration=" + maxDuration + ", maxCallsPerUser="
                + maxCallsPerUser + ", openCalls=" + calls.count() + ", guardrails=" + guardrails + "}";
    }

    private Mono<ServerResponse> start(ServerRequest request) {
        if (keeper.isClosed()) {
            return Mono.error(new OfferRefusal(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "The realtime call endpoint is shutting down; retry shortly."));
        }
        return Offers.read(request)
                .flatMap(offer -> guardrails.user(request).flatMap(user -> start(request, user, offer)))
                .flatMap(started -> ServerResponse.created(URI.create(path + "/" + started.handle()))
                        .contentType(Offers.APPLICATION_SDP).cacheControl(CacheControl.noStore())
                        .bodyValue(started.sdp()));
    }

    /** Shapes and checks the session, then opens the call under one of the user's slots. */
    private Mono<Started> start(ServerRequest request, String user, RealtimeCallRequest offer) {
        if (live != null) {
            return startLive(request, user, offer.sdp(), live);
        }
        Mono<RealtimeCallRequest> shaped = Mono.defer(() -> customizer.clientSecretRequest(request, defaults))
                .switchIfEmpty(Mono.error(() -> new ValidationException("clientSecretRequest",
                        "completed empty: the RealtimeTokenCustomizer must emit a request")))
                .map(shapedRequest -> {
                    RealtimeSessionConfig session = guardrails.apply(realtimeSession(shapedRequest.session()));
                    return session == null ? offer : new RealtimeCallRequest(offer.sdp(), session);
                });
        return shaped.zipWith(options(request))
                .flatMap(both -> open(user, both.getT1(), both.getT2()));
    }

    /** The customizer's options for this request, over those in the subscriber's context. */
    private Mono<RequestOptions> options(ServerRequest request) {
        return Mono.defer(() -> customizer.requestOptions(request))
                .defaultIfEmpty(RequestOptions.none())
                .flatMap(own -> Mono.deferContextual(context -> Mono.just(
                        context.getOrDefault(RequestOptions.CONTEXT_KEY, null) instanceof RequestOptions inContext
                                ? own.orElse(inContext) : own)));
    }

    private Mono<Started> open(String user, RealtimeCallRequest request, RequestOptions options) {
        RealtimeSessionConfig session = request.session();
        String model = session == null || session.model() == null ? null : session.model().value();
        return keeper.open(user, model, options, guardrails.acquire(user),
                        Mono.defer(() -> sessions.createCall(request, options)), RealtimeCall::callId)
                .map(opened -> new Started(opened.call().handle(), opened.started().sdp()));
    }

    /** Live mode: the customizer's GPT-Live session, checked, then the offer exchanged through GPT-Live. */
    private Mono<Started> startLive(ServerRequest request, String user, String sdp, LiveSessionConfig defaults) {
        Mono<LiveSessionConfig> shaped = Mono.defer(() -> liveCustomizer.liveSession(request, defaults))
                .switchIfEmpty(Mono.error(() -> new ValidationException("liveSession",
                        "completed empty: the LiveSessionCustomizer must emit a session")))
                .map(guardrails::apply);
        return shaped.zipWith(options(request)).flatMap(both -> {
            LiveSessionCreateRequest live = LiveSessionCreateRequest.of(both.getT1(), sdp);
            return keeper.open(user, both.getT1().model().value(), both.getT2(), guardrails.acquire(user),
                            Mono.defer(() -> sessions.createLiveSession(live, both.getT2())), LiveSession::sessionId)
                    .map(opened -> new Started(opened.call().handle(), opened.started().sdpAnswer()));
        });
    }

    /** What the browser gets: the call's handle and the SDP answer. */
    private record Started(String handle, String sdp) {
    }

    private static @Nullable RealtimeSessionConfig realtimeSession(@Nullable SessionConfig session) {
        if (session == null || session instanceof RealtimeSessionConfig) {
            return (RealtimeSessionConfig) session;
        }
        throw new IllegalStateException("the RealtimeTokenCustomizer gave a " + session.type()
                + " session, but a call needs a realtime session (RealtimeSessionConfig)");
    }

    private static String notNull(String field, @Nullable String value) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
        return value;
    }

    /**
     * Builds a {@link RealtimeCallEndpoint}. An {@link #authorizer(RealtimeTokenAuthorizer)} is
     * required; everything else has a default.
     */
    public static final class Builder {
        private final RealtimeSessions sessions;
        private String path = DEFAULT_PATH;
        private @Nullable RealtimeTokenAuthorizer authorizer;
        private RealtimeTokenCustomizer customizer = new RealtimeTokenCustomizer() { };
        private RealtimeSessionConfig session = RealtimeSessionConfig.builder().model(RealtimeModel.GPT_REALTIME)
                .build();
        private TokenGuardrails guardrails = TokenGuardrails.none();
        private Duration maxDuration = DEFAULT_MAX_DURATION;
        private int maxCallsPerUser = DEFAULT_MAX_CALLS_PER_USER;
        private Scheduler timer = Schedulers.parallel();
        private @Nullable LiveSessionConfig live;
        private LiveSessionCustomizer liveCustomizer = (request, defaults) -> Mono.just(defaults);

        private Builder(RealtimeSessions sessions) {
            this.sessions = sessions;
        }

        /**
         * Sets the path served (default {@value RealtimeCallEndpoint#DEFAULT_PATH}); hangups are
         * {@code DELETE <path>/<handle>}.
         *
         * @param path an absolute path, starting with {@code /} and not ending with one
         * @return this builder
         * @throws ValidationException if the path is null, does not start with {@code /} or ends with one
         */
        public Builder path(String path) {
            if (path == null || !path.startsWith("/") || path.endsWith("/")) {
                throw new ValidationException("path", "must start with / and not end with one, but was " + path);
            }
            this.path = path;
            return this;
        }

        /**
         * Sets who may start a call. Required: use {@link RealtimeTokenAuthorizer#permitAll()} only
         * behind something that already authenticates callers.
         *
         * @param authorizer decides per request
         * @return this builder
         * @throws ValidationException if {@code authorizer} is null
         */
        public Builder authorizer(RealtimeTokenAuthorizer authorizer) {
            if (authorizer == null) {
                throw new ValidationException("authorizer", "must not be null");
            }
            this.authorizer = authorizer;
            return this;
        }

        /**
         * Sets the hooks that shape the session and options per caller: the same hooks as the token
         * endpoint's, so that one customizer serves both. Its
         * {@link RealtimeTokenCustomizer#clientSecretRequest clientSecretRequest} gets the configured
         * {@link #session(RealtimeSessionConfig) session} wrapped in a request, and the session it
         * returns answers the call (none: the server's default); its {@code expires_after} is ignored.
         *
         * @param customizer the hooks
         * @return this builder
         * @throws ValidationException if {@code customizer} is null
         */
        public Builder customizer(RealtimeTokenCustomizer customizer) {
            if (customizer == null) {
                throw new ValidationException("customizer", "must not be null");
            }
            this.customizer = customizer;
            return this;
        }

        /**
         * Sets the session that answers calls, before the customizer (default: model
         * {@code gpt-realtime}, everything else the server's default).
         *
         * @param session the session
         * @return this builder
         * @throws ValidationException if {@code session} is null
         */
        public Builder session(RealtimeSessionConfig session) {
            if (session == null) {
                throw new ValidationException("session", "must not be null");
            }
            this.session = session;
            return this;
        }

        /**
         * Sets the limits on the sessions calls start with (allowed models and voices, fixed tools) and
         * the per-user quota (default {@link TokenGuardrails#none()}): the same object as the token
         * endpoint's, so that a user's quota counts tokens and calls together. The secret lifetime
         * does not apply to calls; {@link #maxDuration(Duration)} does.
         *
         * @param guardrails the limits
         * @return this builder
         * @throws ValidationException if {@code guardrails} is null
         */
        public Builder guardrails(TokenGuardrails guardrails) {
            if (guardrails == null) {
                throw new ValidationException("guardrails", "must not be null");
            }
            this.guardrails = guardrails;
            return this;
        }

        /**
         * Sets how long a call may last (default 10 minutes): the endpoint hangs it up when this has
         * passed since OpenAI answered the offer, whatever the browser does.
         *
         * @param maxDuration positive
         * @return this builder
         * @throws ValidationException if it is null, zero or negative
         */
        public Builder maxDuration(Duration maxDuration) {
            if (maxDuration == null || maxDuration.isNegative() || maxDuration.isZero()) {
                throw new ValidationException("maxDuration", "must be positive, but was " + maxDuration);
            }
            this.maxDuration = maxDuration;
            return this;
        }

        /**
         * Sets how many calls one user may hold open at once (default
         * {@value RealtimeCallEndpoint#DEFAULT_MAX_CALLS_PER_USER}); an offer beyond it is refused with
         * {@code 429} and rule {@code max-calls-per-user}. All callers without a user share one count,
         * as {@value TokenGuardrails#ANONYMOUS}.
         *
         * @param maxCallsPerUser at least 1
         * @return this builder
         * @throws ValidationException if it is below 1
         */
        public Builder maxCallsPerUser(int maxCallsPerUser) {
            if (maxCallsPerUser < 1) {
                throw new ValidationException("maxCallsPerUser", "must be at least 1, but was " + maxCallsPerUser);
            }
            this.maxCallsPerUser = maxCallsPerUser;
            return this;
        }

        /**
         * Starts GPT-Live sessions instead of Realtime calls (GPT-Live is alpha at OpenAI): each
         * offer is exchanged with {@code POST /live/sessions} for {@code session}, as the
         * {@link #liveCustomizer(LiveSessionCustomizer)} shapes it per caller, and each call ends with
         * a hangup of the Live session. The Realtime {@link #session(RealtimeSessionConfig) session}
         * and the customizer's {@code clientSecretRequest} are then not used; its
         * {@code requestOptions} are.
         *
         * @param session the GPT-Live session calls start with
         * @return this builder
         * @throws ValidationException if {@code session} is null
         */
        public Builder live(LiveSessionConfig session) {
            if (session == null) {
                throw new ValidationException("live", "must not be null");
            }
            this.live = session;
            return this;
        }

        /**
         * Shapes the GPT-Live session per caller, in {@link #live(LiveSessionConfig) Live mode}
         * (default: the configured session as it is).
         *
         * @param liveCustomizer the customizer
         * @return this builder
         * @throws ValidationException if {@code liveCustomizer} is null
         */
        public Builder liveCustomizer(LiveSessionCustomizer liveCustomizer) {
            if (liveCustomizer == null) {
                throw new ValidationException("liveCustomizer", "must not be null");
            }
            this.liveCustomizer = liveCustomizer;
            return this;
        }

        /** The scheduler of the time limits and the later hangups; tests pass a virtual one. */
        Builder timer(Scheduler timer) {
            this.timer = timer;
            return this;
        }

        /**
         * Builds the endpoint.
         *
         * @return the endpoint
         * @throws IllegalStateException if no authorizer was set
         */
        public RealtimeCallEndpoint build() {
            if (authorizer == null) {
                throw new IllegalStateException("RealtimeCallEndpoint needs an authorizer(...): each call costs money,"
                        + " so the endpoint refuses to serve anonymous callers; use RealtimeTokenAuthorizer.permitAll()"
                        + " only behind something that already authenticates them");
            }
            return new RealtimeCallEndpoint(this, authorizer);
        }
    }
}
