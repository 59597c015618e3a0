package dev.realtimesessions.internal;

import dev.realtimesessions.RealtimeSessionsException;
import dev.realtimesessions.ValidationException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.Fuseable;
import reactor.core.publisher.Mono;

/**
 * Where each call's credential comes from: the call's own key, else the client's key source,
 * resolved once per call and checked by {@link ApiKeys#check}, and how it goes on the wire
 * ({@link AuthHeader}). A source failure, an empty source or an unusable key fails the call before
 * anything is sent.
 */
final class Credentials {

    private final Mono<String> source;
    private final AuthHeader header;

    Credentials(Mono<String> source, AuthHeader header) {
        this.source = source;
        this.header = header;
    }

    AuthHeader header() {
        return header;
    }

    /**
     * {@code use} applied to the call's credential: {@code override} when set, else the source's key.
     * A fixed key (the common case) is read straight from its {@code Mono}, without an operator per
     * call; only a real source is subscribed. Call at the call's subscription.
     */
    <T> Mono<T> resolve(@Nullable String override, Function<String, Mono<T>> use) {
        if (override != null) {
            return use.apply(override);
        }
        if (source instanceof Fuseable.ScalarCallable<?> scalar) {
            String key;
            try {
                key = ApiKeys.check(fixedKey(scalar));
            } catch (RealtimeSessionsException e) {
                return Mono.error(e);
            }
            return use.apply(key);
        }
        return source
                .onErrorMap(e -> !(e instanceof RealtimeSessionsException),
                        e -> new RealtimeSessionsException("could not resolve the API key: " + e, e))
                .switchIfEmpty(Mono.error(Credentials::resolvedToNothing))
                .map(ApiKeys::check)
                .flatMap(use);
    }

    private static String fixedKey(Fuseable.ScalarCallable<?> scalar) {
        try {
            Object value = scalar.call();
            if (value == null) {
                throw resolvedToNothing();
            }
            return (String) value;
        } catch (RealtimeSessionsException e) {
            throw e;
        } catch (Exception e) {
            throw new RealtimeSessionsException("could not resolve the API key: " + e, e);
        }
    }

    private static ValidationException resolvedToNothing() {
        return new ValidationException("apiKey", "resolved to nothing: the Mono<String> given to apiKey(...) completed empty");
    }
}
