package dev.realtimesessions;

import static dev.realtimesessions.testing.WebhookDeliveries.NOW;
import static dev.realtimesessions.testing.WebhookDeliveries.SECRET;
import static dev.realtimesessions.testing.WebhookDeliveries.bytes;
import static dev.realtimesessions.testing.WebhookDeliveries.headers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import dev.realtimesessions.testing.WebhookDeliveries.HandClock;
import dev.realtimesessions.webhooks.LiveTransportIncoming;
import dev.realtimesessions.webhooks.RealtimeCallIncoming;
import dev.realtimesessions.webhooks.SipHeader;
import dev.realtimesessions.webhooks.SipMediaSecurity;
import dev.realtimesessions.webhooks.UnknownWebhookEvent;
import dev.realtimesessions.webhooks.WebhookEvent;
import dev.realtimesessions.webhooks.WebhookVerifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code live.transport.incoming}, the GPT-Live incoming SIP call, read from verified deliveries as
 * tolerantly as {@link RealtimeCallIncoming}: only {@code data.session_id} is needed, and what no
 * component can hold is kept.
 */
class LiveWebhookEventsTest {

    private final WebhookVerifier verifier = WebhookVerifier.builder().secrets(SECRET).clock(new HandClock(NOW)).build();
    private final AtomicInteger deliveries = new AtomicInteger();

    @Test
    void theSpecExampleIsAnIncomingLiveCallWithEveryField() {
        JsonNode schema = LiveRequestSpecTest.SPEC.schema("WebhookLiveTransportIncoming");
        String example = schema.at("/x-oaiMeta/example").asString();

        LiveTransportIncoming call = (LiveTransportIncoming) read(example);

        assertThat(call.type()).isEqualTo(LiveTransportIncoming.TYPE).isEqualTo("live.transport.incoming")
                .isEqualTo(schema.at("/properties/type/enum/0").asString());
        assertThat(call.id()).isEqualTo("evt_abc123");
        assertThat(call.createdAt()).isEqualTo(Instant.ofEpochSecond(1_719_168_000L));
        assertThat(call.object()).isNull();
        assertThat(call.transportType()).isEqualTo("sip");
        assertThat(call.sessionId()).isEqualTo("live_u0_479a275623b54bdb9b6fbae2f7cbd408");
        assertThat(call.sipMediaSecurity()).isSameAs(SipMediaSecurity.SRTP);
        assertThat(call.sipHeaders()).containsExactly(new SipHeader("From", "<sip:alice@example.com>;tag=abc123"),
                new SipHeader("To", "<sip:recipient@example.com>"), new SipHeader("Call-ID", "call-123@example.com"));
        assertThat(call.sipHeaderValues("call-id")).containsExactly("call-123@example.com");
        assertThat(call.dataAdditionalProperties()).isEmpty();
        assertThat(call.additionalProperties()).isEmpty();
    }

    @Test
    void unknownFieldsAndValuesNoComponentCanHoldAreKept() {
        LiveTransportIncoming call = (LiveTransportIncoming) read("{\"type\": \"live.transport.incoming\","
                + " \"object\": \"event\", \"delivery\": 2, \"data\": {\"type\": {\"kind\": \"sip\"},"
                + " \"session_id\": \"live_1\","
                + " \"sip_media_security\": [\"srtp\"], \"sip_trunk\": \"trunk_9\","
                + " \"sip_headers\": [{\"name\": \"From\","
                + " \"value\": {\"uri\": \"sip:a@x\"}}, {\"value\": \"nameless\"}, null, {\"name\": \"To\","
                + " \"value\": 5}]}}");

        assertThat(call.object()).isEqualTo("event");
        assertThat(call.transportType()).isNull();
        assertThat(call.sipMediaSecurity()).isNull();
        assertThat(call.sipHeaders()).containsExactly(new SipHeader("From", ""), new SipHeader("To", "5"));
        assertThat(call.additionalProperties()).containsOnly(entry("delivery", 2));
        assertThat(call.dataAdditionalProperties()).containsOnly(
                entry("type", Map.of("kind", "sip")),
                entry("sip_media_security", List.of("srtp")),
                entry("sip_trunk", "trunk_9"),
                entry("sip_headers[0].value", Map.of("uri", "sip:a@x")),
                entry("sip_headers[1]", Map.of("value", "nameless")),
                entry("sip_headers[2]", null));
    }

    @Test
    void anotherTransportAndAnUnknownMediaSecurityAreReadAsTheyCame() {
        LiveTransportIncoming call = (LiveTransportIncoming) read("{\"type\": \"live.transport.incoming\", \"data\":"
                + " {\"type\": \"webrtc\", \"session_id\": \"live_2\", \"sip_media_security\": \"zrtp\"}}");

        assertThat(call.transportType()).isEqualTo("webrtc");
        assertThat(call.sipMediaSecurity()).isEqualTo(SipMediaSecurity.of("zrtp"));
        assertThat(call.sipHeaders()).isEmpty();
        assertThat(call.dataAdditionalProperties()).isEmpty();
    }

    @Test
    void headersThatAreNoListAreKeptForACallEventToo() {
        RealtimeCallIncoming call = (RealtimeCallIncoming) read("{\"type\": \"realtime.call.incoming\", \"data\":"
                + " {\"call_id\": \"rtc_1\", \"sip_headers\": \"none\", \"sip_media_security\": 1}}");

        assertThat(call.sipHeaders()).isEmpty();
        assertThat(call.dataAdditionalProperties()).containsOnly(entry("sip_headers", "none"),
                entry("sip_media_security", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\": \"live.transport.incoming\"}",
        "{\"type\": \"live.transport.incoming\", \"data\": \"live_1\"}",
        "{\"type\": \"live.transport.incoming\", \"data\": {\"type\": \"sip\", \"sip_headers\": []}}",
        "{\"type\": \"live.transport.incoming\", \"data\": {\"session_id\": 42}}",
        "{\"type\": \"live.transport.incoming\", \"data\": {\"session_id\": \"\"}}",
        "{\"type\": \"live.transport.incoming\", \"data\": {\"call_id\": \"rtc_1\"}}"})
    void aLiveEventWithoutASessionIdIsAnUnknownEventNotAFailure(String body) {
        assertThat(read(body)).isInstanceOfSatisfying(UnknownWebhookEvent.class,
                unknown -> assertThat(unknown.type()).isEqualTo(LiveTransportIncoming.TYPE));
    }

    @Test
    void theDeprecatedLiveCallEventIsDeliveredWholeAsAnUnknownEvent() {
        WebhookEvent event = read("{\"id\": \"evt_1\", \"type\": \"live.call.incoming\", \"created_at\": 1,"
                + " \"data\": {\"session_id\": \"live_1\", \"sip_headers\": []}}");

        assertThat(event).isInstanceOfSatisfying(UnknownWebhookEvent.class,
                unknown -> assertThat(unknown.fields()).containsKey("data"));
    }

    @Test
    void theRecordCopiesWhatItIsGivenAndRefusesWhatIsNotJson() {
        List<SipHeader> headers = new ArrayList<>(List.of(new SipHeader("From", "a")));
        LiveTransportIncoming call =
                new LiveTransportIncoming(null, null, null, null, "live_1", headers, null, null, null);
        headers.clear();
        assertThat(call.sipHeaders()).hasSize(1);
        assertThat(call.dataAdditionalProperties()).isEmpty();

        assertThat(catchThrowableOfType(ValidationException.class, () -> new LiveTransportIncoming(null, null, null, null,
                null, List.of(), null, null, null)).field()).isEqualTo("data.session_id");
        assertThat(catchThrowableOfType(ValidationException.class, () -> new LiveTransportIncoming(null, null, null, null,
                "live_1", Arrays.asList(new SipHeader("a", "b"), null), null, null, null)).field())
                .isEqualTo("data.sip_headers[1]");
        assertThat(catchThrowableOfType(ValidationException.class, () -> new LiveTransportIncoming(null, null, null, null,
                "live_1", null, null, Map.of("when", Instant.EPOCH), null)).field()).isEqualTo("data.when");
        assertThat(catchThrowableOfType(ValidationException.class, () -> call.sipHeaderValues(null)).field())
                .isEqualTo("name");
    }

    private WebhookEvent read(String body) {
        return verifier.verify(headers(SECRET, "msg_" + deliveries.incrementAndGet(), NOW, body), bytes(body));
    }
}
