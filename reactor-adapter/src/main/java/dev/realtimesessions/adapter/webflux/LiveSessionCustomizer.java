package dev.realtimesessions.adapter.webflux;

import dev.realtimesessions.model.LiveSessionConfig;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Shapes the GPT-Live session of each call a {@link RealtimeCallEndpoint} in
 * {@link RealtimeCallEndpoint.Builder#live(LiveSessionConfig) Live mode} starts, per caller: other
 * instructions, a voice, a delegation to the Responses API, or data channel permissions that limit
 * what the browser may send and receive. Runs on an event loop: must not block.
 *
 * <pre>{@code
 * LiveSessionCustomizer perUser = (request, defaults) -> request.principal()
 *     .map(user -> defaults.toBuilder().instructions("The caller is " + user.getName() + ".").build());
 * }</pre>
 */
@FunctionalInterface
public interface LiveSessionCustomizer {

    /**
     * The session for this caller's call.
     *
     * @param request the browser's request
     * @param defaults the endpoint's configured session
     * @return the session to start; completing empty fails the request with {@code 500}
     */
    Mono<LiveSessionConfig> liveSession(ServerRequest request, LiveSessionConfig defaults);
}
