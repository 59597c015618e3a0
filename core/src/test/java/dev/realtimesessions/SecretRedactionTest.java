package dev.realtimesessions;

import static dev.realtimesessions.RequestValidationTest.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.ClientSecret;
import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.testing.Fixtures.MockOpenAi;
import dev.realtimesessions.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

/** The API key and minted client secrets never show in {@code toString()} or exception messages. */
@SuppressWarnings("deprecation") // also calls the beta endpoints, which stay supported and tested
class SecretRedactionTest {

    private static final String KEY = Fixtures.API_KEY;
    private static final String SECRET = "ek_68af296e8e408191a1120ab6383263c2";
    private static final String SESSION = "{\"id\": \"sess_1\", \"model\": \"gpt-realtime\", \"instructions\": \"hi\","
            + " \"client_secret\": {\"value\": \"" + SECRET + "\", \"expires_at\": 1756310470}}";
    private static final RealtimeSessionCreateRequest REQUEST =
            RealtimeSessionCreateRequest.builder().model("gpt-realtime").build();

    @AutoClose
    private final MockOpenAi api = new MockOpenAi(builder -> builder.organization("org-abc").project("proj_1")
            .header("X-Gateway-Key", "gw-secret-value"));

    private static void holdsNoSecret(String text) {
        assertThat(text).doesNotContain(KEY).doesNotContain(KEY.substring(3))
                .doesNotContain(SECRET).doesNotContain(SECRET.substring(3));
    }

    @Test
    void clientToStringShowsItsSettingsButNeverTheKeyOrHeaderValues() {
        String description = api.client.toString();

        holdsNoSecret(description);
        assertThat(description).contains(api.server.url("/v1").toString().replaceAll("/$", ""))
                .contains("OpenAI-Organization").doesNotContain("gw-secret-value");
        try (RealtimeSessions fromMono = RealtimeSessions.builder().apiKey(Mono.just(KEY)).build()) {
            holdsNoSecret(fromMono.toString());
        }
    }

    @Test
    void requestOptionsToStringHidesItsKeyAndHeaderValues() {
        RequestOptions options = RequestOptions.builder().apiKey("sk-other-987654")
                .header("X-Gateway-Key", "gw-secret-value").build();

        assertThat(options.toString()).doesNotContain("sk-other-987654").doesNotContain("987654")
                .doesNotContain("gw-secret-value").contains("***").contains("X-Gateway-Key");
        assertThat(options.apiKey()).hasValue("sk-other-987654");
    }

    @Test
    void sessionClientSecretAndApiResponseToStringHideTheSecret() {
        api.answer(200, SESSION);

        ApiResponse<RealtimeSession> response = api.await(api.client.createWithResponse(REQUEST));

        assertThat(response.value().clientSecret().value()).as("the secret itself is there to hand out").isEqualTo(SECRET);
        holdsNoSecret(response.toString());
        holdsNoSecret(response.value().toString());
        holdsNoSecret(response.value().clientSecret().toString());
        assertThat(response.value().clientSecret().toString()).contains("ek_***").contains("2025-08-27T");
        assertThat(response.toString()).contains("req_test").contains("sess_1");
    }

    @Test
    void clientSecretToStringHidesAValueOfAnyShape() {
        ClientSecret opaque = new ClientSecret("opaque-token-42abc", Instant.EPOCH);

        assertThat(opaque.toString()).doesNotContain("opaque").doesNotContain("42abc").contains("***");
    }

    @Test
    void errorMessageThatEchoesTheKeyAndASecretIsMasked() {
        api.answer(401, "{\"error\": {\"message\": \"Incorrect API key provided: " + KEY + ". Secret " + SECRET
                + " is not yours.\", \"type\": \"invalid_request_error\", \"param\": null, \"code\": \"invalid_api_key\"}}");

        Throwable error = Fixtures.failure(api.client.create(REQUEST));

        assertThat(error).isInstanceOf(AuthenticationException.class);
        holdsNoSecret(error.getMessage());
        holdsNoSecret(error.toString());
        holdsNoSecret(((ApiException) error).serverMessage().orElseThrow());
        assertThat(error.getMessage()).contains("Incorrect API key provided: sk-***");
    }

    @Test
    void errorBodyThatIsNotJsonAndEchoesTheKeyIsMaskedWhereQuoted() {
        api.server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "text/plain")
                .body("bad key " + KEY + " for secret " + SECRET).build());

        Throwable error = Fixtures.failure(api.client.create(REQUEST));

        assertThat(error).isInstanceOf(BadRequestException.class);
        holdsNoSecret(error.getMessage());
        assertThat(error.getMessage()).contains("bad key sk-***");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"client_secret\": {\"value\": \"" + SECRET + "\", \"expires_at\": \"tomorrow\"}}",
        "{\"client_secret\": {\"value\": \"" + SECRET + "\"}}",
        SECRET,
        "{\"client_secret\": " + SECRET + "}",
        "{\"voice\": \"" + SECRET + "\", \"model\": 7, \"client_secret\": {\"value\": {\"v\": \"" + SECRET + "\"}, \"expires_at\": 1}}"})
    void undecodableAnswerHoldingASecretDoesNotPutItInTheMessage(String body) {
        api.answer(200, body);

        Throwable error = Fixtures.failure(api.client.create(REQUEST));

        assertThat(error).isExactlyInstanceOf(ResponseDecodingException.class);
        holdsNoSecret(error.getMessage());
        holdsNoSecret(error.toString());
    }

    @Test
    void perCallKeyEchoedByTheServerIsMasked() {
        api.answer(401, "{\"error\": {\"message\": \"Incorrect API key provided: sk-proj-Abc_123-xyz.\","
                + " \"type\": \"invalid_request_error\", \"code\": \"invalid_api_key\"}}");

        Throwable error = Fixtures.failure(api.client.create(REQUEST,
                RequestOptions.builder().apiKey("sk-proj-Abc_123-xyz").build()));

        assertThat(error.getMessage()).doesNotContain("Abc_123").contains("sk-***");
    }

    @Test
    void baseUrlErrorsDoNotEchoCredentialsPutInTheUrl() {
        List<String> urls = List.of("https://gateway.example.com/v1?api-key=" + KEY,
                "https://user:" + KEY + "@gateway.example.com/v1",
                "https://gateway.example.com/v1#" + KEY,
                "https://gateway.example.com/v1?api-key=" + KEY + "&x=a b");
        for (String url : urls) {
            String message = rejects(() -> RealtimeSessions.builder().apiKey(KEY).baseUrl(url), "baseUrl").getMessage();
            holdsNoSecret(message);
            assertThat(message).as("still says which URL").contains("gateway.example.com");
        }
    }

    @Test
    void sessionWithToolsAndUnknownFieldsStillHidesTheSecretInToString() {
        api.answer(200, "{\"tools\": [{\"type\": \"mcp\", \"server_label\": \"s\"}], \"future\": {\"a\": 1},"
                + " \"client_secret\": {\"value\": \"" + SECRET + "\", \"expires_at\": 1}}");

        RealtimeSession session = api.await(api.client.create(REQUEST));

        assertThat(session.additionalProperties()).isEqualTo(Map.of("future", Map.of("a", 1)));
        holdsNoSecret(session.toString());
    }

    @Test
    void aKeyOfAnyFormatEchoedByTheServerIsMasked() {
        String gatewayKey = "gw_live_5f1d2c3b4a59687766554433";
        api.answer(401, "{\"error\": {\"message\": \"Key " + gatewayKey + " is not allowed here.\","
                + " \"type\": \"invalid_request_error\", \"code\": \"invalid_api_key\"}}");

        Throwable error = Fixtures.failure(api.client.create(REQUEST, RequestOptions.builder().apiKey(gatewayKey).build()));

        assertThat(error.getMessage()).doesNotContain(gatewayKey).contains("Key *** is not allowed here.");
    }

    @Test
    void secretsInUnknownFieldsAreMaskedInToString() {
        String other = "ek_0000111122223333444455556666";
        api.answer(200, "{\"future\": {\"secrets\": [\"" + other + "\"], \"authorization\": \"Bearer abc\","
                + " \"n\": 1}, \"client_secret\": {\"value\": \"" + SECRET + "\", \"expires_at\": 1}}");

        RealtimeSession session = api.await(api.client.create(REQUEST));

        assertThat(session.additionalProperties().get("future")).isEqualTo(
                Map.of("secrets", List.of(other), "authorization", "Bearer abc", "n", 1));
        assertThat(session.toString()).doesNotContain(other.substring(3)).doesNotContain("Bearer abc")
                .contains("secrets=[ek_***]").contains("n=1");
        holdsNoSecret(session.toString());
    }
}
