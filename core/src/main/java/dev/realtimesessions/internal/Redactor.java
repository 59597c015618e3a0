package dev.realtimesessions.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text the library shows people: error messages from the server, log lines and
 * wiretap dumps. Covers OpenAI API keys ({@code sk-...}), client secrets ({@code ek_...}), bearer
 * credentials in an {@code Authorization} header, and JSON {@code "authorization"} fields (MCP
 * access tokens).
 */
public final class Redactor {

    private static final Pattern SECRETS = Pattern.compile(
            "(?i)(authorization\\s*:\\s*bearer\\s+)[^\\s\"',;]+"
            + "|(\"authorization\"\\s*:\\s*\")[^\"]*"
            + "|\\b(sk-|ek_)[A-Za-z0-9_\\-*.]{3,}");

    private Redactor() {
    }

    /** The text with every secret replaced by its prefix and {@code ***}. */
    public static String redact(String text) {
        if (text.indexOf("sk-") < 0 && text.indexOf("ek_") < 0 && indexOfIgnoreCase(text, "authorization") < 0) {
            return text;
        }
        Matcher matcher = SECRETS.matcher(text);
        StringBuilder result = new StringBuilder(text.length());
        while (matcher.find()) {
            String prefix = matcher.group(1) != null ? matcher.group(1)
                    : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            matcher.appendReplacement(result, Matcher.quoteReplacement(prefix + "***"));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /**
     * The text with every secret masked, and every occurrence of {@code knownSecret} (the API key
     * of the call, whatever its format) replaced by {@code ***}.
     */
    public static String redact(String text, String knownSecret) {
        String masked = redact(text);
        return knownSecret.length() >= 8 ? masked.replace(knownSecret, "***") : masked;
    }

    private static int indexOfIgnoreCase(String text, String word) {
        int length = word.length();
        for (int i = 0; i + length <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, length)) {
                return i;
            }
        }
        return -1;
    }
}
