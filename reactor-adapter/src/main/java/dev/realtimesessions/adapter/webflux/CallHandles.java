package dev.realtimesessions.adapter.webflux;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.UnaryOperator;

/**
 * The {@link RealtimeCallEndpoint}'s handles for its calls: 128 random bits each, URL-safe, unrelated
 * to OpenAI's call id, so that a browser can name its own call and guess no other.
 */
final class CallHandles implements UnaryOperator<String> {

    private final SecureRandom random = seeded();

    /** A new handle; the call id plays no part in it. */
    @Override
    public String apply(String callId) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * A DRBG, seeded here, on the thread that builds the endpoint: later handles come from its state
     * without reading the OS's entropy source, so that making one never blocks an event loop.
     */
    private static SecureRandom seeded() {
        try {
            SecureRandom random = SecureRandom.getInstance("DRBG");
            random.nextBytes(new byte[16]);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no DRBG SecureRandom", e);
        }
    }
}
