package dev.realtimesessions.local;

import static dev.realtimesessions.local.TestHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.local.LocalRequest.Credential;
import dev.realtimesessions.local.LocalRequest.Layout;
import dev.realtimesessions.local.TestHttp.Part;
import dev.realtimesessions.local.TestHttp.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Azure OpenAI's layout ({@code /openai/v1}, {@code api-key} or an Entra bearer) next to OpenAI's, and what each request carried. */
class AzureLayoutTest {

    private static final String SECRET_BODY = "{\"session\":{\"type\":\"realtime\",\"model\":\"my-gpt-realtime-deployment\"}}";

    private final Set<String> entraTokensSeen = ConcurrentHashMap.newKeySet();
    private final LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.builder()
            .entraTokens(token -> entraTokensSeen.add(token) && token.startsWith("entra-"))
            .start();

    @AfterEach
    void close() {
        endpoint.close();
    }

    private LocalRequest last() {
        List<LocalRequest> requests = endpoint.requests();
        return requests.get(requests.size() - 1);
    }

    @Test
    void servesTheAzurePathsWithAnApiKeyHeader() {
        assertThat(endpoint.azureBaseUrl()).isEqualTo(endpoint.azureResourceUrl() + "/openai/v1");
        assertThat(endpoint.baseUrl()).isEqualTo(endpoint.azureResourceUrl() + "/v1");

        Response minted = request().header("api-key", LocalRealtimeEndpoint.AZURE_API_KEY)
                .postJson(endpoint.azureBaseUrl() + "/realtime/client_secrets", SECRET_BODY);
        assertThat(minted.status()).as(minted.body()).isEqualTo(200);
        assertThat(minted.json().path("value").asString()).startsWith("ek_local_");
        LocalRequest request = last();
        assertThat(request.layout()).isEqualTo(Layout.AZURE);
        assertThat(request.path()).isEqualTo("/openai/v1/realtime/client_secrets");
        assertThat(request.apiKeyHeader()).isTrue();
        assertThat(request.authorizationHeader()).isFalse();
        assertThat(request.credential()).isEqualTo(Credential.AZURE_API_KEY);
        assertThat(request.status()).isEqualTo(200);
        assertThat(request.toString()).doesNotContain(LocalRealtimeEndpoint.AZURE_API_KEY);
    }

    @Test
    void takesAnEntraTokenTheTestAcceptsAndSeesWhichOneWasSent() {
        Response minted = request().bearer("entra-token-2").postJson(endpoint.azureBaseUrl() + "/realtime/client_secrets",
                SECRET_BODY);
        assertThat(minted.status()).isEqualTo(200);
        assertThat(last().credential()).isEqualTo(Credential.ENTRA_TOKEN);
        assertThat(last().authorizationHeader()).isTrue();
        assertThat(last().apiKeyHeader()).isFalse();
        assertThat(entraTokensSeen).containsExactly("entra-token-2");
        assertThat(last().toString()).doesNotContain("entra-token-2");

        assertThat(request().bearer("expired").postJson(endpoint.azureBaseUrl() + "/realtime/client_secrets", SECRET_BODY)
                .status()).isEqualTo(401);
        assertThat(last().credential()).isEqualTo(Credential.INVALID);
    }

    @Test
    void eachLayoutReadsOnlyItsOwnCredentials() {
        String openAi = endpoint.baseUrl() + "/realtime/client_secrets";
        String azure = endpoint.azureBaseUrl() + "/realtime/client_secrets";

        Response apiKeyOnOpenAi = request().header("api-key", LocalRealtimeEndpoint.AZURE_API_KEY).postJson(openAi, SECRET_BODY);
        assertThat(apiKeyOnOpenAi.status()).as("OpenAI reads no api-key header").isEqualTo(401);
        assertThat(last().credential()).isEqualTo(Credential.NONE);
        assertThat(last().apiKeyHeader()).isTrue();

        assertThat(request().key().postJson(azure, SECRET_BODY).status())
                .as("an OpenAI key is no Entra token").isEqualTo(401);
        assertThat(request().header("api-key", LocalRealtimeEndpoint.API_KEY).postJson(azure, SECRET_BODY).status())
                .isEqualTo(401);
        assertThat(last().credential()).isEqualTo(Credential.INVALID);

        assertThat(request().key().postJson(openAi, SECRET_BODY).status()).isEqualTo(200);
        assertThat(last().layout()).isEqualTo(Layout.OPENAI);
        assertThat(last().credential()).isEqualTo(Credential.OPENAI_API_KEY);

        assertThat(request().header("api-key", LocalRealtimeEndpoint.AZURE_API_KEY).bearer("entra-x")
                .postJson(azure, SECRET_BODY).status()).isEqualTo(200);
        assertThat(last().apiKeyHeader()).as("a client that sends both is visible").isTrue();
        assertThat(last().authorizationHeader()).isTrue();
    }

    @Test
    void exchangesABrowserOfferWithAClientSecretAndWebrtcfilter() {
        String secret = request().header("api-key", LocalRealtimeEndpoint.AZURE_API_KEY)
                .postJson(endpoint.azureBaseUrl() + "/realtime/client_secrets", SECRET_BODY).json().path("value").asString();
        byte[] offer = TestHttp.chromiumOffer().getBytes(StandardCharsets.UTF_8);

        Response call = request().bearer(secret)
                .post(endpoint.azureBaseUrl() + "/realtime/calls?webrtcfilter=on", "application/sdp", offer);
        assertThat(call.status()).as(call.body()).isEqualTo(201);
        assertThat(call.headers().get("location")).matches("/openai/v1/realtime/calls/rtc_local_[0-9a-f]{32}");
        assertThat(last().query()).isEqualTo("webrtcfilter=on");
        assertThat(last().credential()).isEqualTo(Credential.CLIENT_SECRET);

        Response badFilter = request().bearer(secret)
                .post(endpoint.azureBaseUrl() + "/realtime/calls?webrtcfilter=maybe", "application/sdp", offer);
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.error("param")).isEqualTo("webrtcfilter");
    }

    @Test
    void callsAndControlsWorkWithTheApiKeyUnderAzure() {
        Response created = request().header("api-key", LocalRealtimeEndpoint.AZURE_API_KEY)
                .postForm(endpoint.azureBaseUrl() + "/realtime/calls",
                        new Part("sdp", "application/sdp", TestHttp.chromiumOffer()));
        assertThat(created.status()).isEqualTo(201);
        String location = created.headers().get("location");
        assertThat(request().header("api-key", LocalRealtimeEndpoint.AZURE_API_KEY)
                .postEmpty(endpoint.azureResourceUrl() + location + "/hangup").status()).isEqualTo(200);
        assertThat(endpoint.calls()).singleElement()
                .satisfies(call -> assertThat(call.state()).isEqualTo(LocalCall.State.HUNG_UP));

        Response live = request().bearer("entra-y").postJson(endpoint.azureBaseUrl() + "/live/sessions",
                "{\"session\":{\"model\":\"gpt-live-1\"},\"transport\":{\"type\":\"webrtc\",\"sdp\":"
                        + TestHttp.JSON.writeValueAsString(TestHttp.chromiumOffer()) + "}}");
        assertThat(live.status()).as(live.body()).isEqualTo(201);
    }

    @Test
    void anUnknownPathIsOpenAisInvalidUrl() {
        Response response = request().key().postJson(endpoint.baseUrl() + "/realtime/nothing", "{}");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error("message")).isEqualTo("Invalid URL (POST /v1/realtime/nothing)");
        assertThat(request().key().postJson(endpoint.azureResourceUrl() + "/realtime/calls", "{}").status())
                .isEqualTo(404);
        assertThat(last().layout()).isEqualTo(Layout.OTHER);
    }
}
