package dev.realtimesessions;

import java.time.Instant;

/**
 * A bearer token and when it expires: what a {@link BearerTokenSource} emits, such as a Microsoft
 * Entra ID access token for Azure OpenAI. The client sends it as {@code Authorization: Bearer}
 * and keeps it until shortly before {@link #expiresAt()} (see
 * {@link RealtimeSessions.Builder#azureTokenRefreshMargin(java.time.Duration)}).
 *
 * <p>{@link #toString()} never shows the token.
 *
 * @param value the token, sent as it is
 * @param expiresAt when the token stops being accepted
 */
public record BearerToken(String value, Instant expiresAt) {

    /**
     * Creates a token.
     *
     * @param value the token
     * @param expiresAt when it stops being accepted
     * @throws ValidationException if a component is {@code null}
     */
    public BearerToken {
        Arguments.notNull("value", value);
        Arguments.notNull("expiresAt", expiresAt);
    }

    /**
     * Shows the expiry but not the token.
     *
     * @return a description with the token masked
     */
    @Override
    public String toString() {
        return "BearerToken[value=***, expiresAt=" + expiresAt + "]";
    }
}
