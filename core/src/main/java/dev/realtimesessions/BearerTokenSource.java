package dev.realtimesessions;

import reactor.core.publisher.Mono;

/**
 * Where a client gets the bearer tokens it authenticates with: Microsoft Entra ID for Azure OpenAI
 * ({@link RealtimeSessions.Builder#azureTokenSource(BearerTokenSource)}). The reactor adapter's
 * {@code AzureIdentityTokens} makes one from Azure Identity's {@code TokenCredential}; any other
 * way of obtaining a token fits too.
 *
 * <pre>{@code
 * BearerTokenSource tokens = () -> myIdentityClient.fetchToken()      // Mono<MyToken>
 *     .map(token -> new BearerToken(token.value(), token.expiry()));
 * }</pre>
 *
 * <p>The client asks for a token only when it has none it may still use: it keeps each token until
 * shortly before it expires, asks once however many calls are waiting, and asks again on the next
 * call after a failure. One token serves every call of the client, so the source is subscribed
 * without a caller's Reactor {@code Context}.
 */
@FunctionalInterface
public interface BearerTokenSource {

    /**
     * A fresh token. Lazy and non-blocking: nothing should happen until the {@code Mono} is
     * subscribed, and subscribing must not block the calling thread (move blocking work to
     * {@code Schedulers.boundedElastic()}). An error, an empty {@code Mono}, a token with a
     * space or control character, or one already expired fails the calls waiting for it with a
     * {@link CredentialException}.
     *
     * @return emits one token
     */
    Mono<BearerToken> token();
}
