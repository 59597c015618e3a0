package dev.realtimesessions.internal;

import dev.realtimesessions.ValidationException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What differs on Azure OpenAI: its base URL ({@code {resource}/openai/v1}), the headers a client
 * for it must not send, and the browser's URL for the WebRTC SDP exchange.
 *
 * <p>Sources: Microsoft's "Use the GPT Realtime API via WebRTC" ({@code realtime-audio-webrtc.md}:
 * {@code https://{resource}.openai.azure.com/openai/v1/realtime/client_secrets} with an
 * {@code api-key} or an Entra ID token, the browser's
 * {@code .../openai/v1/realtime/calls?webrtcfilter=on}) and "Azure OpenAI v1 API"
 * ({@code api-version-lifecycle}: the v1 base URL takes both {@code {resource}.openai.azure.com}
 * and {@code {resource}.services.ai.azure.com}).
 */
public final class AzureOpenAi {

    /** The path of Azure OpenAI's v1 API under a resource's URL. */
    public static final String API_PATH = "/openai/v1";

    /** The query that has Azure filter the events its WebRTC data channel sends a browser. */
    public static final String BROWSER_FILTER = "?webrtcfilter=on";

    /** How long before its expiry an Entra ID token is refreshed, unless configured: as Azure's own SDKs do. */
    public static final Duration DEFAULT_TOKEN_REFRESH_MARGIN = Duration.ofMinutes(5);

    private AzureOpenAi() {
    }

    /**
     * The v1 API's base URL of a resource: {@code https://{resource}.openai.azure.com} becomes
     * {@code https://{resource}.openai.azure.com/openai/v1}. A URL that already ends in
     * {@code /openai/v1} is taken as it is, and a gateway's path prefix is kept.
     *
     * @param resourceUrl the resource's URL, as the Azure portal shows it
     * @return the base URL, without a trailing slash
     * @throws ValidationException naming {@code azure} if it is not an http(s) URL with a host, has a
     *     query, fragment or user info, is OpenAI's own API, or has another {@code /openai/...} path
     */
    public static String baseUrl(@Nullable String resourceUrl) {
        String normalized = BaseUrls.normalize("azure", resourceUrl);
        URI uri = URI.create(normalized);
        if (uri.getHost().toLowerCase(Locale.ROOT).equals("api.openai.com")) {
            throw new ValidationException("azure", "is OpenAI's API, not an Azure resource: to call OpenAI drop azure(...)"
                    + " and use apiKey(...); to call Azure pass https://{resource}.openai.azure.com");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.endsWith(API_PATH)) {
            return normalized;
        }
        for (String segment : path.split("/")) {
            if (segment.equalsIgnoreCase("openai")) {
                throw new ValidationException("azure", "takes the resource's URL, such as"
                        + " https://{resource}.openai.azure.com, and appends " + API_PATH + " itself; \"" + normalized
                        + "\" has another API path (the per-deployment /openai/deployments/... API takes an"
                        + " api-version this client does not use)");
            }
        }
        return normalized + API_PATH;
    }

    /**
     * The first header of {@code headers} that a client for Azure OpenAI must not send, as the
     * error that says so; null if there is none. OpenAI's {@code OpenAI-Organization} and
     * {@code OpenAI-Project} mean nothing to Azure, and {@code api-key} is the client's to set.
     *
     * @param headers header names and values, as configured
     * @return the error naming the option, or null
     */
    public static @Nullable ValidationException refusedHeader(Map<String, String> headers) {
        for (String name : headers.keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            switch (lower) {
                case "openai-organization", "openai-project" -> {
                    String option = lower.equals("openai-project") ? "project" : "organization";
                    return new ValidationException(option, "sets the " + name + " header, which only OpenAI reads:"
                            + " Azure OpenAI bills and limits by resource and deployment; drop it with azure(...)");
                }
                case "api-key" -> {
                    return new ValidationException("header " + name, "is set by the client from azureApiKey(...);"
                            + " do not set it as a header");
                }
                default -> {
                }
            }
        }
        return null;
    }
}
