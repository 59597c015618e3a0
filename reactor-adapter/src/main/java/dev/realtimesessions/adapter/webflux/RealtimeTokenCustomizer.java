package dev.realtimesessions.adapter.webflux;

import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Shapes what the {@link RealtimeTokenEndpoint} mints for each caller: per-user instructions,
 * voice and tools, and per-tenant options (API key, project). Every method has a default that
 * keeps the endpoint's configured request; override the ones you need. The
 * {@link RealtimeCallEndpoint} asks the same hooks for the session and options of a call (see
 * {@link RealtimeCallEndpoint.Builder#customizer}), so one customizer shapes tokens and calls alike.
 *
 * <pre>{@code
 * RealtimeTokenCustomizer customizer = new RealtimeTokenCustomizer() {
 *     public Mono<ClientSecretCreateRequest> clientSecretRequest(ServerRequest request,
 *             ClientSecretCreateRequest defaults) {
 *         return request.principal().map(user -> ClientSecretCreateRequest.of(
 *             RealtimeSessionConfig.builder().model(RealtimeModel.GPT_REALTIME)
 *                 .instructions("Help " + user.getName() + " with their order.")
 *                 .audioOutput(AudioOutputConfig.ofVoice(Voice.MARIN)).build()));
 *     }
 * };
 * }</pre>
 *
 * <p>Methods must not block. An error they signal is answered like an upstream failure
 * ({@code 502}, or a Spring {@link org.springframework.web.server.ResponseStatusException}'s own
 * status, for example {@code 400} for a bad choice in the browser's body).
 */
public interface RealtimeTokenCustomizer {

    /**
     * The GA request to mint with, in {@link MintMode#CLIENT_SECRETS} mode.
     *
     * @param request the browser's request
     * @param defaults the endpoint's configured request
     * @return the request for this caller; by default {@code defaults}
     */
    default Mono<ClientSecretCreateRequest> clientSecretRequest(ServerRequest request, ClientSecretCreateRequest defaults) {
        return Mono.just(defaults);
    }

    /**
     * The beta request to mint with, in {@link MintMode#BETA_SESSIONS} mode.
     *
     * @param request the browser's request
     * @param defaults the endpoint's configured beta request
     * @return the request for this caller; by default {@code defaults}
     * @deprecated OpenAI has deprecated the beta Realtime interface: mint in
     *     {@link MintMode#CLIENT_SECRETS} mode and override
     *     {@link #clientSecretRequest(ServerRequest, ClientSecretCreateRequest)}.
     */
    @Deprecated
    default Mono<RealtimeSessionCreateRequest> sessionRequest(ServerRequest request, RealtimeSessionCreateRequest defaults) {
        return Mono.just(defaults);
    }

    /**
     * Options for this caller's call: another API key or project for a tenant, a tighter timeout.
     * Options found in the Reactor {@code Context} under {@link RequestOptions#CONTEXT_KEY} (put
     * there by a {@code WebFilter}, say) apply beneath these.
     *
     * @param request the browser's request
     * @return the options; by default {@link RequestOptions#none()}
     */
    default Mono<RequestOptions> requestOptions(ServerRequest request) {
        return Mono.just(RequestOptions.none());
    }
}
