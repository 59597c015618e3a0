// Over 300 lines on purpose: the public endpoint with its Javadoc'd builder. Reading the body and
// answering live here; the calls' decisions are carried out in IncomingCalls, their lives in CallKeeper.
package dev.realtimesessions.adapter.webflux;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.ValidationException;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.webhooks.RealtimeCallIncoming;
import dev.realtimesessions.webhooks.WebhookEvent;
import dev.realtimesessions.webhooks.WebhookReplayStore;
import dev.realtimesessions.webhooks.WebhookVerificationException;
import dev.realtimesessions.webhooks.WebhookVerifier;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
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
 * A Spring WebFlux webhook endpoint for OpenAI's events, above all incoming SIP calls: it reads the
 * raw body, verifies the delivery ({@link WebhookVerifier}: signature, timestamp, replay), hands the
 * event to the application's handler, carries out the handler's decision for a call with the call
 * control API, and acknowledges the delivery.
 *
 * <pre>{@code
 * @Bean
 * RealtimeWebhookEndpoint realtimeWebhooks(RealtimeSessions sessions) {
 *     return RealtimeWebhookEndpoint.builder(sessions)
 *         .verifier(WebhookVerifier.of(System.getenv("OPENAI_WEBHOOK_SECRET")))
 *         .callHandler(call -> Mono.just(knownCaller(call)
 *             ? IncomingCallDecision.accept(session)
 *             : IncomingCallDecision.reject(486)))
 *         .maxDuration(Duration.ofMinutes(15))          // hung up after 15 minutes, whatever the caller does
 *         .build();
 * }
 *
 * @Bean
 * RouterFunction<ServerResponse> realtimeWebhookRoutes(RealtimeWebhookEndpoint webhooks) {
 *     return webhooks.routerFunction();                 // POST /realtime/webhook
 * }
 * }</pre>
 *
 * <p><strong>A delivery</strong> ({@code POST} to the path, default {@value #DEFAULT_PATH}) is read
 * up to {@link Builder#maxBodyBytes} bytes and verified over its raw bytes without blocking
 * ({@link WebhookVerifier#verifyNonBlocking}). Then, by type:
 * <ul>
 *   <li>{@code realtime.call.incoming}: the {@link IncomingCallHandler} decides within the handler
 *       timeout ({@link Builder#handlerTimeout}, default 5 s). An accepted session passes the
 *       {@link TokenGuardrails} (allowed models and voices, fixed tools, and the quota of the caller,
 *       {@link IncomingCallHandler#caller}) and is accepted ({@link RealtimeSessions#acceptCall}); a
 *       reject is sent with its SIP status; a refer accepts the call with the endpoint's
 *       {@linkplain Builder#session session}, then transfers it. Without a usable decision (too late,
 *       failed, empty, refused by the guardrails) or when the accept fails, the endpoint rejects the
 *       call itself with {@link Builder#rejectStatus} (default {@value #DEFAULT_REJECT_STATUS}
 *       Temporarily Unavailable) rather than leave the caller in silence;</li>
 *   <li>any other type, {@code live.transport.incoming} included for now: the
 *       {@link WebhookEventHandler}, when there is one, within the same timeout; without one the
 *       event is acknowledged and dropped.</li>
 * </ul>
 * The work goes on when OpenAI closes the connection before the answer: a call is answered either way.
 *
 * <p><strong>Answers</strong> (errors as JSON {@code {"error": {"type": ..., "message": ...}}}):
 * <ul>
 *   <li>{@code 200}, empty: the event is handled (the call answered, rejected or referred; the
 *       event handler done), or it is a replay of a delivery accepted before ({@code REPLAYED}:
 *       nothing is done twice, and OpenAI's retries stop);</li>
 *   <li>{@code 400 invalid_webhook}: verification failed (missing header, malformed, stale or future
 *       timestamp, no matching signature, a body that is not a JSON object); nothing is processed;</li>
 *   <li>{@code 413 body_too_large}: the body is larger than {@link Builder#maxBodyBytes}; nothing is processed;</li>
 *   <li>{@code 500 handler_failed}: the event handler failed or timed out;</li>
 *   <li>{@code 502 upstream_error}: neither the decision nor a reject reached OpenAI's call control
 *       (unreachable, a 5xx), so the call may still be ringing;</li>
 *   <li>{@code 503 replay_check_failed}: the replay store failed; {@code 503 unavailable}: the
 *       endpoint is {@linkplain #close() closed}.</li>
 * </ul>
 * Every 5xx asks OpenAI to deliver the event again; before answering {@code 500} or {@code 502}
 * the endpoint forgets the delivery's {@code webhook-id} ({@link WebhookReplayStore#forget}), so
 * that the retry is accepted.
 *
 * <p><strong>Limits.</strong> Each accepted call is hung up when {@link Builder#maxDuration}
 * (default 10 minutes) has passed since OpenAI accepted it, whatever the caller does, kept as the
 * {@link RealtimeCallEndpoint} keeps its calls (timers on one scheduler, failed hangups tried again in
 * the background). {@link #hangup(String)} ends one
 * earlier; {@link #close()} (Spring calls it at shutdown for the auto-configured bean) answers new
 * deliveries {@code 503} and hangs up every open call.
 *
 * <p><strong>Audit.</strong> On {@code dev.realtimesessions.adapter.audit}, at INFO: {@code realtime
 * call started} (caller as {@code user}, call id, model, time limit) and {@code realtime call ended}
 * (reason {@code time-limit}, {@code hung-up}, {@code closed}, {@code refer-failed}), as for the call
 * endpoint, plus {@code realtime call rejected} (status, and why: {@code decision},
 * {@code handler-timeout}, {@code handler-failed}, {@code guardrail-<rule>}, {@code accept-failed})
 * and {@code realtime call referred} (target). Never a webhook secret, a signature, the API key or
 * a session's instructions, in these lines or any other.
 *
 * <p>Immutable configuration, thread-safe, non-blocking except {@link #close()}.
 */
public final class RealtimeWebhookEndpoint implements AutoCloseable {

    /** The path served unless {@link Builder#path(String)} says otherwise. */
    public static final String DEFAULT_PATH = "/realtime/webhook";
    /** How long the handler may take to decide unless {@link Builder#handlerTimeout(Duration)} says otherwise: 5 s. */
    public static final Duration DEFAULT_HANDLER_TIMEOUT = Duration.ofSeconds(5);
    /** The SIP status the endpoint rejects a call with unless {@link Builder#rejectStatus(int)} says otherwise: 480 Temporarily Unavailable. */
    public static final int DEFAULT_REJECT_STATUS = 480;
    /** The largest body read unless {@link Builder#maxBodyBytes(int)} says otherwise: 64 KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    /** How long an accepted call may last unless {@link Builder#maxDuration(Duration)} says otherwise: 10 minutes. */
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(10);

    /** The endpoint's name in log lines. */
    static final String NAME = "realtime webhook endpoint";

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeWebhookEndpoint.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    private static final String[] WEBHOOK_HEADERS = {"webhook-id", "webhook-timestamp", "webhook-signature"};
    private static final byte[] NO_BODY = new byte[0];
    private static final WebhookOutcome INTERNAL_ERROR = new WebhookOutcome(HttpStatus.INTERNAL_SERVER_ERROR,
            "internal_error", "The event could not be handled; deliver it again.");

    private final String path;
    private final WebhookVerifier verifier;
    private final @Nullable WebhookEventHandler eventHandler;
    private final Duration handlerTimeout;
    private final int rejectStatus;
    private final int maxBodyBytes;
    private final Duration maxDuration;
    private final Scheduler timer;
    private final CallKeeper keeper;
    private final IncomingCalls calls;

    private RealtimeWebhookEndpoint(Builder builder, WebhookVerifier verifier, IncomingCallHandler callHandler) {
        this.path = builder.path;
        this.verifier = verifier;
        this.eventHandler = builder.eventHandler;
        this.handlerTimeout = builder.handlerTimeout;
        this.rejectStatus = builder.rejectStatus;
        this.maxBodyBytes = builder.maxBodyBytes;
        this.maxDuration = builder.maxDuration;
        this.timer = builder.timer;
        // No per-caller limit of open calls: callers behind one switchboard share a From.
        this.keeper = new CallKeeper(RealtimeWebhookEndpoint.class, NAME, builder.sessions::hangupCall, timer, maxDuration,
                Integer.MAX_VALUE, UnaryOperator.identity());
        this.calls = new IncomingCalls(builder.sessions, callHandler, builder.session, builder.guardrails,
                builder.requestOptions, handlerTimeout, rejectStatus, timer, keeper);
    }

    /**
     * A builder for an endpoint that answers calls with {@code sessions}.
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
     * The route: {@code POST} to {@link #path()}, handled by {@link #handle(ServerRequest)}.
     *
     * @return a router function to register as a bean or compose with others
     */
    public RouterFunction<ServerResponse> routerFunction() {
        return RouterFunctions.route(RequestPredicates.POST(path), this::handle);
    }

    /**
     * Handles one delivery: read, verify, hand the event to its handler, carry out a call's decision,
     * answer as described in the class documentation. Never signals an error.
     *
     * @param request OpenAI's request, its body the signed event
     * @return the answer
     */
    public Mono<ServerResponse> handle(ServerRequest request) {
        if (keeper.isClosed()) {
            return ErrorAnswers.answer(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "The webhook endpoint is shutting down; deliver the event again later.");
        }
        if (request.headers().contentLength().orElse(0) > maxBodyBytes) {
            return tooLarge();
        }
        Map<String, String> headers = webhookHeaders(request);
        return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), maxBodyBytes)
                .map(RealtimeWebhookEndpoint::bytes)
                .defaultIfEmpty(NO_BODY)
                // Once verified, the delivery is handled to its end even if OpenAI stops waiting for the answer.
                .flatMap(body -> Mono.fromFuture(process(headers, body).toFuture(), true))
                .flatMap(RealtimeWebhookEndpoint::answer)
                .onErrorResume(DataBufferLimitException.class, e -> tooLarge());
    }

    /**
     * Hangs up an accepted call this endpoint keeps, before its time limit.
     *
     * @param callId OpenAI's call id, from the {@code realtime.call.incoming} event
     * @return {@code true} once the call is ended (OpenAI asked to hang up, and answered or failed; a
     *     hangup that fails is tried again in the background), {@code false} if the endpoint keeps no
     *     open call by that id; a {@link ValidationException} for a null id
     */
    public Mono<Boolean> hangup(String callId) {
        return Mono.defer(() -> {
            if (callId == null) {
                throw new ValidationException("callId", "must not be null");
            }
            OpenCall call = keeper.calls().get(callId);
            return call == null ? Mono.just(false) : keeper.end(call, CallEnd.HUNG_UP);
        });
    }

    /**
     * Answers new deliveries {@code 503 unavailable} (OpenAI delivers them again, to this instance
     * later or to another one) and hangs up every open call, waiting up to 10 s for OpenAI's answers.
     * Blocks: call it from a thread that may (Spring's shutdown does, for the auto-configured bean),
     * not from an event loop. Failures are logged, not thrown.
     */
    @Override
    public void close() {
        keeper.close();
        try {
            Integer ended = keeper.endAll(keeper.calls().all(), CallEnd.CLOSED).block(CLOSE_WAIT);
            if (ended != null && ended > 0) {
                LOG.info("{} closed: hung up {} open call(s)", NAME, ended);
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: could not hang up every open call while closing: {}", NAME, e.toString());
        }
    }

    /**
     * The accepted calls open now.
     *
     * @return the count
     */
    public int openCalls() {
        return keeper.calls().count();
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
     * How long the handler may take to decide.
     *
     * @return the handler timeout
     */
    public Duration handlerTimeout() {
        return handlerTimeout;
    }

    /**
     * The SIP status the endpoint rejects a call with when there is no usable decision.
     *
     * @return the status, 400 to 699
     */
    public int rejectStatus() {
        return rejectStatus;
    }

    /**
     * The largest body read.
     *
     * @return the limit in bytes
     */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * How long an accepted call may last before the endpoint hangs it up.
     *
     * @return the maximum duration
     */
    public Duration maxDuration() {
        return maxDuration;
    }

    /**
     * Describes the endpoint, without any secret.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "RealtimeWebhookEndpoint{POST " + path + ", handlerTimeout=" + handlerTimeout + ", rejectStatus="
                + rejectStatus + ", maxBodyBytes=" + maxBodyBytes + ", maxDuration=" + maxDuration + ", openCalls="
                + openCalls() + ", verifier=" + verifier + "}";
    }

    /** Verifies, then dispatches; a delivery that was not handled is forgotten, so that its retry is accepted. */
    private Mono<WebhookOutcome> process(Map<String, String> headers, byte[] body) {
        return verifier.verifyNonBlocking(headers, body)
                .flatMap(event -> dispatch(event)
                        .onErrorResume(error -> {
                            LOG.error("{}: unexpected failure handling event {} of type {}", NAME, event.id(),
                                    event.type(), error);
                            return Mono.just(INTERNAL_ERROR);
                        })
                        .flatMap(outcome -> outcome.acknowledged() ? Mono.just(outcome)
                                : forget(headers.get("webhook-id")).thenReturn(outcome)))
                .onErrorResume(WebhookVerificationException.class, e -> Mono.just(refused(e)));
    }

    private Mono<WebhookOutcome> dispatch(WebhookEvent event) {
        if (event instanceof RealtimeCallIncoming call) {
            return calls.answer(call);
        }
        WebhookEventHandler handler = eventHandler;
        if (handler == null) {
            LOG.debug("{}: acknowledged event {} of type {} without a handler", NAME, event.id(), event.type());
            return Mono.just(WebhookOutcome.ACKNOWLEDGED);
        }
        return Mono.defer(() -> handler.handle(event))
                .timeout(handlerTimeout, timer)
                .thenReturn(WebhookOutcome.ACKNOWLEDGED)
                .onErrorResume(error -> {
                    LOG.warn("{}: the event handler {} event {} of type {}; asking OpenAI to deliver it again", NAME,
                            error instanceof TimeoutException ? "did not finish within " + handlerTimeout + " with"
                                    : "failed (" + error + ") with", event.id(), event.type());
                    return Mono.just(WebhookOutcome.HANDLER_FAILED);
                });
    }

    private Mono<Void> forget(@Nullable String webhookId) {
        if (webhookId == null) {
            return Mono.empty();
        }
        return Mono.defer(() -> verifier.replayStore().forget(webhookId))
                .onErrorResume(error -> {
                    LOG.warn("{}: the replay store could not forget a delivery ({}); OpenAI's retry of it will be"
                            + " acknowledged without being handled", NAME, error.toString());
                    return Mono.empty();
                });
    }

    private static WebhookOutcome refused(WebhookVerificationException refusal) {
        return switch (refusal.reason()) {
            case REPLAYED -> {
                LOG.debug("{}: acknowledged a replay: {}", NAME, refusal.getMessage());
                yield WebhookOutcome.ACKNOWLEDGED;
            }
            case REPLAY_CHECK_FAILED -> {
                LOG.warn("{}: {}", NAME, refusal.getMessage());
                yield new WebhookOutcome(HttpStatus.SERVICE_UNAVAILABLE, "replay_check_failed",
                        "The delivery could not be checked against replays; deliver it again.");
            }
            default -> {
                LOG.warn("{}: refused a delivery ({}): {}", NAME, refusal.reason(), refusal.getMessage());
                yield new WebhookOutcome(HttpStatus.BAD_REQUEST, "invalid_webhook",
                        "The delivery failed verification: " + refusal.reason() + ".");
            }
        };
    }

    private static Mono<ServerResponse> answer(WebhookOutcome outcome) {
        return outcome.acknowledged() ? ServerResponse.ok().cacheControl(CacheControl.noStore()).build()
                : ErrorAnswers.answer(outcome.status(), outcome.type(), outcome.message());
    }

    private Mono<ServerResponse> tooLarge() {
        LOG.warn("{}: refused a delivery larger than {} bytes", NAME, maxBodyBytes);
        return ErrorAnswers.answer(HttpStatus.CONTENT_TOO_LARGE, "body_too_large",
                "The body is larger than " + maxBodyBytes + " bytes.");
    }

    /** The three headers the verifier reads, those present, by their lower-case names. */
    private static Map<String, String> webhookHeaders(ServerRequest request) {
        Map<String, String> headers = new HashMap<>(4);
        for (String name : WEBHOOK_HEADERS) {
            String value = request.headers().firstHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /**
     * Builds a {@link RealtimeWebhookEndpoint}. A {@link #verifier(WebhookVerifier)} and a
     * {@link #callHandler(IncomingCallHandler)} are required; everything else has a default.
     */
    public static final class Builder {
        private final RealtimeSessions sessions;
        private String path = DEFAULT_PATH;
        private @Nullable WebhookVerifier verifier;
        private @Nullable IncomingCallHandler callHandler;
        private @Nullable WebhookEventHandler eventHandler;
        private RealtimeSessionConfig session = RealtimeSessionConfig.builder().model(RealtimeModel.GPT_REALTIME)
                .build();
        private TokenGuardrails guardrails = TokenGuardrails.none();
        private RequestOptions requestOptions = RequestOptions.none();
        private Duration handlerTimeout = DEFAULT_HANDLER_TIMEOUT;
        private int rejectStatus = DEFAULT_REJECT_STATUS;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Duration maxDuration = DEFAULT_MAX_DURATION;
        private Scheduler timer = Schedulers.parallel();

        private Builder(RealtimeSessions sessions) {
            this.sessions = sessions;
        }

        /**
         * Sets the path served (default {@value RealtimeWebhookEndpoint#DEFAULT_PATH}); its public
         * {@code https} URL is what the project's webhook settings at OpenAI point to.
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
         * Sets the verifier: the signing secrets (several while rotating), the tolerance and the
         * replay store. Required. Give this endpoint its own verifier, or one shared only with code
         * that verifies other deliveries, so that one delivery is not taken for its own replay.
         *
         * @param verifier the verifier, such as {@code WebhookVerifier.of(System.getenv("OPENAI_WEBHOOK_SECRET"))}
         * @return this builder
         * @throws ValidationException if {@code verifier} is null
         */
        public Builder verifier(WebhookVerifier verifier) {
            if (verifier == null) {
                throw new ValidationException("verifier", "must not be null");
            }
            this.verifier = verifier;
            return this;
        }

        /**
         * Sets who decides about incoming SIP calls ({@code realtime.call.incoming}). Required.
         *
         * @param callHandler the application's handler
         * @return this builder
         * @throws ValidationException if {@code callHandler} is null
         */
        public Builder callHandler(IncomingCallHandler callHandler) {
            if (callHandler == null) {
                throw new ValidationException("callHandler", "must not be null");
            }
            this.callHandler = callHandler;
            return this;
        }

        /**
         * Sets the handler of every other event type (default none: such events are acknowledged
         * and dropped).
         *
         * @param eventHandler the application's handler
         * @return this builder
         * @throws ValidationException if {@code eventHandler} is null
         */
        public Builder eventHandler(WebhookEventHandler eventHandler) {
            if (eventHandler == null) {
                throw new ValidationException("eventHandler", "must not be null");
            }
            this.eventHandler = eventHandler;
            return this;
        }

        /**
         * Sets the session of {@link IncomingCallDecision#accept()} and of a referred call's accept
         * (default: model {@code gpt-realtime}, everything else the server's default).
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
         * Sets the limits on the sessions calls are accepted with (allowed models and voices, fixed
         * tools) and the quota per caller (default {@link TokenGuardrails#none()}): the same object as
         * the other endpoints' counts a caller named alike there against the same quota. Its user
         * resolver and secret lifetime do not apply: the caller is {@link IncomingCallHandler#caller},
         * a call's length is {@link #maxDuration(Duration)}.
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
         * Sets the options of every control call the endpoint makes (accept, reject, refer, hangup;
         * default none: the client's). A shorter {@code timeout} keeps an answer within the time a
         * phone rings; another key or project serves a project of its own.
         *
         * @param requestOptions the options
         * @return this builder
         * @throws ValidationException if {@code requestOptions} is null
         */
        public Builder requestOptions(RequestOptions requestOptions) {
            if (requestOptions == null) {
                throw new ValidationException("requestOptions", "must not be null");
            }
            this.requestOptions = requestOptions;
            return this;
        }

        /**
         * Sets how long a handler may take (default 5 s): a call handler that has not decided by
         * then has its call rejected with {@link #rejectStatus(int)}; an event handler that has not
         * finished has its event delivered again.
         *
         * @param handlerTimeout positive
         * @return this builder
         * @throws ValidationException if it is null, zero or negative
         */
        public Builder handlerTimeout(Duration handlerTimeout) {
            if (handlerTimeout == null || handlerTimeout.isNegative() || handlerTimeout.isZero()) {
                throw new ValidationException("handlerTimeout", "must be positive, but was " + handlerTimeout);
            }
            this.handlerTimeout = handlerTimeout;
            return this;
        }

        /**
         * Sets the SIP status the endpoint rejects a call with when there is no usable decision, or
         * the accept failed (default {@value RealtimeWebhookEndpoint#DEFAULT_REJECT_STATUS} Temporarily
         * Unavailable; 503 Service Unavailable lets a SIP trunk try another route).
         *
         * @param rejectStatus 400 to 699
         * @return this builder
         * @throws ValidationException naming {@code rejectStatus} if it is outside 400 to 699
         */
        public Builder rejectStatus(int rejectStatus) {
            if (rejectStatus < 400 || rejectStatus > 699) {
                throw new ValidationException("rejectStatus", "must be a SIP status that refuses the call, 400 to 699,"
                        + " but was " + rejectStatus);
            }
            this.rejectStatus = rejectStatus;
            return this;
        }

        /**
         * Sets the largest body read (default 64 KiB): a larger delivery is answered {@code 413}
         * with nothing processed. OpenAI's events are a few kilobytes.
         *
         * @param maxBodyBytes at least 1
         * @return this builder
         * @throws ValidationException if it is below 1
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes < 1) {
                throw new ValidationException("maxBodyBytes", "must be at least 1, but was " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * Sets how long an accepted call may last (default 10 minutes): the endpoint hangs it up when
         * this has passed since OpenAI accepted it, whatever the caller does.
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

        /** The scheduler of the handler timeouts, the time limits and the later hangups; tests pass a virtual one. */
        Builder timer(Scheduler timer) {
            this.timer = timer;
            return this;
        }

        /**
         * Builds the endpoint.
         *
         * @return the endpoint
         * @throws IllegalStateException if no verifier or no call handler was set
         */
        public RealtimeWebhookEndpoint build() {
            if (verifier == null) {
                throw new IllegalStateException("RealtimeWebhookEndpoint needs a verifier(...) with the webhook's signing"
                        + " secret: a delivery that is not verified is never processed");
            }
            if (callHandler == null) {
                throw new IllegalStateException("RealtimeWebhookEndpoint needs a callHandler(...) that decides about"
                        + " incoming SIP calls; without a decision every call would be rejected");
            }
            return new RealtimeWebhookEndpoint(this, verifier, callHandler);
        }
    }
}
