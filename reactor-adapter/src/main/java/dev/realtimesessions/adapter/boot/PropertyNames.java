package dev.realtimesessions.adapter.boot;

import java.util.Locale;

/**
 * Turns a builder option name ({@code baseUrl}) into its property name ({@code base-url}); the
 * Azure options into theirs under {@code azure.} ({@code azureApiKey} is {@code azure.api-key}).
 */
final class PropertyNames {

    private PropertyNames() {
    }

    static String of(String option) {
        return switch (option) {
            case "azure" -> "azure.resource-url";
            case "azureApiKey" -> "azure.api-key";
            case "azureTokenRefreshMargin" -> "azure.token-refresh-margin";
            default -> option.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        };
    }
}
