package dev.realtimesessions.adapter.webflux;

import dev.realtimesessions.ValidationException;
import dev.realtimesessions.model.ClientSecretConfig;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ExpiresAfter;
import dev.realtimesessions.model.FunctionTool;
import dev.realtimesessions.model.McpTool;
import dev.realtimesessions.model.LiveSessionConfig;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.SessionConfig;
import dev.realtimesessions.model.Tool;
import dev.realtimesessions.model.Voice;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Limits on what the {@link RealtimeTokenEndpoint} mints, whatever the browser asks for and the
 * {@link RealtimeTokenCustomizer} makes of it. Set on
 * {@link RealtimeTokenEndpoint.Builder#guardrails(TokenGuardrails)}, and on
 * {@link RealtimeCallEndpoint.Builder#guardrails(TokenGuardrails)}, where the models, voices, fixed
 * tools and quota apply to the session a call starts with (the secret lifetime does not: a call's
 * length is the endpoint's {@code maxDuration}). One object on both endpoints counts a user's tokens
 * and calls against one quota.
 *
 * <pre>{@code
 * TokenGuardrails guardrails = TokenGuardrails.builder()
 *     .allowedModels("gpt-realtime")
 *     .allowedVoices("marin", "cedar")
 *     .maxSecretLifetime(Duration.ofMinutes(2))
 *     .fixedTools(List.of(lookupOrder))                 // the browser cannot add any
 *     .quota(RealtimeTokenQuota.inMemory(10, Duration.ofMinutes(1)))
 *     .build();
 * }</pre>
 *
 * <p>The rules are checked on the final request (after the customizer), before minting; a refused
 * request mints nothing and is answered
 * {@code {"error": {"type": "guardrail", "rule": ..., "message": ...}}}:
 * <ul>
 *   <li>{@code allowed-models} ({@code 403}): the session must name one of the models; a session
 *       without a model (the server's default) is refused too;</li>
 *   <li>{@code allowed-voices} ({@code 403}): a voice the session names must be one of these (by
 *       name, or by id for a custom voice); a session without a voice gets the server's default;</li>
 *   <li>{@code max-secret-lifetime} ({@code 403}): a longer lifetime is refused; a request without
 *       one is minted with this lifetime, so the secret never outlives it;</li>
 *   <li>{@code fixed-tools} ({@code 403}): a tool not in the server's list (compared whole: name,
 *       description, parameters) is refused; the minted session always carries exactly the server's
 *       list, even when the request dropped some;</li>
 *   <li>{@code quota} ({@code 429} with {@code Retry-After} in seconds): checked last, only for
 *       requests every other rule allowed; see {@link RealtimeTokenQuota}.</li>
 * </ul>
 * Models, voices and tools apply to realtime sessions; a transcription session (GA mode) has none
 * of them and is held to the lifetime and the quota only.
 *
 * <p>The user the quota counts and the audit line names comes from
 * {@link Builder#user(Function)}: by default the request's principal name, {@value #ANONYMOUS}
 * without one (all anonymous callers then share one quota). Immutable and thread-safe.
 */
public final class TokenGuardrails {

    /** The user named when the resolver finds none. */
    public static final String ANONYMOUS = "anonymous";

    private static final TokenGuardrails NONE = builder().build();

    private final @Nullable Set<String> allowedModels;
    private final @Nullable Set<String> allowedVoices;
    private final @Nullable Duration maxSecretLifetime;
    private final @Nullable List<Tool> fixedTools;
    private final @Nullable RealtimeTokenQuota quota;
    private final Function<ServerRequest, Mono<String>> user;

    private TokenGuardrails(Builder builder) {
        this.allowedModels = builder.allowedModels;
        this.allowedVoices = builder.allowedVoices;
        this.maxSecretLifetime = builder.maxSecretLifetime;
        this.fixedTools = builder.fixedTools;
        this.quota = builder.quota;
        this.user = builder.user;
    }

    /**
     * No limits; users are the principal's name. What an endpoint has unless told otherwise.
     *
     * @return guardrails that allow everything
     */
    public static TokenGuardrails none() {
        return NONE;
    }

    /**
     * A builder with no limits set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    Mono<String> user(ServerRequest request) {
        return Mono.defer(() -> user.apply(request))
                .filter(name -> !name.isBlank())
                .defaultIfEmpty(ANONYMOUS);
    }

    Mono<Void> acquire(String name) {
        if (quota == null) {
            return Mono.empty();
        }
        return Mono.defer(() -> quota.tryAcquire(name))
                .defaultIfEmpty(RealtimeTokenQuota.Decision.refuse(Duration.ofSeconds(1)))
                .flatMap(decision -> decision.allowed() ? Mono.<Void>empty()
                        : Mono.error(new GuardrailRefusal(HttpStatus.TOO_MANY_REQUESTS, "quota",
                                "Too many realtime sessions for this user; retry later.", decision.retryAfter())));
    }

    ClientSecretCreateRequest apply(ClientSecretCreateRequest request) {
        SessionConfig session = request.session();
        ClientSecretCreateRequest.Builder result = request.toBuilder();
        if (session == null || session instanceof RealtimeSessionConfig) {
            RealtimeSessionConfig checked = apply((RealtimeSessionConfig) session);
            if (checked != null) {
                result.session(checked);
            }
        }
        if (maxSecretLifetime != null) {
            ExpiresAfter expiresAfter = request.expiresAfter();
            if (expiresAfter == null) {
                result.expiresAfter(maxSecretLifetime);
            } else {
                checkLifetime(expiresAfter);
            }
        }
        return result.build();
    }

    /**
     * Checks a realtime session (a minted one's, or a call's) against the models, voices and fixed
     * tools: the session as it may start, or null for a null session that may start with the
     * server's defaults.
     */
    @Nullable RealtimeSessionConfig apply(@Nullable RealtimeSessionConfig session) {
        if (session == null) {
            if (allowedModels != null) {
                throw refusedModel(null);
            }
            return fixedTools == null ? null : RealtimeSessionConfig.builder().tools(fixedTools).build();
        }
        checkModel(session.model() == null ? null : session.model().value());
        Voice voice = session.audio() == null || session.audio().output() == null ? null
                : session.audio().output().voice();
        checkVoice(voice == null ? null : voice.value());
        if (fixedTools == null) {
            return session;
        }
        checkTools(session.tools());
        return session.toBuilder().tools(fixedTools).build();
    }

    /**
     * Checks a GPT-Live session against the models and voices; the fixed tools are Realtime tools and
     * do not apply (a Live session's delegated tools are the application's to choose).
     */
    LiveSessionConfig apply(LiveSessionConfig session) {
        checkModel(session.model().value());
        checkVoice(session.voice() == null ? null : session.voice().value());
        return session;
    }

    RealtimeSessionCreateRequest apply(RealtimeSessionCreateRequest request) {
        checkModel(request.model().value());
        checkVoice(request.voice() == null ? null : request.voice().value());
        RealtimeSessionCreateRequest.Builder result = request.toBuilder();
        if (fixedTools != null) {
            checkTools(request.tools());
            result.tools(fixedTools);
        }
        if (maxSecretLifetime != null) {
            ClientSecretConfig secret = request.clientSecret();
            if (secret == null) {
                result.clientSecretExpiresAfter(maxSecretLifetime);
            } else {
                checkLifetime(secret.expiresAfter());
            }
        }
        return result.build();
    }

    private void checkModel(@Nullable String model) {
        if (allowedModels != null && (model == null || !allowedModels.contains(model))) {
            throw refusedModel(model);
        }
    }

    private GuardrailRefusal refusedModel(@Nullable String model) {
        return GuardrailRefusal.forbidden("allowed-models", (model == null ? "The session names no model"
                : "The model " + model + " is not allowed") + "; allowed: " + String.join(", ", allowedModels) + ".");
    }

    private void checkVoice(@Nullable String voice) {
        if (allowedVoices != null && voice != null && !allowedVoices.contains(voice)) {
            throw GuardrailRefusal.forbidden("allowed-voices", "The voice " + voice
                    + " is not allowed; allowed: " + String.join(", ", allowedVoices) + ".");
        }
    }

    private void checkLifetime(ExpiresAfter expiresAfter) {
        if (maxSecretLifetime != null && expiresAfter.seconds() > maxSecretLifetime.getSeconds()) {
            throw GuardrailRefusal.forbidden("max-secret-lifetime", "A secret lifetime of " + expiresAfter.seconds()
                    + " s is longer than the " + maxSecretLifetime.getSeconds() + " s allowed.");
        }
    }

    private void checkTools(@Nullable List<Tool> tools) {
        if (tools == null || fixedTools == null) {
            return;
        }
        for (Tool tool : tools) {
            if (!fixedTools.contains(tool)) {
                throw GuardrailRefusal.forbidden("fixed-tools", "The tool " + describe(tool)
                        + " is not one of the server's tools; the browser cannot add tools.");
            }
        }
    }

    private static String describe(Tool tool) {
        if (tool instanceof FunctionTool function) {
            return function.name();
        }
        if (tool instanceof McpTool mcp) {
            return "mcp:" + mcp.serverLabel();
        }
        return "of type " + tool.type();
    }

    /**
     * Describes the guardrails.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "TokenGuardrails{allowedModels=" + allowedModels + ", allowedVoices=" + allowedVoices
                + ", maxSecretLifetime=" + maxSecretLifetime + ", fixedTools="
                + (fixedTools == null ? null : fixedTools.stream().map(TokenGuardrails::describe).toList())
                + ", quota=" + quota + "}";
    }

    /** Builds {@link TokenGuardrails}; every limit is off until set. */
    public static final class Builder {
        private @Nullable Set<String> allowedModels;
        private @Nullable Set<String> allowedVoices;
        private @Nullable Duration maxSecretLifetime;
        private @Nullable List<Tool> fixedTools;
        private @Nullable RealtimeTokenQuota quota;
        private Function<ServerRequest, Mono<String>> user = request -> request.principal().map(Principal::getName);

        private Builder() {
        }

        /**
         * Only these models may be minted (rule {@code allowed-models}).
         *
         * @param models model names such as {@code gpt-realtime}, at least one
         * @return this builder
         * @throws ValidationException if there is none, or one is null or blank
         */
        public Builder allowedModels(String... models) {
            return allowedModels(models == null ? null : Arrays.asList(models));
        }

        /**
         * Only these models may be minted (rule {@code allowed-models}).
         *
         * @param models model names such as {@code gpt-realtime}, at least one
         * @return this builder
         * @throws ValidationException if there is none, or one is null or blank
         */
        public Builder allowedModels(@Nullable Collection<String> models) {
            this.allowedModels = names("allowedModels", models);
            return this;
        }

        /**
         * Only these voices may be minted (rule {@code allowed-voices}).
         *
         * @param voices voice names such as {@code marin}, or custom voice ids, at least one
         * @return this builder
         * @throws ValidationException if there is none, or one is null or blank
         */
        public Builder allowedVoices(String... voices) {
            return allowedVoices(voices == null ? null : Arrays.asList(voices));
        }

        /**
         * Only these voices may be minted (rule {@code allowed-voices}).
         *
         * @param voices voice names such as {@code marin}, or custom voice ids, at least one
         * @return this builder
         * @throws ValidationException if there is none, or one is null or blank
         */
        public Builder allowedVoices(@Nullable Collection<String> voices) {
            this.allowedVoices = names("allowedVoices", voices);
            return this;
        }

        /**
         * The longest a minted secret may live (rule {@code max-secret-lifetime}); requests that set no
         * lifetime are minted with this one.
         *
         * @param lifetime whole seconds, at least 10 s (the API's minimum)
         * @return this builder
         * @throws ValidationException if the lifetime is null, under 10 s or has a fraction of a second
         */
        public Builder maxSecretLifetime(Duration lifetime) {
            if (lifetime == null || lifetime.getNano() != 0 || lifetime.getSeconds() < 10) {
                throw new ValidationException("maxSecretLifetime", "must be whole seconds, at least 10 s, but was "
                        + lifetime);
            }
            this.maxSecretLifetime = lifetime;
            return this;
        }

        /**
         * The tools every minted session carries, exactly (rule {@code fixed-tools}): a request asking
         * for any other tool is refused. An empty list means sessions have no tools.
         *
         * @param tools the server's tools
         * @return this builder
         * @throws ValidationException if the list is null or holds null
         */
        public Builder fixedTools(List<? extends Tool> tools) {
            if (tools == null || tools.stream().anyMatch(Objects::isNull)) {
                throw new ValidationException("fixedTools", "must be a list without nulls, but was " + tools);
            }
            this.fixedTools = List.copyOf(tools);
            return this;
        }

        /**
         * How many secrets each user may mint (rule {@code quota}).
         *
         * @param quota the quota, such as {@link RealtimeTokenQuota#inMemory(int, Duration)}
         * @return this builder
         * @throws ValidationException if {@code quota} is null
         */
        public Builder quota(RealtimeTokenQuota quota) {
            if (quota == null) {
                throw new ValidationException("quota", "must not be null");
            }
            this.quota = quota;
            return this;
        }

        /**
         * How to name the caller for the quota and the audit line (default: the principal's name).
         * Resolve it from something the caller cannot choose freely: a header is only as good as
         * whatever in front of the app sets it. Empty or blank means {@value TokenGuardrails#ANONYMOUS}.
         *
         * @param resolver the user for a request; must not block
         * @return this builder
         * @throws ValidationException if {@code resolver} is null
         */
        public Builder user(Function<ServerRequest, Mono<String>> resolver) {
            if (resolver == null) {
                throw new ValidationException("user", "must not be null");
            }
            this.user = resolver;
            return this;
        }

        /**
         * Builds the guardrails.
         *
         * @return the guardrails
         */
        public TokenGuardrails build() {
            return new TokenGuardrails(this);
        }

        private static Set<String> names(String field, @Nullable Collection<String> names) {
            if (names == null || names.isEmpty()) {
                throw new ValidationException(field, "must name at least one value");
            }
            Set<String> result = new LinkedHashSet<>();
            for (String name : new ArrayList<>(names)) {
                if (name == null || name.isBlank()) {
                    throw new ValidationException(field, "must not hold a null or blank value, but was " + names);
                }
                result.add(name.strip());
            }
            return Collections.unmodifiableSet(result);
        }
    }
}
