package dev.realtimesessions.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text the library shows people: error messages from the server, log lines and
 * wiretap dumps. Covers OpenAI API keys ({@code sk-...}), client secrets ({@code ek_...}), bearer
 * credentials in an {@code Authorization} header, JSON {@code "authorization"} fields (MCP
 * access tokens), Azure OpenAI keys in an {@code api-key} header, JSON field or query parameter,
 * and JSON Web Tokens such as Microsoft Entra ID access tokens ({@code eyJ...}) wherever they
 * stand. One definition of what a secret looks like serves both plain text and the wiretap's raw
 * bytes ({@link #secrets(String)}).
 */
public final class Redactor {

    private static final Pattern SECRETS = secrets("");

    private Redactor() {
    }

    /**
     * The pattern of a secret; group 1 to 5 is the prefix that stays visible, the rest of the
     * match is the secret. {@code gap} is a regular expression for what may interrupt a secret's
     * characters (HTTP/1.1 chunk framing in raw bytes), or empty for plain text. A token is
     * matched from its first characters on, so that the part of one split across reads is masked.
     */
    static Pattern secrets(String gap) {
        String optionalGap = gap.isEmpty() ? "" : gap + "?";
        return Pattern.compile("(?i)(authorization\\s*:\\s*bearer\\s+)" + oneOrMore("[^\\s\"',;]", gap)
                + "|(\"authorization\"\\s*:\\s*\")[^\"]*"
                + "|\\b((?:s" + optionalGap + "k|e" + optionalGap + "k)" + optionalGap + "[-_])"
                + oneOrMore("[A-Za-z0-9_\\-*.]", gap)
                + "|(\"?api-key\"?[ \\t]*[:=][ \\t]*\"?)" + oneOrMore("[^\\s\"',;&]", gap)
                + "|(?-i:\\b(e" + optionalGap + "y" + optionalGap + "J))" + oneOrMore("[A-Za-z0-9_\\-.]", gap));
    }

    /**
     * One or more of {@code characters}, interrupted by any number of {@code gap}s. Runs of
     * characters are matched whole (possessively): Java's matcher recurses once per repetition of
     * a group, and a token of thousands of characters must not cost as many stack frames.
     */
    private static String oneOrMore(String characters, String gap) {
        return gap.isEmpty() ? characters + "+" : "(?:" + characters + "++|" + gap + ")+";
    }

    /** Where the visible prefix of a match of {@link #secrets(String)} ends: the secret starts there. */
    static int prefixEnd(Matcher match) {
        for (int group = 1; group < 5; group++) {
            if (match.group(group) != null) {
                return match.end(group);
            }
        }
        return match.end(5);
    }

    /** The text with every secret replaced by its prefix and {@code ***}. */
    public static String redact(String text) {
        if (!mayHoldSecret(text)) {
            return text;
        }
        Matcher matcher = SECRETS.matcher(text);
        StringBuilder result = new StringBuilder(text.length());
        int copied = 0;
        while (matcher.find()) {
            result.append(text, copied, prefixEnd(matcher)).append("***");
            copied = matcher.end();
        }
        return result.append(text, copied, text.length()).toString();
    }

    /**
     * The text with every secret masked, and every occurrence of {@code knownSecret} (the API key
     * of the call, whatever its format) replaced by {@code ***}.
     */
    public static String redact(String text, String knownSecret) {
        String masked = redact(text);
        return knownSecret.length() >= 8 ? masked.replace(knownSecret, "***") : masked;
    }

    /**
     * A cheap look for what every secret has: {@code k-} or {@code k_} (any case), the word
     * authorization, {@code api-key} (any case) or a JSON Web Token's {@code eyJ}.
     */
    private static boolean mayHoldSecret(String text) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '-' || c == '_') && (text.charAt(i - 1) | 0x20) == 'k') {
                return true;
            }
        }
        return text.contains("eyJ") || indexOfIgnoreCase(text, "authorization") >= 0
                || indexOfIgnoreCase(text, "api-key") >= 0;
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
