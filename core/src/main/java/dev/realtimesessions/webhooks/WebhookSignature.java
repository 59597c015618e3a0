package dev.realtimesessions.webhooks;

import dev.realtimesessions.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature: HMAC-SHA256 over {@code id.timestamp.body} with each secret,
 * matched in constant time against the {@code v1,<base64>} entries of {@code webhook-signature}.
 */
final class WebhookSignature {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String SECRET_PREFIX = "whsec_";
    private static final String VERSION_PREFIX = "v1,";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private WebhookSignature() {
    }

    /**
     * The HMAC key of a secret: the base64-decoded rest of a {@code whsec_} secret, otherwise the
     * secret's UTF-8 bytes. The messages name the secret by its position, never by its value.
     */
    static SecretKeySpec key(String field, String secret) {
        if (secret == null || secret.isBlank()) {
            throw new ValidationException(field, "must not be " + (secret == null ? "null" : "blank"));
        }
        byte[] key;
        if (secret.startsWith(SECRET_PREFIX)) {
            try {
                key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new ValidationException(field, "starts with whsec_ but the rest is not base64: "
                        + "copy the signing secret exactly as OpenAI shows it");
            }
            if (key.length == 0) {
                throw new ValidationException(field, "is whsec_ with nothing after it");
            }
        } else {
            key = secret.getBytes(StandardCharsets.UTF_8);
        }
        SecretKeySpec spec = new SecretKeySpec(key, ALGORITHM);
        newMac(spec);
        return spec;
    }

    /**
     * Whether any of {@code signatures} is the delivery's signature under any of {@code keys}. Every
     * pair is compared, in constant time.
     */
    static boolean matches(List<SecretKeySpec> keys, String id, String timestamp, byte[] body, List<byte[]> signatures) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (SecretKeySpec key : keys) {
            Mac mac = newMac(key);
            mac.update(prefix);
            byte[] expected = mac.doFinal(body);
            for (byte[] signature : signatures) {
                matched |= MessageDigest.isEqual(expected, signature);
            }
        }
        return matched;
    }

    /**
     * The decoded {@code v1} signatures of a {@code webhook-signature} header, in order. Entries are
     * separated by whitespace; entries of other versions, and {@code v1} entries that are not base64,
     * are left out.
     */
    static List<byte[]> v1Signatures(String header) {
        List<byte[]> signatures = new ArrayList<>(2);
        for (String entry : WHITESPACE.split(header.trim())) {
            if (entry.startsWith(VERSION_PREFIX)) {
                try {
                    signatures.add(Base64.getDecoder().decode(entry.substring(VERSION_PREFIX.length())));
                } catch (IllegalArgumentException notBase64) {
                    // a malformed entry cannot match; the others may
                }
            }
        }
        return signatures;
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot compute " + ALGORITHM + ", which every Java SE runtime must", e);
        }
    }
}
