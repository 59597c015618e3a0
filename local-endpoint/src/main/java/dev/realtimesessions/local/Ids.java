package dev.realtimesessions.local;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Random ids and credentials for the fake objects the endpoint makes. */
final class Ids {

    private static final String ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private Ids() {
    }

    /**
     * {@code bytes} random bytes as lower-case hex. Fake ids and secrets need to be unique, not
     * unguessable: {@code SecureRandom} may block, and this runs on an event loop.
     */
    static String hex(int bytes) {
        return HexFormat.of().formatHex(random(bytes));
    }

    static byte[] random(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return random;
    }

    /** {@code length} random ICE characters (RFC 8839, section 5.4: letters and digits are ice-chars). */
    static String iceChars(int length) {
        StringBuilder chars = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            chars.append(ICE_CHARS.charAt(ThreadLocalRandom.current().nextInt(ICE_CHARS.length())));
        }
        return chars.toString();
    }

    /** A random SDP session id: a positive 62-bit number, as browsers write it (RFC 4566, section 5.2). */
    static long sdpSessionId() {
        return ThreadLocalRandom.current().nextLong(1L, 1L << 62);
    }
}
