package dev.realtimesessions.local;

import java.time.Instant;

/**
 * One HTTP request the endpoint answered, as recorded for tests: where it went, which
 * authentication header it carried and what that header held, never the credential itself.
 *
 * <pre>{@code
 * LocalRequest last = endpoint.requests().get(endpoint.requests().size() - 1);
 * assertThat(last.layout()).isEqualTo(LocalRequest.Layout.AZURE);
 * assertThat(last.apiKeyHeader()).isTrue();
 * assertThat(last.authorizationHeader()).isFalse();
 * assertThat(last.credential()).isEqualTo(LocalRequest.Credential.AZURE_API_KEY);
 * }</pre>
 *
 * @param receivedAt when the request arrived, on the endpoint's clock
 * @param method the HTTP method, such as {@code POST}
 * @param path the path without the query, such as {@code /openai/v1/realtime/calls}
 * @param query the raw query string without {@code ?}, empty when there was none
 * @param layout which URL layout the path used
 * @param authorizationHeader whether an {@code Authorization} header was sent
 * @param apiKeyHeader whether an {@code api-key} header was sent
 * @param credential what the authentication the endpoint looked at turned out to be
 * @param status the HTTP status the endpoint answered
 */
public record LocalRequest(Instant receivedAt, String method, String path, String query, Layout layout,
        boolean authorizationHeader, boolean apiKeyHeader, Credential credential, int status) {

    /**
     * Checks that no component is null.
     *
     * @param receivedAt when the request arrived
     * @param method the HTTP method
     * @param path the path
     * @param query the query, empty for none
     * @param layout the URL layout
     * @param authorizationHeader whether {@code Authorization} was sent
     * @param apiKeyHeader whether {@code api-key} was sent
     * @param credential what the credential was
     * @param status the answered status
     * @throws IllegalArgumentException if a required component is null
     */
    public LocalRequest {
        Args.required("receivedAt", receivedAt);
        Args.required("method", method);
        Args.required("path", path);
        Args.required("query", query);
        Args.required("layout", layout);
        Args.required("credential", credential);
    }

    /** The two URL layouts the endpoint serves. */
    public enum Layout {
        /** OpenAI's: {@code /v1/...}, authenticated with {@code Authorization: Bearer}. */
        OPENAI,
        /**
         * Azure OpenAI's: {@code /openai/v1/...}, authenticated with an {@code api-key} header or a
         * Microsoft Entra ID token as {@code Authorization: Bearer}.
         */
        AZURE,
        /** A path under neither prefix (answered 404). */
        OTHER
    }

    /** What the credential of a request was, as far as the endpoint's layout reads credentials. */
    public enum Credential {
        /** No credential the layout reads was sent. */
        NONE,
        /** {@code Authorization: Bearer} {@link LocalRealtimeEndpoint#API_KEY} on the OpenAI layout. */
        OPENAI_API_KEY,
        /** {@code api-key:} {@link LocalRealtimeEndpoint#AZURE_API_KEY} on the Azure layout. */
        AZURE_API_KEY,
        /** {@code Authorization: Bearer} an Entra ID token the endpoint accepts, on the Azure layout. */
        ENTRA_TOKEN,
        /** {@code Authorization: Bearer} an unexpired client secret this endpoint minted. */
        CLIENT_SECRET,
        /** A credential was sent, but it is none of the above. */
        INVALID
    }
}
