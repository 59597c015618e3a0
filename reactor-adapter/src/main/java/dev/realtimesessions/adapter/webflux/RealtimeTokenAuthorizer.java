package dev.realtimesessions.adapter.webflux;

import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Decides whether the caller of the {@link RealtimeTokenEndpoint} may have a client secret, or the
 * caller of the {@link RealtimeCallEndpoint} may start a call: each opens a model session that
 * costs money, so neither endpoint runs without one.
 *
 * <pre>{@code
 * RealtimeTokenAuthorizer authorizer = request -> request.principal()
 *     .map(user -> true)
 *     .defaultIfEmpty(false);
 * }</pre>
 *
 * <p>{@code true} lets the call through; {@code false}, an empty {@code Mono}, a thrown exception or
 * an error signal reject it with {@code 403}, except a Spring
 * {@link org.springframework.web.server.ResponseStatusException}, whose status (for example
 * {@code 401}) is answered instead. The authorizer must not block.
 */
@FunctionalInterface
public interface RealtimeTokenAuthorizer {

    /**
     * Decides for one request.
     *
     * @param request the browser's request
     * @return {@code true} to mint, {@code false} or empty to refuse
     */
    Mono<Boolean> authorize(ServerRequest request);

    /**
     * An authorizer that lets every caller through: only for endpoints that something in front
     * (a gateway, a security filter chain) already protects.
     *
     * @return an authorizer that always says yes
     */
    static RealtimeTokenAuthorizer permitAll() {
        return request -> Mono.just(Boolean.TRUE);
    }
}
