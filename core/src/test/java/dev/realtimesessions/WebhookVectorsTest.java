package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.realtimesessions.webhooks.LiveTransportIncoming;
import dev.realtimesessions.webhooks.RealtimeCallIncoming;
import dev.realtimesessions.webhooks.WebhookEvent;
import dev.realtimesessions.webhooks.WebhookVerificationException;
import dev.realtimesessions.webhooks.WebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries signed by an independent implementation (Python's hmac and base64, see
 * {@code src/test/resources/webhooks/README.md}) are judged as that implementation expects.
 */
class WebhookVectorsTest {

    private static final JsonNode DOCUMENT = read();

    static Stream<Arguments> vectors() {
        List<Arguments> vectors = new ArrayList<>();
        for (JsonNode vector : DOCUMENT.get("vectors")) {
            vectors.add(Arguments.of(vector.get("name").asString(), vector));
        }
        return vectors.stream();
    }

    @Test
    void theVectorsCoverAcceptedAndRefusedDeliveriesAtTheDefaultTolerance() {
        assertThat(DOCUMENT.get("tolerance_seconds").asLong()).isEqualTo(WebhookVerifier.DEFAULT_TOLERANCE.toSeconds());
        List<Boolean> outcomes = new ArrayList<>();
        DOCUMENT.get("vectors").forEach(vector -> outcomes.add(vector.get("expected").get("valid").asBoolean()));
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(15).contains(true, false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void eachVectorIsJudgedAsThePythonImplementationExpects(String name, JsonNode vector) {
        byte[] body = Base64.getDecoder().decode(vector.get("body_base64").asString());
        assertThat(new String(body, StandardCharsets.UTF_8)).as("the vector's text and bytes agree")
                .isEqualTo(vector.get("body").asString());
        List<String> secrets = new ArrayList<>();
        vector.get("secrets").forEach(secret -> secrets.add(secret.asString()));
        Map<String, String> headers = new LinkedHashMap<>();
        vector.get("headers").properties().forEach(header -> headers.put(header.getKey(), header.getValue().asString()));
        WebhookVerifier verifier = WebhookVerifier.builder()
                .secrets(secrets.toArray(String[]::new))
                .clock(Clock.fixed(Instant.ofEpochSecond(vector.get("now").asLong()), ZoneOffset.UTC))
                .tolerance(Duration.ofSeconds(DOCUMENT.get("tolerance_seconds").asLong()))
                .build();
        JsonNode expected = vector.get("expected");

        if (expected.get("valid").asBoolean()) {
            WebhookEvent event = verifier.verify(headers, body);
            assertThat(event.type()).isEqualTo(expected.get("type").asString());
            if (expected.has("call_id")) {
                assertThat(event).isInstanceOfSatisfying(RealtimeCallIncoming.class,
                        call -> assertThat(call.callId()).isEqualTo(expected.get("call_id").asString()));
            }
            if (expected.has("session_id")) {
                assertThat(event).isInstanceOfSatisfying(LiveTransportIncoming.class,
                        call -> assertThat(call.sessionId()).isEqualTo(expected.get("session_id").asString()));
            }
        } else {
            WebhookVerificationException refused = catchThrowableOfType(WebhookVerificationException.class,
                    () -> verifier.verify(headers, body));
            assertThat(refused).as("refused").isNotNull();
            assertThat(refused.reason().name()).isEqualTo(expected.get("reason").asString());
            for (String secret : secrets) {
                assertThat(refused.getMessage()).doesNotContain(secret).doesNotContain(secret.replace("whsec_", ""));
            }
        }
    }

    private static JsonNode read() {
        try (InputStream in = WebhookVectorsTest.class.getResourceAsStream("/webhooks/vectors.json")) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
