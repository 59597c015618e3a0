package dev.realtimesessions.internal;

import dev.realtimesessions.ValidationException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The rules for what the call controls send, each naming its wire field: a call id, a SIP status
 * for a reject, a target for a refer. Checked before anything is sent.
 */
public final class CallArguments {

    /** The lowest SIP status a reject sends: the first client-error status, 400 Bad Request. */
    public static final int MIN_REJECT_STATUS = 400;
    /** The highest SIP status a reject sends: the last global-failure status. */
    public static final int MAX_REJECT_STATUS = 699;

    private CallArguments() {
    }

    /**
     * A call id as OpenAI writes them ({@code rtc_u1_9c65...}): letters, digits, {@code _} and
     * {@code -} only, so that no id can change the path it is put in.
     *
     * @throws ValidationException naming {@code call_id} otherwise
     */
    public static String callId(@Nullable String callId) {
        if (callId == null || callId.isEmpty()) {
            throw new ValidationException("call_id", "must be a call id such as rtc_..., but was "
                    + (callId == null ? "null" : "empty"));
        }
        if (!isCallId(callId)) {
            throw new ValidationException("call_id", "must hold only letters, digits, _ and -, as OpenAI's call ids"
                    + " do, but was \"" + printable(callId) + "\"");
        }
        return callId;
    }

    /** Whether {@code text} has the shape of a call id: one or more of {@code [A-Za-z0-9_-]}. */
    static boolean isCallId(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A SIP status for a reject: a final answer that refuses the call, {@value #MIN_REJECT_STATUS}
     * to {@value #MAX_REJECT_STATUS}. A 3xx redirect needs a {@code Contact} the reject cannot
     * carry (a refer sends the caller elsewhere), and 1xx and 2xx do not refuse.
     *
     * @throws ValidationException naming {@code status_code} otherwise
     */
    public static int sipStatus(int status) {
        if (status < MIN_REJECT_STATUS || status > MAX_REJECT_STATUS) {
            throw new ValidationException("status_code", "must be a SIP status that refuses the call, "
                    + MIN_REJECT_STATUS + " to " + MAX_REJECT_STATUS + " (486 Busy Here, 603 Decline, ...), but was "
                    + status + (status >= 300 && status < 400 ? "; to send the caller elsewhere, refer the call" : ""));
        }
        return status;
    }

    /**
     * A refer target: a {@code tel:} URI ({@code tel:+14155550123}) or a {@code sip:} or
     * {@code sips:} URI ({@code sip:agent@example.com}), scheme in any case, with something after the
     * scheme and nothing that cannot stand in a SIP {@code Refer-To} header: no whitespace, control
     * characters, {@code <}, {@code >} or {@code "}. A {@code tel:} number starts with {@code +}, a
     * digit, {@code *} or {@code #}.
     *
     * @throws ValidationException naming {@code target_uri} otherwise
     */
    public static String targetUri(@Nullable String targetUri) {
        if (targetUri == null) {
            throw new ValidationException("target_uri", "must be a tel: or sip: URI, but was null");
        }
        int colon = targetUri.indexOf(':');
        String scheme = colon < 0 ? "" : targetUri.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? "" : targetUri.substring(colon + 1);
        if (!(scheme.equals("tel") || scheme.equals("sip") || scheme.equals("sips")) || rest.isEmpty()) {
            throw new ValidationException("target_uri", "must be a tel: or sip: URI such as tel:+14155550123 or"
                    + " sip:agent@example.com, but was \"" + printable(targetUri) + "\"");
        }
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '<' || c == '>' || c == '"') {
                throw new ValidationException("target_uri", "must not hold whitespace, control characters, <, > or \""
                        + " (it becomes a SIP Refer-To header), but was \"" + printable(targetUri) + "\"");
            }
        }
        char first = rest.charAt(0);
        boolean number = first == '+' || first == '*' || first == '#' || Character.digit(first, 16) >= 0;
        if (scheme.equals("tel") && !number) {
            throw new ValidationException("target_uri", "must be a telephone number after tel:, such as"
                    + " tel:+14155550123, but was \"" + printable(targetUri) + "\"");
        }
        return targetUri;
    }

    /** The text with control characters shown as {@code ?} and cut to 100 characters, for a message. */
    private static String printable(String text) {
        StringBuilder shown = new StringBuilder(Math.min(text.length(), 100) + 3);
        for (int i = 0; i < text.length() && i < 100; i++) {
            char c = text.charAt(i);
            shown.append(Character.isISOControl(c) ? '?' : c);
        }
        return text.length() > 100 ? shown.append("...").toString() : shown.toString();
    }
}
