package dev.realtimesessions.local;

import dev.realtimesessions.local.LocalRequest.Credential;
import dev.realtimesessions.local.LocalRequest.Layout;
import java.time.Instant;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Reads a request's credential the way each layout does. OpenAI reads only
 * {@code Authorization: Bearer}; Azure OpenAI reads an {@code api-key} header or a Microsoft Entra
 * ID token as {@code Authorization: Bearer} (spec notes, section E). Both accept a client secret as
 * bearer. The values are compared, never kept.
 */
final class Credentials {

    private final MintedSecrets secrets;
    private final Predicate<String> entraTokens;

    Credentials(MintedSecrets secrets, Predicate<String> entraTokens) {
        this.secrets = secrets;
        this.entraTokens = entraTokens;
    }

    Credential read(Layout layout, @Nullable String authorization, @Nullable String apiKey, Instant now) {
        String bearer = bearer(authorization);
        if (layout == Layout.AZURE && apiKey != null) {
            if (apiKey.equals(LocalRealtimeEndpoint.AZURE_API_KEY)) {
                return Credential.AZURE_API_KEY;
            }
            if (bearer == null) {
                return Credential.INVALID;
            }
        }
        if (bearer == null) {
            return authorization == null ? Credential.NONE : Credential.INVALID;
        }
        if (secrets.find(bearer, now).isPresent()) {
            return Credential.CLIENT_SECRET;
        }
        if (layout == Layout.OPENAI) {
            return bearer.equals(LocalRealtimeEndpoint.API_KEY) ? Credential.OPENAI_API_KEY : Credential.INVALID;
        }
        return layout == Layout.AZURE && entraTokens.test(bearer) ? Credential.ENTRA_TOKEN : Credential.INVALID;
    }

    /** The token of {@code Bearer <token>}, or null. */
    static @Nullable String bearer(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
