package dev.realtimesessions.internal;

import dev.realtimesessions.BearerTokenSource;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a client built with {@code azure(...)} authenticates: with the resource's key (the client
 * settings' key source, sent as {@code api-key}) when {@code tokenSource} is null, else with
 * Microsoft Entra ID tokens from {@code tokenSource}, sent as {@code Authorization: Bearer}.
 *
 * @param tokenSource the Entra ID token source, or null for key authentication
 * @param tokenRefreshMargin how long before a token's expiry it is refreshed
 */
public record AzureAuth(@Nullable BearerTokenSource tokenSource, Duration tokenRefreshMargin) {
}
