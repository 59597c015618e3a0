package dev.realtimesessions.adapter.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import dev.realtimesessions.BearerToken;
import dev.realtimesessions.BearerTokenSource;
import dev.realtimesessions.ValidationException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Microsoft Entra ID tokens for Azure OpenAI from Azure Identity's {@link TokenCredential}, as the
 * {@link BearerTokenSource} a client authenticates with.
 *
 * <pre>{@code
 * RealtimeSessions sessions = RealtimeSessions.builder()
 *     .azure("https://my-resource.openai.azure.com")
 *     .azureTokenSource(AzureIdentityTokens.of(new DefaultAzureCredentialBuilder().build()))
 *     .build();
 * }</pre>
 *
 * <p>The identity needs the "Cognitive Services OpenAI User" role on the resource. The client
 * caches each token and asks for the next shortly before it expires (see
 * {@code RealtimeSessions.Builder.azureTokenRefreshMargin}), once however many calls wait, so the
 * credential is asked about once an hour. Some credentials do blocking work when asked (a managed
 * identity's first request, the Azure CLI's process), so the credential is asked on Reactor's
 * {@code boundedElastic} scheduler, never on the caller's thread, which may be an event loop.
 */
public final class AzureIdentityTokens {

    /**
     * The scope of tokens for Azure OpenAI (Cognitive Services) that Microsoft's Realtime WebRTC
     * guide uses: {@value}. Microsoft's v1 API guide also shows {@code https://ai.azure.com/.default};
     * pass it to {@link #of(TokenCredential, String)} where your tenant expects it.
     */
    public static final String COGNITIVE_SERVICES_SCOPE = "https://cognitiveservices.azure.com/.default";

    private AzureIdentityTokens() {
    }

    /**
     * Tokens of scope {@value #COGNITIVE_SERVICES_SCOPE} from {@code credential}.
     *
     * @param credential such as {@code new DefaultAzureCredentialBuilder().build()}
     * @return the token source
     * @throws ValidationException if {@code credential} is null
     */
    public static BearerTokenSource of(TokenCredential credential) {
        return of(credential, COGNITIVE_SERVICES_SCOPE);
    }

    /**
     * Tokens of {@code scope} from {@code credential}.
     *
     * @param credential such as {@code new DefaultAzureCredentialBuilder().build()}
     * @param scope the scope to ask for, such as {@value #COGNITIVE_SERVICES_SCOPE}
     * @return the token source
     * @throws ValidationException if an argument is null, or {@code scope} is blank
     */
    public static BearerTokenSource of(TokenCredential credential, String scope) {
        if (credential == null) {
            throw new ValidationException("credential", "must not be null; for example new DefaultAzureCredentialBuilder().build()");
        }
        if (scope == null || scope.isBlank()) {
            throw new ValidationException("scope", "must not be " + (scope == null ? "null" : "blank")
                    + "; Azure OpenAI's is " + COGNITIVE_SERVICES_SCOPE);
        }
        return new CredentialTokens(credential, scope);
    }

    /** Asks the credential, off the caller's thread, for a token of one scope. */
    private record CredentialTokens(TokenCredential credential, String scope) implements BearerTokenSource {

        @Override
        public Mono<BearerToken> token() {
            return Mono.defer(() -> credential.getToken(new TokenRequestContext().addScopes(scope)))
                    .subscribeOn(Schedulers.boundedElastic())
                    .map(CredentialTokens::bearer);
        }

        private static BearerToken bearer(AccessToken token) {
            if (token.getExpiresAt() == null) {
                throw new ValidationException("expiresAt", "is missing from the credential's AccessToken");
            }
            return new BearerToken(token.getToken(), token.getExpiresAt().toInstant());
        }

        @Override
        public String toString() {
            return "AzureIdentityTokens[credential=" + credential.getClass().getName() + ", scope=" + scope + "]";
        }
    }
}
