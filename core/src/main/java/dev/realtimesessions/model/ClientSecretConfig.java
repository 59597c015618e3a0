package dev.realtimesessions.model;

/**
 * The beta request's {@code client_secret} object: settings for the secret being minted.
 *
 * @param expiresAfter how long the secret lives ({@code client_secret.expires_after})
 */
public record ClientSecretConfig(ExpiresAfter expiresAfter) {

    /**
     * Creates the setting.
     *
     * @param expiresAfter how long the secret lives ({@code client_secret.expires_after})
     * @throws dev.realtimesessions.ValidationException if {@code expiresAfter} is null
     */
    public ClientSecretConfig {
        Checks.notNull("client_secret.expires_after", expiresAfter);
    }
}
