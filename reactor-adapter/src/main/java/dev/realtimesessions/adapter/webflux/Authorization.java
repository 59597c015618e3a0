package dev.realtimesessions.adapter.webflux;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The first step of both endpoints: the {@link RealtimeTokenAuthorizer}'s decision, and the answer
 * to a caller it refuses. Only {@code true} lets a request through; {@code false}, an empty
 * decision, a throw or an error signal refuse it.
 */
record Authorization(boolean allowed, @Nullable Throwable error) {

    /** Runs {@code allowed} when the authorizer lets {@code request} through, else answers the refusal. */
    static Mono<ServerResponse> then(RealtimeTokenAuthorizer authorizer, ServerRequest request, ErrorAnswers answers,
            Supplier<Mono<ServerResponse>> allowed) {
        return Mono.defer(() -> authorizer.authorize(request))
                .defaultIfEmpty(Boolean.FALSE)
                .map(decision -> new Authorization(decision, null))
                .onErrorResume(error -> Mono.just(new Authorization(false, error)))
                .flatMap(authorization -> {
                    if (!authorization.allowed()) {
                        Throwable error = authorization.error();
                        return error == null ? answers.rejected() : answers.rejected(error);
                    }
                    return allowed.get().onErrorResume(answers::failed);
                });
    }
}
