package dev.realtimesessions.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signed webhook deliveries for tests, and a clock a test moves by hand. */
public final class WebhookDeliveries {

    /** A made-up {@code whsec_} secret: 24 bytes, base64. */
    public static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    /** Another one, for rotation. */
    public static final String OTHER_SECRET = "whsec_c2Vjb25kIHNlY3JldCBmb3Igcm90YXRpb24gdGVzdHM=";

    /** {@code 2024-06-23T18:40:00Z}, the spec example's {@code created_at}. */
    public static final long NOW = 1_719_168_000L;

    /** The spec's example {@code realtime.call.incoming}, with a repeated header. */
    public static final String CALL_INCOMING = "{\"id\":\"evt_abc123\",\"type\":\"realtime.call.incoming\","
            + "\"created_at\":1719168000,\"data\":{\"call_id\":\"rtc_u0_479a275623b54bdb9b6fbae2f7cbd408\","
            + "\"sip_media_security\":\"srtp\",\"sip_headers\":[{\"name\":\"Max-Forwards\",\"value\":\"63\"},"
            + "{\"name\":\"CSeq\",\"value\":\"851287 INVITE\"},{\"name\":\"Content-Type\",\"value\":\"application/sdp\"}]}}";

    private WebhookDeliveries() {
    }

    /** The HMAC key of a secret, as Standard Webhooks defines it. */
    public static byte[] key(String secret) {
        return secret.startsWith("whsec_")
                ? Base64.getDecoder().decode(secret.substring("whsec_".length()))
                : secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The base64 signature of a delivery under a key. */
    public static String signature(byte[] key, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The three headers of a delivery signed with {@code secret}, names as OpenAI writes them. */
    public static Map<String, String> headers(String secret, String id, long timestamp, String body) {
        String time = Long.toString(timestamp);
        return headers(id, time, "v1," + signature(key(secret), id, time, bytes(body)));
    }

    public static Map<String, String> headers(String id, String timestamp, String signatureHeader) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", timestamp);
        headers.put("webhook-signature", signatureHeader);
        return headers;
    }

    public static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** A clock that stands still until a test moves it. */
    public static final class HandClock extends Clock {

        private volatile Instant now;

        public HandClock(long epochSecond) {
            this.now = Instant.ofEpochSecond(epochSecond);
        }

        public void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("a hand clock stays in UTC");
        }
    }
}
