package dev.realtimesessions.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.internal.Endpoint;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A fast smoke test: the benchmarks' canned bytes are what the library sends and understands. */
class PayloadsTest {

    @Test
    void theCannedAnswersParse() {
        assertThat(Endpoint.CLIENT_SECRETS.fromJson(Payloads.CLIENT_SECRET_RESPONSE).value())
                .startsWith("ek_");
        assertThat(Endpoint.BETA_SESSIONS.fromJson(Payloads.BETA_SESSION_RESPONSE).id()).isEqualTo("sess_001");
    }

    @Test
    void theRequestSerializes() {
        String json = new String(Endpoint.CLIENT_SECRETS.toJson(Payloads.CLIENT_SECRET_REQUEST),
                StandardCharsets.UTF_8);
        assertThat(json).contains("\"model\":\"gpt-realtime\"").contains("\"type\":\"realtime\"");
    }

    @Test
    void theCannedAnswersFitInAnNginxSingleQuotedString() {
        assertThat(Payloads.CLIENT_SECRET_RESPONSE_JSON).doesNotContain("'", "$", "\\");
        assertThat(Payloads.BETA_SESSION_RESPONSE_JSON).doesNotContain("'", "$", "\\");
    }
}
