package dev.realtimesessions.model;

/** How records show a secret in {@code toString()}: its well-known prefix, never its body. */
final class Redaction {

    private Redaction() {
    }

    static String mask(String secret) {
        if (secret.startsWith("ek_")) {
            return "ek_***";
        }
        return "***";
    }
}
