package dev.realtimesessions.adapter.webflux;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.ValidationException;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * A Spring WebFlux token endpoint: the browser asks the app, the app mints a client secret with
 * its API key and answers with the secret (never the key).
 *
 * <pre>{@code
 * @Bean
 * RouterFunction<ServerResponse> realtimeToken(RealtimeSessions sessions) {
 *     return RealtimeTokenEndpoint.builder(sessions)
 *         .authorizer(request -> request.principal().hasElement())
 *         .clientSecretRequest(ClientSecretCreateRequest.of(RealtimeSessionConfig.builder()
 *             .model(RealtimeModel.GPT_REALTIME)
 *             .instructions("You are a friendly assistant.")
 *             .audioOutput(AudioOutputConfig.ofVoice(Voice.MARIN)).build()))
 *         .build()
 *         .routerFunction();                  // POST /realtime/session
 * }
 * }</pre>
 *
 * <p><strong>Request.</strong> {@code POST} to the path (default {@value #DEFAULT_PATH}); the body
 * is the app's to read in a {@link RealtimeTokenCustomizer}, the endpoint itself ignores it.
 *
 * <p><strong>Answer</strong> ({@code 200}, {@code Cache-Control: no-store}), the same for both
 * {@link MintMode}s:
 * <pre>{@code
 * {"value": "ek_...", "expires_at": 1756310470,
 *  "session": {"type": "realtime", "id": "sess_...", "model": "gpt-realtime", "voice": "marin",
 *              "output_modalities": ["audio"], "expires_at": 1756310470}}
 * }</pre>
 * The session summary holds what the browser needs to connect (fields the server did not send are
 * left out); instructions and tools stay on the server.
 *
 * <p><strong>Errors</strong> carry {@code {"error": {"type": ..., "message": ...}}} with a generic
 * message and {@code Cache-Control: no-store}; OpenAI's bodies and headers are never forwarded:
 * <ul>
 *   <li>caller refused by the {@link RealtimeTokenAuthorizer}: {@code 403 forbidden} (or the
 *       status of a {@code ResponseStatusException} it raised);</li>
 *   <li>a request the {@link TokenGuardrails} refuse: {@code 403}, or {@code 429} with
 *       {@code Retry-After} for the quota, with type {@code guardrail} and the rule's name in
 *       {@code error.rule}; nothing is minted;</li>
 *   <li>OpenAI rate limited (429): {@code 503 upstream_rate_limited} with {@code Retry-After} in
 *       seconds (OpenAI's wait, else 5 s);</li>
 *   <li>timeout: {@code 504 upstream_timeout};</li>
 *   <li>any other failure of the call (bad key, bad configuration, OpenAI 5xx, connection,
 *       undecodable answer): {@code 502 upstream_error};</li>
 *   <li>a {@code ResponseStatusException} from a customizer: its status; anything else unexpected:
 *       {@code 500 internal_error}.</li>
 * </ul>
 * Failures are logged under this class's name with the core's redacted messages: never the API key
 * or a client secret.
 *
 * <p><strong>Audit.</strong> Each minted session is logged once at INFO on
 * {@code dev.realtimesessions.adapter.audit}: the user (see {@link TokenGuardrails.Builder#user}),
 * the session id, the model and the secret's expiry; never the secret or the API key.
 *
 * <p>Options in the subscriber's Reactor {@code Context} under {@link RequestOptions#CONTEXT_KEY}
 * (put there by a {@code WebFilter}, say) apply to the call, beneath those of
 * {@link RealtimeTokenCustomizer#requestOptions(ServerRequest)}. Immutable and thread-safe.
 */
public final class RealtimeTokenEndpoint {

    /** The path served unless {@link Builder#path(String)} says otherwise. */
    public static final String DEFAULT_PATH = "/realtime/session";

    private final String path;
    private final MintMode mode;
    private final RealtimeTokenAuthorizer authorizer;
    private final RealtimeTokenCustomizer customizer;
    private final TokenGuardrails guardrails;
    private final MintSteps<?, ?> steps;

    private RealtimeTokenEndpoint(Builder builder, RealtimeTokenAuthorizer authorizer) {
        this.path = builder.path;
        this.mode = builder.mode;
        this.authorizer = authorizer;
        this.customizer = builder.customizer;
        this.guardrails = builder.guardrails;
        this.steps = mode == MintMode.CLIENT_SECRETS ? clientSecrets(builder) : betaSessions(builder);
    }

    private MintSteps<ClientSecretCreateRequest, ClientSecretCreateResponse> clientSecrets(Builder builder) {
        ClientSecretCreateRequest defaults = builder.clientSecretRequest;
        return new MintSteps<>("clientSecretRequest", request -> customizer.clientSecretRequest(request, defaults),
                guardrails::apply, builder.sessions::createClientSecret, TokenAudit::minted, TokenJson::of);
    }

    @SuppressWarnings("deprecation") // the beta mode, kept while OpenAI serves it
    private MintSteps<RealtimeSessionCreateRequest, RealtimeSession> betaSessions(Builder builder) {
        RealtimeSessionCreateRequest defaults = builder.sessionRequest;
        return new MintSteps<>("sessionRequest", request -> customizer.sessionRequest(request, defaults),
                guardrails::apply, builder.sessions::create, TokenAudit::minted, TokenJson::of);
    }

    /**
     * A builder for an endpoint that mints with {@code sessions}.
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
     * The path served.
     *
     * @return the path, such as {@value #DEFAULT_PATH}
     */
    public String path() {
        return path;
    }

    /**
     * The endpoint minted through.
     *
     * @return the mint mode
     */
    public MintMode mode() {
        return mode;
    }

    /**
     * Handles one token request: authorize, shape, check the guardrails, mint, audit, answer. Never signals an error: every
     * failure becomes an answer as described in the class documentation.
     *
     * @param request the browser's request
     * @return the answer
     */
    public Mono<ServerResponse> handle(ServerRequest request) {
        return Authorization.then(authorizer, request, ErrorAnswers.TOKENS, () -> mint(request));
    }

    private Mono<ServerResponse> mint(ServerRequest request) {
        return guardrails.user(request).flatMap(user -> mint(request, user, steps))
                .flatMap(json -> ErrorAnswers.base(HttpStatus.OK).bodyValue(json));
    }

    /** The one mint pipeline: shape the request, check it, take the user's quota, mint, audit, write the answer. */
    private <Q, R> Mono<byte[]> mint(ServerRequest request, String user, MintSteps<Q, R> steps) {
        Mono<RequestOptions> options = Mono.defer(() -> customizer.requestOptions(request))
                .defaultIfEmpty(RequestOptions.none());
        return Mono.defer(() -> steps.request().apply(request))
                .switchIfEmpty(Mono.error(() -> new ValidationException(steps.field(),
                        "completed empty: the RealtimeTokenCustomizer must emit a request")))
                .map(steps.check())
                .flatMap(checked -> guardrails.acquire(user).thenReturn(checked))
                .zipWith(options)
                .flatMap(tuple -> steps.call().apply(tuple.getT1(), tuple.getT2()))
                .doOnNext(minted -> steps.audit().accept(user, minted))
                .map(steps.answer());
    }

    /**
     * Describes the endpoint.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "RealtimeTokenEndpoint{POST " + path + ", mode=" + mode + ", guardrails=" + guardrails + "}";
    }

    /**
     * What a mint mode brings to the pipeline: its request for a caller (named {@code field} in
     * errors), the guardrail check of that request, the client's call, the audit line and the answer.
     */
    private record MintSteps<Q, R>(String field, Function<ServerRequest, Mono<Q>> request, UnaryOperator<Q> check,
            BiFunction<Q, RequestOptions, Mono<R>> call, BiConsumer<String, R> audit, Function<R, byte[]> answer) {
    }

    /**
     * Builds a {@link RealtimeTokenEndpoint}. An {@link #authorizer(RealtimeTokenAuthorizer)} is
     * required; everything else has a default.
     */
    public static final class Builder {
        private final RealtimeSessions sessions;
        private String path = DEFAULT_PATH;
        private MintMode mode = MintMode.CLIENT_SECRETS;
        private @Nullable RealtimeTokenAuthorizer authorizer;
        private RealtimeTokenCustomizer customizer = new RealtimeTokenCustomizer() { };
        private ClientSecretCreateRequest clientSecretRequest = ClientSecretCreateRequest.of(
                RealtimeSessionConfig.builder().model(RealtimeModel.GPT_REALTIME).build());
        private RealtimeSessionCreateRequest sessionRequest = RealtimeSessionCreateRequest.builder()
                .model(RealtimeModel.GPT_REALTIME).build();
        private TokenGuardrails guardrails = TokenGuardrails.none();

        private Builder(RealtimeSessions sessions) {
            this.sessions = sessions;
        }

        /**
         * Sets the path served (default {@value RealtimeTokenEndpoint#DEFAULT_PATH}).
         *
         * @param path an absolute path, starting with {@code /}
         * @return this builder
         * @throws ValidationException if the path is null or does not start with {@code /}
         */
        public Builder path(String path) {
            if (path == null || !path.startsWith("/")) {
                throw new ValidationException("path", "must start with /, but was " + path);
            }
            this.path = path;
            return this;
        }

        /**
         * Sets the OpenAI endpoint to mint through (default {@link MintMode#CLIENT_SECRETS}, the GA API).
         *
         * @param mode the mint mode
         * @return this builder
         * @throws ValidationException if {@code mode} is null
         */
        public Builder mode(MintMode mode) {
            if (mode == null) {
                throw new ValidationException("mode", "must not be null");
            }
            this.mode = mode;
            return this;
        }

        /**
         * Sets who may have a secret. Required: use {@link RealtimeTokenAuthorizer#permitAll()}
         * only behind something that already authenticates callers.
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
         * Sets the hooks that shape the request and options per caller (default: none, every
         * caller gets the configured request).
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
         * Sets the GA request minted in {@link MintMode#CLIENT_SECRETS} mode, before the
         * customizer (default: model {@code gpt-realtime}, everything else the server's default).
         *
         * @param request the request
         * @return this builder
         * @throws ValidationException if {@code request} is null
         */
        public Builder clientSecretRequest(ClientSecretCreateRequest request) {
            if (request == null) {
                throw new ValidationException("clientSecretRequest", "must not be null");
            }
            this.clientSecretRequest = request;
            return this;
        }

        /**
         * Sets the beta request minted in {@link MintMode#BETA_SESSIONS} mode, before the
         * customizer (default: model {@code gpt-realtime}).
         *
         * @param request the request
         * @return this builder
         * @throws ValidationException if {@code request} is null
         * @deprecated OpenAI has deprecated the beta Realtime interface: mint in
         *     {@link MintMode#CLIENT_SECRETS} mode with {@link #clientSecretRequest(ClientSecretCreateRequest)}.
         */
        @Deprecated
        public Builder sessionRequest(RealtimeSessionCreateRequest request) {
            if (request == null) {
                throw new ValidationException("sessionRequest", "must not be null");
            }
            this.sessionRequest = request;
            return this;
        }

        /**
         * Sets the limits on what is minted: allowed models and voices, the longest secret lifetime,
         * the server's fixed tools and a per-user quota (default {@link TokenGuardrails#none()}).
         * They are checked on the request the customizer produced, before anything is minted.
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
         * Builds the endpoint.
         *
         * @return the endpoint
         * @throws IllegalStateException if no authorizer was set
         */
        public RealtimeTokenEndpoint build() {
            if (authorizer == null) {
                throw new IllegalStateException("RealtimeTokenEndpoint needs an authorizer(...): each secret costs money,"
                        + " so the endpoint refuses to serve anonymous callers; use RealtimeTokenAuthorizer.permitAll()"
                        + " only behind something that already authenticates them");
            }
            return new RealtimeTokenEndpoint(this, authorizer);
        }
    }
}
