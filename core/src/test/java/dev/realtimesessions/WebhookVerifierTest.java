package dev.realtimesessions;

import static dev.realtimesessions.testing.WebhookDeliveries.CALL_INCOMING;
import static dev.realtimesessions.testing.WebhookDeliveries.NOW;
import static dev.realtimesessions.testing.WebhookDeliveries.OTHER_SECRET;
import static dev.realtimesessions.testing.WebhookDeliveries.SECRET;
import static dev.realtimesessions.testing.WebhookDeliveries.bytes;
import static dev.realtimesessions.testing.WebhookDeliveries.headers;
import static dev.realtimesessions.testing.WebhookDeliveries.key;
import static dev.realtimesessions.testing.WebhookDeliveries.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.realtimesessions.testing.WebhookDeliveries.HandClock;
import dev.realtimesessions.webhooks.RealtimeCallIncoming;
import dev.realtimesessions.webhooks.WebhookEvent;
import dev.realtimesessions.webhooks.WebhookVerificationException;
import dev.realtimesessions.webhooks.WebhookVerificationException.Reason;
import dev.realtimesessions.webhooks.WebhookVerifier;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** {@link WebhookVerifier#verify}: which deliveries it accepts, and why it refuses the others. */
class WebhookVerifierTest {

    private static final String ID = "msg_2LJc0ZpGR3mfjVIzq4MqX0W2LSQ";

    private final HandClock clock = new HandClock(NOW);
    private final WebhookVerifier verifier = WebhookVerifier.builder().secrets(SECRET).clock(clock).build();

    @Test
    void aDeliverySignedWithTheSecretIsAcceptedAndItsEventRead() {
        WebhookEvent event = verifier.verify(headers(SECRET, ID, NOW, CALL_INCOMING), bytes(CALL_INCOMING));

        assertThat(event).isInstanceOfSatisfying(RealtimeCallIncoming.class, call -> {
            assertThat(call.callId()).isEqualTo("rtc_u0_479a275623b54bdb9b6fbae2f7cbd408");
            assertThat(call.id()).isEqualTo("evt_abc123");
        });
    }

    @Test
    void theSignatureIsCheckedOverTheRawBytesSoReSerializedJsonIsRefused() {
        String pretty = "{\n  \"id\": \"evt_abc123\",\n  \"type\": \"realtime.call.incoming\",\n"
                + "  \"data\": {\"call_id\": \"rtc_1\", \"sip_headers\": []}\n}";
        Map<String, String> headers = headers(SECRET, ID, NOW, pretty);
        String reSerialized = JsonMapper.builder().build().readTree(pretty).toString();
        assertThat(reSerialized).as("the same JSON, other whitespace").isNotEqualTo(pretty).doesNotContain("\n");

        assertThat(reason(() -> verifier.verify(headers, bytes(reSerialized)))).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
        assertThat(verifier.verify(headers, bytes(pretty)).type()).isEqualTo(RealtimeCallIncoming.TYPE);
    }

    @Test
    void aChangedBodyIdOrTimestampIsRefused() {
        Map<String, String> signed = headers(SECRET, ID, NOW, CALL_INCOMING);

        assertThat(reason(() -> verifier.verify(signed, bytes(CALL_INCOMING.replace("rtc_u0", "rtc_u1")))))
                .isEqualTo(Reason.NO_MATCHING_SIGNATURE);
        assertThat(reason(() -> verifier.verify(with(signed, "webhook-id", "msg_other"), bytes(CALL_INCOMING))))
                .isEqualTo(Reason.NO_MATCHING_SIGNATURE);
        assertThat(reason(() -> verifier.verify(with(signed, "webhook-timestamp", Long.toString(NOW + 1)),
                bytes(CALL_INCOMING)))).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
    }

    @Test
    void duringRotationADeliverySignedWithAnyConfiguredSecretIsAccepted() {
        WebhookVerifier rotating = WebhookVerifier.builder().secrets(SECRET, OTHER_SECRET).clock(clock).build();

        assertThat(rotating.verify(headers(SECRET, "msg_1", NOW, CALL_INCOMING), bytes(CALL_INCOMING))).isNotNull();
        assertThat(rotating.verify(headers(OTHER_SECRET, "msg_2", NOW, CALL_INCOMING), bytes(CALL_INCOMING))).isNotNull();
        assertThat(reason(() -> verifier.verify(headers(OTHER_SECRET, "msg_3", NOW, CALL_INCOMING), bytes(CALL_INCOMING))))
                .as("a verifier without the other secret").isEqualTo(Reason.NO_MATCHING_SIGNATURE);
    }

    @Test
    void anyOfSeveralV1SignaturesInTheHeaderMayMatchAndOtherVersionsAreIgnored() {
        String time = Long.toString(NOW);
        String good = signature(key(SECRET), ID, time, bytes(CALL_INCOMING));
        String wrong = signature(key(OTHER_SECRET), ID, time, bytes(CALL_INCOMING));

        assertThat(verifier.verify(headers(ID, time, "v1," + wrong + " v1,not*base64 v2," + good + "\tv1," + good),
                bytes(CALL_INCOMING))).isNotNull();
        assertThat(reason(() -> verifier.verify(headers("msg_4", time, "v1," + wrong + " v1,"
                + signature(key(OTHER_SECRET), "msg_4", time, bytes(CALL_INCOMING))), bytes(CALL_INCOMING))))
                .isEqualTo(Reason.NO_MATCHING_SIGNATURE);
        WebhookVerificationException otherVersionOnly = refusal(() -> verifier.verify(headers("msg_5", time,
                "v2," + signature(key(SECRET), "msg_5", time, bytes(CALL_INCOMING))), bytes(CALL_INCOMING)));
        assertThat(otherVersionOnly.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
        assertThat(otherVersionOnly).hasMessageContaining("no v1,<base64> signature");
        assertThat(reason(() -> verifier.verify(headers("msg_6", time,
                signature(key(SECRET), "msg_6", time, bytes(CALL_INCOMING))), bytes(CALL_INCOMING))))
                .as("a bare signature without its version").isEqualTo(Reason.NO_MATCHING_SIGNATURE);
    }

    @Test
    void aWhsecSecretIsBase64DecodedAndAnyOtherSecretIsUsedAsUtf8Bytes() {
        String time = Long.toString(NOW);
        String underTheTextOfTheWhsecSecret = signature(bytes(SECRET), ID, time, bytes(CALL_INCOMING));
        assertThat(reason(() -> verifier.verify(headers(ID, time, "v1," + underTheTextOfTheWhsecSecret),
                bytes(CALL_INCOMING)))).isEqualTo(Reason.NO_MATCHING_SIGNATURE);

        String raw = "a raw secret, größer als null";
        WebhookVerifier rawVerifier = WebhookVerifier.builder().secrets(raw).clock(clock).build();
        assertThat(rawVerifier.verify(headers(ID, time, "v1," + signature(bytes(raw), ID, time, bytes(CALL_INCOMING))),
                bytes(CALL_INCOMING))).isNotNull();
    }

    @Test
    void headerNamesMatchInAnyLetterCase() {
        Map<String, String> signed = headers(SECRET, ID, NOW, CALL_INCOMING);
        Map<String, String> mixed = new LinkedHashMap<>();
        mixed.put("Content-Type", "application/json");
        mixed.put("Webhook-Id", signed.get("webhook-id"));
        mixed.put("WEBHOOK-TIMESTAMP", signed.get("webhook-timestamp"));
        mixed.put("webhook-Signature", signed.get("webhook-signature"));
        assertThat(verifier.verify(mixed, bytes(CALL_INCOMING))).isNotNull();

        Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers(SECRET, "msg_7", NOW, CALL_INCOMING).forEach((name, value) -> caseInsensitive.put(name.toUpperCase(), value));
        assertThat(verifier.verify(caseInsensitive, bytes(CALL_INCOMING))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"webhook-id", "webhook-timestamp", "webhook-signature"})
    void aMissingOrEmptyHeaderIsRefusedByName(String name) {
        Map<String, String> missing = headers(SECRET, ID, NOW, CALL_INCOMING);
        missing.remove(name);
        WebhookVerificationException refused = refusal(() -> verifier.verify(missing, bytes(CALL_INCOMING)));
        assertThat(refused.reason()).isEqualTo(Reason.MISSING_HEADER);
        assertThat(refused).hasMessageContaining("the " + name + " header is missing");

        WebhookVerificationException empty = refusal(() -> verifier.verify(with(headers(SECRET, ID, NOW, CALL_INCOMING),
                name, ""), bytes(CALL_INCOMING)));
        assertThat(empty.reason()).isEqualTo(Reason.MISSING_HEADER);
        assertThat(empty).hasMessageContaining("the " + name + " header is empty");
    }

    @Test
    void aNullHeaderValueCountsAsMissing() {
        Map<String, String> headers = headers(SECRET, ID, NOW, CALL_INCOMING);
        headers.put("webhook-id", null);
        assertThat(reason(() -> verifier.verify(headers, bytes(CALL_INCOMING)))).isEqualTo(Reason.MISSING_HEADER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1719168000.5", "-1719168000", "+1719168000", " 1719168000", "1719168000 ",
            "1e9", "0x66780000", "1234567890123456789", "１７１９１６８０００"})
    void aTimestampThatIsNotWholeUnixSecondsIsRefusedAsMalformed(String timestamp) {
        String signed = "v1," + signature(key(SECRET), ID, timestamp, bytes(CALL_INCOMING));
        WebhookVerificationException refused = refusal(() -> verifier.verify(headers(ID, timestamp, signed),
                bytes(CALL_INCOMING)));
        assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_TIMESTAMP);
        assertThat(refused).hasMessageContaining("is not whole Unix seconds");
    }

    @Test
    void aMalformedTimestampIsQuotedOnOneLineAndShortened() {
        String hostile = "17\r\nforged log line " + "x".repeat(200);
        WebhookVerificationException refused = refusal(() -> verifier.verify(headers(ID, hostile, "v1,AAAA"),
                bytes(CALL_INCOMING)));
        assertThat(refused.getMessage()).doesNotContain("\n").doesNotContain("\r").contains("17??forged log line")
                .doesNotContain("x".repeat(100));
    }

    @Test
    void theTimestampMayBeUpToTheToleranceBehindOrAheadOfTheClock() {
        Duration tolerance = WebhookVerifier.DEFAULT_TOLERANCE;
        clock.advance(tolerance);
        assertThat(verifier.verify(headers(SECRET, "msg_old", NOW, CALL_INCOMING), bytes(CALL_INCOMING))).isNotNull();
        clock.advance(Duration.ofSeconds(1));
        WebhookVerificationException tooOld = refusal(() -> verifier.verify(headers(SECRET, "msg_older", NOW,
                CALL_INCOMING), bytes(CALL_INCOMING)));
        assertThat(tooOld.reason()).isEqualTo(Reason.TIMESTAMP_TOO_OLD);
        assertThat(tooOld).hasMessageContaining("is 301 s behind this server's clock, beyond the tolerance of 300 s");

        HandClock early = new HandClock(NOW - tolerance.toSeconds());
        WebhookVerifier ahead = WebhookVerifier.builder().secrets(SECRET).clock(early).build();
        assertThat(ahead.verify(headers(SECRET, "msg_new", NOW, CALL_INCOMING), bytes(CALL_INCOMING))).isNotNull();
        WebhookVerificationException tooNew = refusal(() -> ahead.verify(headers(SECRET, "msg_newer", NOW + 1,
                CALL_INCOMING), bytes(CALL_INCOMING)));
        assertThat(tooNew.reason()).isEqualTo(Reason.TIMESTAMP_TOO_NEW);
        assertThat(tooNew).hasMessageContaining("is 301 s ahead of this server's clock");
    }

    @Test
    void theToleranceIsConfigurableAndAFractionOfASecondOnTheClockDoesNotCount() {
        WebhookVerifier strict = WebhookVerifier.builder().secrets(SECRET).clock(clock)
                .tolerance(Duration.ofSeconds(10)).build();
        assertThat(strict.tolerance()).isEqualTo(Duration.ofSeconds(10));
        clock.advance(Duration.ofMillis(10_999));
        assertThat(strict.verify(headers(SECRET, "msg_a", NOW, CALL_INCOMING), bytes(CALL_INCOMING))).isNotNull();
        clock.advance(Duration.ofMillis(1));
        assertThat(reason(() -> strict.verify(headers(SECRET, "msg_b", NOW, CALL_INCOMING), bytes(CALL_INCOMING))))
                .isEqualTo(Reason.TIMESTAMP_TOO_OLD);
        assertThat(reason(() -> strict.verify(headers(SECRET, "msg_c", NOW + 22, CALL_INCOMING), bytes(CALL_INCOMING))))
                .isEqualTo(Reason.TIMESTAMP_TOO_NEW);
    }

    @Test
    void aTimestampBeyondWhatAnInstantHoldsIsTooNewNotAnError() {
        long farFuture = 999_999_999_999_999_999L;
        WebhookVerificationException refused = refusal(() -> verifier.verify(headers(SECRET, ID, farFuture,
                CALL_INCOMING), bytes(CALL_INCOMING)));
        assertThat(refused.reason()).isEqualTo(Reason.TIMESTAMP_TOO_NEW);
    }

    @Test
    void theTimestampIsJudgedBeforeTheSignature() {
        assertThat(reason(() -> verifier.verify(headers(ID, Long.toString(NOW - 3600), "v1,AAAA"), bytes(CALL_INCOMING))))
                .isEqualTo(Reason.TIMESTAMP_TOO_OLD);
    }

    @Test
    void anAuthenticBodyThatIsNotAJsonObjectIsRefusedAsMalformed() {
        for (String body : new String[] {"not json", "", "[1, 2]", "\"text\"", "{\"type\": \"x\"", "{} {}"}) {
            WebhookVerificationException refused = refusal(() -> verifier.verify(
                    headers(SECRET, "msg_" + body.hashCode(), NOW, body), bytes(body)));
            assertThat(refused.reason()).as(body).isEqualTo(Reason.MALFORMED_BODY);
            assertThat(refused).hasMessageStartingWith("malformed webhook body");
        }
    }

    @Test
    void nullArgumentsAreValidationErrorsNotNullPointerExceptions() {
        Map<String, String> headers = headers(SECRET, ID, NOW, CALL_INCOMING);
        assertThat(catchThrowableOfType(ValidationException.class, () -> verifier.verify(null, bytes(CALL_INCOMING))).field())
                .isEqualTo("headers");
        assertThat(catchThrowableOfType(ValidationException.class, () -> verifier.verify(headers, null)).field())
                .isEqualTo("body");
    }

    static Reason reason(Runnable verification) {
        return refusal(verification).reason();
    }

    static WebhookVerificationException refusal(Runnable verification) {
        WebhookVerificationException refused = catchThrowableOfType(WebhookVerificationException.class, verification::run);
        assertThat(refused).as("the delivery is refused").isNotNull();
        return refused;
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.put(name, value);
        return changed;
    }
}
