package dev.realtimesessions.local;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook the way OpenAI does, by the Standard Webhooks scheme its SDKs verify (spec notes,
 * section C.2): HMAC-SHA256 over {@code "{webhook-id}.{webhook-timestamp}.{body}"} (the timestamp as
 * the text sent, the body as its raw bytes), standard base64, sent as {@code v1,<base64>}. A secret
 * {@code whsec_<base64>} is base64-decoded into the key; any other secret's UTF-8 bytes are the key.
 */
final class WebhookSigner {

    private static final String PREFIX = "whsec_";

    private WebhookSigner() {
    }

    /**
     * The {@code webhook-signature} header value.
     *
     * @throws IllegalArgumentException when a {@code whsec_} secret is not base64 after its prefix
     *     (the message never holds the secret)
     */
    static String signature(String secret, String webhookId, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static byte[] key(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return secret.getBytes(StandardCharsets.UTF_8);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The webhook secret starts with whsec_ but the rest is not base64");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("The webhook secret has nothing after its whsec_ prefix");
        }
        return key;
    }
}
