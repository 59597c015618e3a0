package dev.realtimesessions.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The signer against signatures made by an independent implementation: {@code webhooks/sign_vectors.py}
 * (Python's {@code hmac}, {@code hashlib}, {@code base64}), whose output {@code webhooks/signatures.json}
 * is checked in beside it.
 */
class WebhookSignerTest {

    @Test
    void signsLikePythonsStandardLibrary() throws IOException {
        JsonNode vectors;
        try (InputStream in = getClass().getResourceAsStream("webhooks/signatures.json")) {
            vectors = TestHttp.JSON.readTree(in);
        }
        assertThat(vectors.size()).isEqualTo(4);
        for (JsonNode vector : vectors) {
            assertThat(WebhookSigner.signature(vector.get("secret").asString(), vector.get("webhook_id").asString(),
                    vector.get("timestamp").asString(), vector.get("body").asString().getBytes(StandardCharsets.UTF_8)))
                    .as(vector.get("webhook_id").asString())
                    .isEqualTo(vector.get("signature").asString());
        }
    }

    @Test
    void aWhsecSecretThatIsNotBase64IsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> WebhookSigner.signature("whsec_not*base64!", "wh_1", "1", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("not*base64!")
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> WebhookSigner.signature("whsec_", "wh_1", "1", new byte[0]))
                .hasMessageContaining("nothing after");
    }
}
