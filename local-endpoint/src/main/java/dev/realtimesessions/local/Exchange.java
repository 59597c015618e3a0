package dev.realtimesessions.local;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request as the handlers see it: already read whole, its path split into the layout's
 * prefix and the API path ({@code realtime/calls/rtc_1/accept} as segments), its credential read.
 *
 * @param receivedAt when it arrived, on the endpoint's clock
 * @param method the HTTP method
 * @param prefix the layout's path prefix ({@code /v1} or {@code /openai/v1})
 * @param segments the path after the prefix, split at {@code /}
 * @param query the decoded query parameters
 * @param headers the request headers
 * @param body the body bytes (empty when none)
 * @param credential what its authentication was
 * @param layout its URL layout
 */
record Exchange(Instant receivedAt, String method, String prefix, List<String> segments,
        Map<String, List<String>> query, HttpHeaders headers, byte[] body, LocalRequest.Credential credential,
        LocalRequest.Layout layout) {

    static Map<String, List<String>> query(String uri) {
        return new QueryStringDecoder(uri).parameters();
    }

    /** The body as UTF-8 text. */
    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as text, or null when there is none. */
    @Nullable String textOrNull() {
        return body.length == 0 ? null : text();
    }

    /** The header's value, or null. */
    @Nullable String header(String name) {
        return headers.get(name);
    }

    /** Whether the credential is the account's own key (an API key or an Entra token), not a client secret. */
    boolean hasKey() {
        return credential == LocalRequest.Credential.OPENAI_API_KEY || credential == LocalRequest.Credential.AZURE_API_KEY
                || credential == LocalRequest.Credential.ENTRA_TOKEN;
    }
}
