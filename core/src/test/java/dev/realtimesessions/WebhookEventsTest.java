package dev.realtimesessions;

import static dev.realtimesessions.testing.WebhookDeliveries.CALL_INCOMING;
import static dev.realtimesessions.testing.WebhookDeliveries.NOW;
import static dev.realtimesessions.testing.WebhookDeliveries.SECRET;
import static dev.realtimesessions.testing.WebhookDeliveries.bytes;
import static dev.realtimesessions.testing.WebhookDeliveries.headers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import dev.realtimesessions.testing.WebhookDeliveries.HandClock;
import dev.realtimesessions.webhooks.RealtimeCallIncoming;
import dev.realtimesessions.webhooks.SipHeader;
import dev.realtimesessions.webhooks.SipMediaSecurity;
import dev.realtimesessions.webhooks.UnknownWebhookEvent;
import dev.realtimesessions.webhooks.WebhookEvent;
import dev.realtimesessions.webhooks.WebhookVerificationException.Reason;
import dev.realtimesessions.webhooks.WebhookVerifier;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The events a verified delivery is read into, tolerantly: only what identifies an event is needed,
 * unknown fields and values are kept, and an unknown type is delivered whole.
 */
class WebhookEventsTest {

    private final WebhookVerifier verifier = WebhookVerifier.builder().secrets(SECRET).clock(new HandClock(NOW)).build();
    private final AtomicInteger deliveries = new AtomicInteger();

    @Test
    void theSpecExampleIsAnIncomingCallWithEveryField() {
        RealtimeCallIncoming call = (RealtimeCallIncoming) read(CALL_INCOMING);

        assertThat(call.type()).isEqualTo("realtime.call.incoming");
        assertThat(call.id()).isEqualTo("evt_abc123");
        assertThat(call.createdAt()).isEqualTo(Instant.ofEpochSecond(1_719_168_000L));
        assertThat(call.object()).as("optional, absent here").isNull();
        assertThat(call.callId()).isEqualTo("rtc_u0_479a275623b54bdb9b6fbae2f7cbd408");
        assertThat(call.sipMediaSecurity()).isSameAs(SipMediaSecurity.SRTP);
        assertThat(call.sipHeaders()).containsExactly(new SipHeader("Max-Forwards", "63"),
                new SipHeader("CSeq", "851287 INVITE"), new SipHeader("Content-Type", "application/sdp"));
        assertThat(call.additionalProperties()).isEmpty();
        assertThat(call.dataAdditionalProperties()).isEmpty();
    }

    @Test
    void sipHeadersKeepTheirOrderAndRepeatsAndAreLookedUpWithoutRegardToCase() {
        RealtimeCallIncoming call = (RealtimeCallIncoming) read(call("\"sip_headers\": ["
                + "{\"name\": \"Via\", \"value\": \"SIP/2.0/TLS a\"}, {\"name\": \"From\", \"value\": \"<sip:+1@x>\"},"
                + "{\"name\": \"via\", \"value\": \"SIP/2.0/TLS b\"}, {\"name\": \"Via\", \"value\": \"SIP/2.0/TLS a\"}]"));

        assertThat(call.sipHeaders()).extracting(SipHeader::name).containsExactly("Via", "From", "via", "Via");
        assertThat(call.sipHeaderValues("VIA")).containsExactly("SIP/2.0/TLS a", "SIP/2.0/TLS b", "SIP/2.0/TLS a");
        assertThat(call.sipHeaderValues("To")).isEmpty();
    }

    @Test
    void anUnknownMediaSecurityIsKeptAndAnAbsentOrOddOneIsNull() {
        RealtimeCallIncoming zrtp = (RealtimeCallIncoming) read(call("\"sip_media_security\": \"zrtp\""));
        assertThat(zrtp.sipMediaSecurity()).isEqualTo(SipMediaSecurity.of("zrtp"));
        assertThat(zrtp.sipMediaSecurity().isKnown()).isFalse();
        assertThat(zrtp.sipMediaSecurity().value()).isEqualTo("zrtp");

        assertThat(((RealtimeCallIncoming) read(call("\"sip_headers\": []"))).sipMediaSecurity()).isNull();
        assertThat(((RealtimeCallIncoming) read(call("\"sip_media_security\": 1"))).sipMediaSecurity()).isNull();
        assertThat(((RealtimeCallIncoming) read(call("\"sip_media_security\": \"rtp\""))).sipMediaSecurity())
                .isSameAs(SipMediaSecurity.RTP);
    }

    @Test
    void sipMediaSecurityIsAnOpenEnum() {
        assertThat(SipMediaSecurity.knownValues()).containsExactly(SipMediaSecurity.RTP, SipMediaSecurity.SRTP);
        for (SipMediaSecurity constant : SipMediaSecurity.knownValues()) {
            assertThat(SipMediaSecurity.of(constant.value())).isSameAs(constant);
            assertThat(constant.isKnown()).isTrue();
            assertThat(constant).hasToString(constant.value());
        }
        assertThat(SipMediaSecurity.of("dtls-srtp")).isEqualTo(SipMediaSecurity.of("dtls-srtp"))
                .hasSameHashCodeAs(SipMediaSecurity.of("dtls-srtp")).isNotEqualTo(SipMediaSecurity.SRTP);
        assertThat(SipMediaSecurity.of("SRTP")).as("values are case-sensitive, as the API writes them")
                .isNotEqualTo(SipMediaSecurity.SRTP);
        assertThat(catchThrowableOfType(ValidationException.class, () -> SipMediaSecurity.of(null)).field())
                .isEqualTo("sip_media_security");
    }

    @Test
    void unknownFieldsOfTheEventAndOfItsDataAreKept() {
        String body = "{\"id\": \"evt_1\", \"object\": \"event\", \"type\": \"realtime.call.incoming\", \"created_at\": 1,"
                + " \"delivery\": {\"attempt\": 2, \"tags\": [\"a\", null]}, \"big\": 123456789012345678901234567890,"
                + " \"data\": {\"call_id\": \"rtc_1\", \"sip_headers\": [], \"sip_trunk\": \"trunk_9\", \"ratio\": 0.5,"
                + " \"nothing\": null}}";
        RealtimeCallIncoming call = (RealtimeCallIncoming) read(body);

        assertThat(call.object()).isEqualTo("event");
        assertThat(call.additionalProperties()).containsOnlyKeys("delivery", "big")
                .containsEntry("delivery", Map.of("attempt", 2, "tags", Arrays.asList("a", null)))
                .containsEntry("big", new BigInteger("123456789012345678901234567890"));
        assertThat(call.dataAdditionalProperties()).containsOnlyKeys("sip_trunk", "ratio", "nothing")
                .contains(entry("sip_trunk", "trunk_9"), entry("ratio", 0.5), entry("nothing", null));
    }

    @Test
    void anEventOfAnotherTypeIsDeliveredWholeAsAnUnknownEvent() {
        String body = "{\"id\": \"evt_2\", \"type\": \"response.completed\", \"created_at\": 1719168000,"
                + " \"object\": \"event\", \"data\": {\"id\": \"resp_1\", \"list\": [1, {\"x\": true}]}}";
        WebhookEvent event = read(body);

        assertThat(event).isInstanceOfSatisfying(UnknownWebhookEvent.class, unknown -> {
            assertThat(unknown.id()).isEqualTo("evt_2");
            assertThat(unknown.type()).isEqualTo("response.completed");
            assertThat(unknown.createdAt()).isEqualTo(Instant.ofEpochSecond(1_719_168_000L));
            assertThat(unknown.object()).isEqualTo("event");
            assertThat(unknown.fields()).containsOnlyKeys("id", "type", "created_at", "object", "data")
                    .containsEntry("data", Map.of("id", "resp_1", "list", List.of(1, Map.of("x", true))));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\": \"realtime.call.incoming\"}",
        "{\"type\": \"realtime.call.incoming\", \"data\": \"rtc_1\"}",
        "{\"type\": \"realtime.call.incoming\", \"data\": {\"sip_headers\": []}}",
        "{\"type\": \"realtime.call.incoming\", \"data\": {\"call_id\": 42}}",
        "{\"type\": \"realtime.call.incoming\", \"data\": {\"call_id\": \"\"}}",
        "{\"type\": \"realtime.call.incoming\", \"data\": {\"call_id\": null}}"})
    void aCallEventWithoutACallIdIsAnUnknownEventNotAFailure(String body) {
        assertThat(read(body)).isInstanceOfSatisfying(UnknownWebhookEvent.class,
                unknown -> assertThat(unknown.type()).isEqualTo(RealtimeCallIncoming.TYPE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"type\": null, \"id\": \"evt_3\"}", "{\"type\": 7, \"data\": {\"call_id\": \"rtc_1\"}}"})
    void anEventWithoutATypeIsAnUnknownEventWithAnEmptyType(String body) {
        assertThat(read(body)).isInstanceOfSatisfying(UnknownWebhookEvent.class,
                unknown -> assertThat(unknown.type()).isEmpty());
    }

    @Test
    void envelopeFieldsOfAnUnexpectedShapeReadAsAbsent() {
        RealtimeCallIncoming call = (RealtimeCallIncoming) read("{\"id\": 42, \"object\": [], \"created_at\": \"yesterday\","
                + " \"type\": \"realtime.call.incoming\", \"data\": {\"call_id\": \"rtc_1\", \"sip_headers\": \"none\"}}");
        assertThat(call.id()).isNull();
        assertThat(call.object()).isNull();
        assertThat(call.createdAt()).isNull();
        assertThat(call.sipHeaders()).isEmpty();

        for (String createdAt : List.of("1.5", "99999999999999999999", "-99999999999999999", "true")) {
            assertThat(read("{\"type\": \"x\", \"created_at\": " + createdAt + "}").createdAt()).as(createdAt).isNull();
        }
    }

    @Test
    void anOddSipHeaderCostsOnlyItselfOrItsValue() {
        RealtimeCallIncoming call = (RealtimeCallIncoming) read(call("\"sip_headers\": ["
                + "{\"name\": \"Max-Forwards\", \"value\": 70}, {\"name\": \"X-Empty\"}, {\"value\": \"nameless\"},"
                + "\"junk\", null, {\"name\": \"X-Object\", \"value\": {\"a\": 1}}, {\"name\": \"To\", \"value\": \"<sip:b@x>\"}]"));

        assertThat(call.sipHeaders()).containsExactly(new SipHeader("Max-Forwards", "70"), new SipHeader("X-Empty", ""),
                new SipHeader("X-Object", ""), new SipHeader("To", "<sip:b@x>"));
    }

    @Test
    void nestingDeeperThanTheParserAllowsIsAMalformedBodyNotAStackOverflow() {
        String deep = "{\"type\": \"x\", \"data\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThat(WebhookVerifierTest.reason(() -> read(deep))).isEqualTo(Reason.MALFORMED_BODY);
    }

    @Test
    void eventsAreImmutable() {
        RealtimeCallIncoming call = (RealtimeCallIncoming) read(call("\"extra\": {\"list\": [1]}"));
        UnknownWebhookEvent unknown = (UnknownWebhookEvent) read("{\"type\": \"x\", \"data\": {\"list\": [1]}}");

        assertThatThrownBy(() -> call.sipHeaders().add(new SipHeader("a", "b")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> call.dataAdditionalProperties().put("a", 1))
                .isInstanceOf(UnsupportedOperationException.class);
        List<?> nested = (List<?>) ((Map<?, ?>) call.dataAdditionalProperties().get("extra")).get("list");
        assertThatThrownBy(() -> nested.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> unknown.fields().remove("type")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theRecordsCopyWhatTheyAreGivenAndRefuseWhatIsNotJson() {
        List<SipHeader> headers = new ArrayList<>(List.of(new SipHeader("From", "a")));
        Map<String, Object> extra = new HashMap<>(Map.of("n", 1));
        RealtimeCallIncoming call = new RealtimeCallIncoming(null, null, null, "rtc_1", headers, null, extra, null);
        headers.clear();
        extra.clear();
        assertThat(call.sipHeaders()).hasSize(1);
        assertThat(call.dataAdditionalProperties()).containsEntry("n", 1);
        assertThat(call.additionalProperties()).isEmpty();

        assertThat(catchThrowableOfType(ValidationException.class, () -> new RealtimeCallIncoming(null, null, null, null,
                List.of(), null, null, null)).field()).isEqualTo("data.call_id");
        assertThat(catchThrowableOfType(ValidationException.class, () -> new UnknownWebhookEvent(null, null, null, null,
                Map.of())).field()).isEqualTo("type");
        assertThat(catchThrowableOfType(ValidationException.class, () -> new UnknownWebhookEvent(null, "x", null, null,
                Map.of("when", Instant.EPOCH))).field()).isEqualTo("event.when");
        assertThat(catchThrowableOfType(ValidationException.class, () -> new UnknownWebhookEvent(null, "x", null, null,
                Map.of("n", Double.NaN))).field()).isEqualTo("event.n");
        assertThat(catchThrowableOfType(ValidationException.class, () -> new SipHeader("From", null)).field())
                .isEqualTo("sip_headers[].value");
    }

    private WebhookEvent read(String body) {
        return verifier.verify(headers(SECRET, "msg_" + deliveries.incrementAndGet(), NOW, body), bytes(body));
    }

    /** A call event whose {@code data} holds {@code dataFields} besides its {@code call_id}. */
    private static String call(String dataFields) {
        return "{\"type\": \"realtime.call.incoming\", \"data\": {\"call_id\": \"rtc_1\", " + dataFields + "}}";
    }
}
