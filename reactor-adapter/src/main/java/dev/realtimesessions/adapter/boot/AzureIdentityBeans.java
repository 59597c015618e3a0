package dev.realtimesessions.adapter.boot;

import com.azure.core.credential.TokenCredential;
import dev.realtimesessions.BearerTokenSource;
import dev.realtimesessions.adapter.azure.AzureIdentityTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;

/**
 * Microsoft Entra ID tokens from the application's {@link TokenCredential} bean. Loaded only when
 * Azure's {@code azure-core} is on the class path.
 */
final class AzureIdentityBeans {

    private AzureIdentityBeans() {
    }

    /** Tokens of {@code scope} from the application's one (or primary) {@code TokenCredential} bean; null without one. */
    static @Nullable BearerTokenSource tokenSource(BeanFactory beanFactory, String scope) {
        TokenCredential credential = beanFactory.getBeanProvider(TokenCredential.class).getIfUnique();
        return credential == null ? null : AzureIdentityTokens.of(credential, scope);
    }
}
