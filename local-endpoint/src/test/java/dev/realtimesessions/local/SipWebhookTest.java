package dev.realtimesessions.local;

import static dev.realtimesessions.local.TestHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.local.LocalCall.State;
import dev.realtimesessions.local.WebhookReceiver.Received;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/** OpenAI's side of incoming SIP calls: signed webhooks to a real receiver on loopback, and what it answers. */
class SipWebhookTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder()
            .encodeToString("a made-up webhook secret".getBytes(StandardCharsets.UTF_8));
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final List<SipHeader> HEADERS = List.of(SipHeader.of("From", "<sip:+14155550123@example.com>;tag=a"),
            SipHeader.of("To", "<sip:agent@example.com>"), SipHeader.of("X-Custom", "one"),
            SipHeader.of("X-Custom", "two"));

    private final TestClock clock = new TestClock(NOW);
    private final LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.builder().clock(clock).start();

    @AfterEach
    void close() {
        endpoint.close();
    }

    /** The signature computed here, apart from the endpoint's signer: Standard Webhooks over the raw body. */
    private static String expectedSignature(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void postsASignedRealtimeCallIncomingAndRecordsTheAcceptThatFollows() throws Exception {
        try (WebhookReceiver application = new WebhookReceiver(200)) {
            WebhookDelivery delivery = endpoint.ringSip(application.url(), SECRET, HEADERS).block(Duration.ofSeconds(30));

            assertThat(delivery.status()).isEqualTo(200);
            assertThat(delivery.callId()).matches("rtc_local_[0-9a-f]{32}");
            Received received = application.received().get(0);
            assertThat(received.body()).isEqualTo(delivery.body());
            assertThat(received.headers()).containsEntry("content-type", "application/json")
                    .containsEntry("webhook-id", delivery.webhookId())
                    .containsEntry("webhook-timestamp", Long.toString(NOW.getEpochSecond()));
            assertThat(received.headers().get("webhook-signature")).isEqualTo(delivery.webhookSignature())
                    .isEqualTo(expectedSignature(SECRET, delivery.webhookId(), delivery.webhookTimestamp(),
                            received.body()));

            JsonNode event = TestHttp.JSON.readTree(received.body());
            assertThat(event.get("object").asString()).isEqualTo("event");
            assertThat(event.get("id").asString()).startsWith("evt_");
            assertThat(event.get("type").asString()).isEqualTo("realtime.call.incoming");
            assertThat(event.get("created_at").asLong()).isEqualTo(NOW.getEpochSecond());
            assertThat(event.path("data").get("call_id").asString()).isEqualTo(delivery.callId());
            assertThat(event.path("data").has("sip_media_security")).isFalse();
            assertThat(event.path("data").get("sip_headers").valueStream()
                    .map(h -> h.get("name").asString() + ": " + h.get("value").asString()).toList())
                    .as("names, values, repeats and order as given")
                    .containsExactly("From: <sip:+14155550123@example.com>;tag=a", "To: <sip:agent@example.com>",
                            "X-Custom: one", "X-Custom: two");

            LocalCall call = endpoint.call(delivery.callId()).orElseThrow();
            assertThat(call.transport()).isEqualTo(LocalCall.Transport.SIP);
            assertThat(call.state()).isEqualTo(State.RINGING);
            assertThat(call.offerSdp()).isNull();

            request().key().postJson(endpoint.baseUrl() + "/realtime/calls/" + delivery.callId() + "/accept",
                    "{\"type\":\"realtime\",\"model\":\"gpt-realtime\"}");
            assertThat(endpoint.call(delivery.callId()).orElseThrow().state()).isEqualTo(State.ACCEPTED);
        }
    }

    @Test
    void anApplicationThatAcceptsBeforeItAnswersTheWebhookIsRecorded() {
        HttpClient client = HttpClient.create();
        try (WebhookReceiver application = new WebhookReceiver(received -> {
            String callId = TestHttp.JSON.readTree(received.body()).path("data").path("call_id").asString();
            byte[] session = "{\"type\":\"realtime\",\"model\":\"gpt-realtime\",\"instructions\":\"Hi\"}"
                    .getBytes(StandardCharsets.UTF_8);
            return client.headers(h -> h.set("authorization", "Bearer " + LocalRealtimeEndpoint.API_KEY)
                            .set("content-type", "application/json"))
                    .post().uri(endpoint.baseUrl() + "/realtime/calls/" + callId + "/accept")
                    .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(session)))
                    .responseSingle((response, body) -> body.then(Mono.just(response.status().code() == 200 ? 200 : 500)));
        })) {
            StepVerifier.create(endpoint.ringSip(application.url(), SECRET, HEADERS, "srtp")
                            .flatMap(delivery -> endpoint.awaitCall(delivery.callId(), State.ACCEPTED)
                                    .map(call -> List.of(delivery, call))))
                    .assertNext(both -> {
                        WebhookDelivery delivery = (WebhookDelivery) both.get(0);
                        LocalCall call = (LocalCall) both.get(1);
                        assertThat(delivery.status()).isEqualTo(200);
                        assertThat(TestHttp.JSON.readTree(delivery.body()).path("data").path("sip_media_security")
                                .asString()).isEqualTo("srtp");
                        assertThat(call.controls()).singleElement()
                                .satisfies(accept -> assertThat(accept.succeeded()).isTrue());
                        assertThat(call.acceptedSession()).contains("\"instructions\":\"Hi\"");
                    })
                    .verifyComplete();
        }
    }

    @Test
    void ringsGptLiveWithALiveTransportIncoming() throws Exception {
        try (WebhookReceiver application = new WebhookReceiver(204)) {
            WebhookDelivery delivery = endpoint.ringLiveSip(application.url(), SECRET, HEADERS, "rtp")
                    .block(Duration.ofSeconds(30));

            assertThat(delivery.status()).isEqualTo(204);
            assertThat(delivery.callId()).startsWith("live_local_");
            JsonNode event = TestHttp.JSON.readTree(application.received().get(0).body());
            assertThat(event.get("type").asString()).isEqualTo("live.transport.incoming");
            assertThat(event.path("data").get("type").asString()).isEqualTo("sip");
            assertThat(event.path("data").get("session_id").asString()).isEqualTo(delivery.callId());
            assertThat(event.path("data").has("call_id")).isFalse();
            assertThat(event.path("data").get("sip_media_security").asString()).isEqualTo("rtp");
            assertThat(delivery.webhookSignature()).isEqualTo(
                    expectedSignature(SECRET, delivery.webhookId(), delivery.webhookTimestamp(), delivery.body()));
            assertThat(endpoint.call(delivery.callId()).orElseThrow().api()).isEqualTo(LocalCall.Api.LIVE);
        }
    }

    @Test
    void redeliversByteForByteAndTamperedOnRequestWithoutANewCall() {
        try (WebhookReceiver application = new WebhookReceiver(200)) {
            WebhookDelivery first = endpoint.ringSip(application.url(), SECRET, HEADERS).block(Duration.ofSeconds(30));
            clock.advance(Duration.ofMinutes(10));
            WebhookDelivery replay = endpoint.redeliver(first).block(Duration.ofSeconds(30));
            WebhookDelivery tampered = endpoint.redeliver(first.withBody(first.body().replace("tag=a", "tag=b")))
                    .block(Duration.ofSeconds(30));

            List<Received> received = application.received();
            assertThat(received).hasSize(3);
            assertThat(received.get(1)).isEqualTo(received.get(0));
            assertThat(replay).isEqualTo(first);
            assertThat(received.get(2).headers()).isEqualTo(received.get(0).headers());
            assertThat(received.get(2).body()).contains("tag=b").isEqualTo(tampered.body());
            assertThat(endpoint.calls()).hasSize(1);
        }
    }

    @Test
    void aClockInThePastSendsAStaleTimestampAndARawSecretSignsWithItsBytes() throws Exception {
        TestClock past = new TestClock(NOW.minus(Duration.ofHours(1)));
        try (LocalRealtimeEndpoint stale = LocalRealtimeEndpoint.builder().clock(past).start();
                WebhookReceiver application = new WebhookReceiver(200)) {
            WebhookDelivery delivery = stale.ringSip(application.url(), "plain secret", HEADERS)
                    .block(Duration.ofSeconds(30));
            assertThat(delivery.webhookTimestamp()).isEqualTo(Long.toString(NOW.minus(Duration.ofHours(1)).getEpochSecond()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("plain secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            assertThat(delivery.webhookSignature()).isEqualTo("v1," + Base64.getEncoder().encodeToString(mac.doFinal(
                    (delivery.webhookId() + "." + delivery.webhookTimestamp() + "." + delivery.body())
                            .getBytes(StandardCharsets.UTF_8))));
        }
    }

    @Test
    void badArgumentsFailTheMonoAndMakeNoCall() {
        StepVerifier.create(endpoint.ringSip(null, SECRET, HEADERS))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("webhookUrl is required"))
                .verify();
        StepVerifier.create(endpoint.ringSip("/relative", SECRET, HEADERS))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("absolute http or https URL"))
                .verify();
        StepVerifier.create(endpoint.ringSip("http://127.0.0.1:9/x", "whsec_%%%", HEADERS))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageNotContaining("%%%"))
                .verify();
        StepVerifier.create(endpoint.ringSip("http://127.0.0.1:9/x", SECRET, null))
                .expectErrorMessage("sipHeaders is required")
                .verify();
        StepVerifier.create(endpoint.ringLiveSip("http://127.0.0.1:9/x", SECRET, Arrays.asList(
                        SipHeader.of("From", "x"), null)))
                .expectErrorMessage("sipHeaders must not contain null")
                .verify();
        StepVerifier.create(endpoint.redeliver(null))
                .expectErrorMessage("delivery is required")
                .verify();
        assertThat(endpoint.calls()).isEmpty();
    }

    @Test
    void aReceiverThatCannotBeReachedFailsWithOnePlainException() {
        StepVerifier.create(endpoint.ringSip("http://127.0.0.1:9/webhooks", SECRET, HEADERS))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("Delivering the webhook to http://127.0.0.1:9/webhooks failed")
                        .hasMessageNotContaining(SECRET))
                .verify();
        assertThat(endpoint.calls()).singleElement().satisfies(call -> assertThat(call.state()).isEqualTo(State.RINGING));
    }
}
