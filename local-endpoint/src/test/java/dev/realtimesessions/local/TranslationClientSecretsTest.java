package dev.realtimesessions.local;

import static dev.realtimesessions.local.TestHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.local.TestHttp.Response;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /realtime/translations/client_secrets}, whose shape comes from OpenAI's Python SDK
 * (see {@code translation-client-secrets.yaml}).
 */
class TranslationClientSecretsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.builder().clock(new TestClock(NOW)).start();
    private final String url = endpoint.baseUrl() + "/realtime/translations/client_secrets";

    @AfterEach
    void close() {
        endpoint.close();
    }

    private static void assertError(Response response, String code, String param) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.error("code")).as(response.body()).isEqualTo(code);
        assertThat(response.error("param")).as(response.body()).isEqualTo(param);
    }

    @Test
    void mintsASecretForATranslationSession() {
        String audio = "{\"input\":{\"noise_reduction\":{\"type\":\"near_field\"},"
                + "\"transcription\":{\"model\":\"gpt-4o-transcribe\"}},\"output\":{\"language\":\"es\"}}";
        Response response = request().key().postJson(url, "{\"session\":{\"model\":\"gpt-realtime-translate\","
                + "\"audio\":" + audio + "},\"expires_after\":{\"anchor\":\"created_at\",\"seconds\":120}}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("value").asString()).startsWith("ek_local_");
        assertThat(body.path("expires_at").asLong()).isEqualTo(NOW.getEpochSecond() + 120);
        JsonNode session = body.path("session");
        assertThat(session.path("id").asString()).startsWith("sess_local_");
        assertThat(session.path("type").asString()).isEqualTo("translation");
        assertThat(session.path("model").asString()).isEqualTo("gpt-realtime-translate");
        assertThat(session.path("audio")).isEqualTo(TestHttp.JSON.readTree(audio));
        assertThat(session.path("expires_at").asLong()).isEqualTo(NOW.getEpochSecond() + 120);
    }

    @Test
    void defaultsToTenMinutesAndTakesExplicitNulls() {
        Response response = request().key().postJson(url, "{\"session\":{\"model\":\"gpt-realtime-translate\","
                + "\"audio\":{\"input\":{\"noise_reduction\":null,\"transcription\":null}}}}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("expires_at").asLong()).isEqualTo(NOW.getEpochSecond() + 600);
    }

    @Test
    void checksTheBodyFieldByField() {
        assertError(request().key().postJson(url, "{}"), "missing_required_parameter", "session");
        assertError(request().key().postJson(url, "{\"session\":{}}"), "missing_required_parameter", "session.model");
        assertError(request().key().postJson(url, "{\"session\":{\"model\":\"m\",\"voice\":\"marin\"}}"),
                "unknown_parameter", "session.voice");
        assertError(request().key().postJson(url, "{\"session\":{\"model\":\"m\",\"audio\":{\"input\":"
                + "{\"noise_reduction\":{\"type\":\"loud\"}}}}}"), "invalid_value", "session.audio.input.noise_reduction.type");
        assertError(request().key().postJson(url, "{\"session\":{\"model\":\"m\",\"audio\":{\"output\":"
                + "{\"language\":7}}}}"), "invalid_type", "session.audio.output.language");
        assertError(request().key().postJson(url, "{\"session\":{\"model\":\"m\"},\"expires_after\":{\"seconds\":5}}"),
                "integer_out_of_range", "expires_after.seconds");
        assertError(request().key().postJson(url, "{\"session\":{\"model\":\"m\"},\"expires_after\":"
                + "{\"anchor\":\"now\"}}"), "invalid_value", "expires_after.anchor");
        assertThat(request().postJson(url, "{\"session\":{\"model\":\"m\"}}").status()).isEqualTo(401);
    }
}
