package dev.realtimesessions.internal;

import dev.realtimesessions.CredentialException;
import dev.realtimesessions.RealtimeSessionsException;
import dev.realtimesessions.ValidationException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import reactor.core.Fuseable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Where each call's credential comes from and how it goes on the wire ({@link AuthHeader}), for
 * every endpoint alike. Three schemes:
 *
 * <ul>
 *   <li>OpenAI: the call's own key, else the client's key source, as {@code Authorization: Bearer}.</li>
 *   <li>Azure OpenAI with a key: the same sources, as {@code api-key} (never {@code Authorization}).</li>
 *   <li>Azure OpenAI with Microsoft Entra ID: the client's {@link TokenCache}, as
 *       {@code Authorization: Bearer} (never {@code api-key}); a call's own key is refused.</li>
 * </ul>
 *
 * <p>A key is resolved once per call and checked by {@link ApiKeys#check}; a source failure, an
 * empty source or an unusable key fails the call before anything is sent. The rate gate knows an
 * OpenAI credential by its key (and project), an Azure one by its resource: Azure's limits belong
 * to the resource's deployments, whichever key or token a call carries.
 */
final class Credentials {

    private final @Nullable Mono<String> keys;
    private final @Nullable TokenCache tokens;
    private final AuthHeader header;
    private final ApiKeys.Option option;
    /** What the rate gate tells this scheme's credentials apart from any other scheme's by. */
    private final String gateScope;
    /** For Azure, the resource every call is gated as; null for OpenAI, gated by key. */
    private final @Nullable String gateResource;

    private Credentials(@Nullable Mono<String> keys, @Nullable TokenCache tokens, AuthHeader header,
            ApiKeys.Option option, String gateScope, @Nullable String gateResource) {
        this.keys = keys;
        this.tokens = tokens;
        this.header = header;
        this.option = option;
        this.gateScope = gateScope;
        this.gateResource = gateResource;
    }

    /** The scheme {@code settings} ask for. */
    static Credentials of(ClientSettings settings) {
        AzureAuth azure = settings.azure();
        if (azure == null) {
            return new Credentials(settings.apiKey(), null, AuthHeader.bearer(), ApiKeys.OPENAI, "openai", null);
        }
        if (azure.tokenSource() == null) {
            return new Credentials(settings.apiKey(), null, AuthHeader.apiKey(), ApiKeys.AZURE, "azure",
                    settings.baseUrl());
        }
        TokenCache cache = new TokenCache(azure.tokenSource(), azure.tokenRefreshMargin(), settings.timeout());
        return new Credentials(null, cache, AuthHeader.entraBearer(), ApiKeys.AZURE, "azure", settings.baseUrl());
    }

    AuthHeader header() {
        return header;
    }

    /**
     * The error for a call header this scheme must not send along ({@code OpenAI-Project} or
     * {@code api-key} to Azure); null if the headers are fine.
     */
    @Nullable ValidationException refusedHeader(Map<String, String> callHeaders) {
        return gateResource == null || callHeaders.isEmpty() ? null : AzureOpenAi.refusedHeader(callHeaders);
    }

    /** The scope of the rate gate's keys: credentials of different schemes never share a key. */
    String gateScope() {
        return gateScope;
    }

    /** What the rate gate knows the call's {@code credential} by: the key itself, or the Azure resource. */
    String gateIdentity(String credential) {
        return gateResource != null ? gateResource : credential;
    }

    /**
     * {@code use} applied to the call's credential: {@code override} when set, else the client's.
     * A fixed key (the common case), and a token that is not yet due, are used straight away,
     * without an operator per call; only a real source is subscribed, and that wait together with
     * what follows it is passed through {@code bound} (the call's deadline). Call at the call's
     * subscription; {@code clock} is the call's timer.
     */
    <T> Mono<T> resolve(@Nullable String override, Scheduler clock, Function<String, Mono<T>> use,
            UnaryOperator<Mono<T>> bound) {
        TokenCache cache = tokens;
        if (cache != null) {
            if (override != null) {
                return Mono.error(new ValidationException("apiKey", "is set for this call, but the client authenticates"
                        + " with Microsoft Entra ID tokens (azureTokenSource): drop it from the RequestOptions, or"
                        + " build a client with azureApiKey(...) to use keys"));
            }
            String fresh = cache.fresh(clock.now(TimeUnit.MILLISECONDS));
            return fresh != null ? use.apply(fresh) : bound.apply(cache.due(clock).flatMap(use));
        }
        if (override != null) {
            return use.apply(override);
        }
        Mono<String> source = keys;
        if (source instanceof Fuseable.ScalarCallable<?> scalar) {
            String key;
            try {
                key = ApiKeys.check(option, fixedKey(scalar));
            } catch (RealtimeSessionsException e) {
                return Mono.error(e);
            }
            return use.apply(key);
        }
        return bound.apply(source
                .onErrorMap(e -> !(e instanceof RealtimeSessionsException),
                        e -> new CredentialException("could not resolve the API key given to " + option.name()
                                + "(Mono<String>): " + Redactor.redact(String.valueOf(e)), e))
                .switchIfEmpty(Mono.error(this::resolvedToNothing))
                .map(key -> ApiKeys.check(option, key))
                .flatMap(use));
    }

    private String fixedKey(Fuseable.ScalarCallable<?> scalar) {
        try {
            Object value = scalar.call();
            if (value == null) {
                throw resolvedToNothing();
            }
            return (String) value;
        } catch (RealtimeSessionsException e) {
            throw e;
        } catch (Exception e) {
            throw new CredentialException("could not resolve the API key given to " + option.name() + "(Mono<String>): "
                    + Redactor.redact(String.valueOf(e)), e);
        }
    }

    private ValidationException resolvedToNothing() {
        return new ValidationException(option.name(), "resolved to nothing: the Mono<String> given to "
                + option.name() + "(...) completed empty");
    }
}
