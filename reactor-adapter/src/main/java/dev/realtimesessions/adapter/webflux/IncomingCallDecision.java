package dev.realtimesessions.adapter.webflux;

import dev.realtimesessions.ValidationException;
import dev.realtimesessions.model.RealtimeSessionConfig;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What to do with an incoming SIP call: the answer of an {@link IncomingCallHandler}, which the
 * {@link RealtimeWebhookEndpoint} carries out with the call control API. Made by the static
 * factories, each checked when made, so that a decision the control API would refuse fails in the
 * handler, before anything is sent for the call.
 *
 * <pre>{@code
 * IncomingCallDecision.accept(session)              // answer with this session
 * IncomingCallDecision.accept()                     // answer with the endpoint's session
 * IncomingCallDecision.reject(486)                  // 486 Busy Here
 * IncomingCallDecision.refer("tel:+14155550123")    // transfer the caller
 * }</pre>
 */
public sealed interface IncomingCallDecision permits IncomingCallDecision.Accept, IncomingCallDecision.Reject,
        IncomingCallDecision.Refer {

    /** The SIP status of {@link #reject()}: 603 Decline, what OpenAI sends for a reject without a status. */
    int DECLINE = 603;

    /**
     * Answer the call with {@code session} (after the endpoint's guardrails).
     *
     * @param session the session that talks to the caller
     * @return the decision
     * @throws ValidationException if {@code session} is null
     */
    static IncomingCallDecision accept(RealtimeSessionConfig session) {
        if (session == null) {
            throw new ValidationException("session", "must not be null; accept() answers with the endpoint's session");
        }
        return new Accept(session);
    }

    /**
     * Answer the call with the endpoint's session ({@link RealtimeWebhookEndpoint.Builder#session}).
     *
     * @return the decision
     */
    static IncomingCallDecision accept() {
        return new Accept(null);
    }

    /**
     * Refuse the call with {@value #DECLINE} Decline.
     *
     * @return the decision
     */
    static IncomingCallDecision reject() {
        return new Reject(DECLINE);
    }

    /**
     * Refuse the call with a SIP status.
     *
     * @param sipStatus a final status that refuses the call, 400 to 699: 486 Busy Here, 480
     *     Temporarily Unavailable, 603 Decline, ...
     * @return the decision
     * @throws ValidationException naming {@code status_code} if it is outside 400 to 699
     */
    static IncomingCallDecision reject(int sipStatus) {
        return new Reject(sipStatus);
    }

    /**
     * Transfer the caller to {@code targetUri}. OpenAI transfers only an active call (SIP
     * {@code REFER} needs an established dialog), so the endpoint first accepts the call with its
     * session ({@link RealtimeWebhookEndpoint.Builder#session}, under the guardrails), then refers it.
     *
     * @param targetUri a {@code tel:} URI ({@code tel:+14155550123}) or a {@code sip:} or {@code sips:}
     *     URI ({@code sip:agent@example.com}); it becomes the SIP {@code Refer-To}
     * @return the decision
     * @throws ValidationException naming {@code target_uri} if it is not such a URI
     */
    static IncomingCallDecision refer(String targetUri) {
        return new Refer(targetUri);
    }

    /**
     * Answer the call.
     *
     * @param session the session that talks to the caller, or {@code null} for the endpoint's
     */
    record Accept(@Nullable RealtimeSessionConfig session) implements IncomingCallDecision {
    }

    /**
     * Refuse the call.
     *
     * @param sipStatus the SIP status the caller gets, 400 to 699
     */
    record Reject(int sipStatus) implements IncomingCallDecision {

        /**
         * Checks the status.
         *
         * @param sipStatus the SIP status the caller gets
         * @throws ValidationException naming {@code status_code} if it is outside 400 to 699 (a 3xx
         *     redirect needs a {@code Contact} a reject cannot carry: refer the call instead)
         */
        public Reject {
            if (sipStatus < 400 || sipStatus > 699) {
                throw new ValidationException("status_code", "must be a SIP status that refuses the call, 400 to 699"
                        + " (486 Busy Here, 603 Decline, ...), but was " + sipStatus
                        + (sipStatus >= 300 && sipStatus < 400 ? "; to send the caller elsewhere, refer the call" : ""));
            }
        }
    }

    /**
     * Accept the call with the endpoint's session, then transfer it.
     *
     * @param targetUri where to: a {@code tel:}, {@code sip:} or {@code sips:} URI
     */
    record Refer(String targetUri) implements IncomingCallDecision {

        /**
         * Checks the target by the rules of {@code RealtimeSessions.referCall} (docs/calls.md), here,
         * so that a target it would refuse fails before the call is accepted.
         *
         * @param targetUri where to
         * @throws ValidationException naming {@code target_uri} if it is not a {@code tel:} URI with a
         *     number, or a {@code sip:} or {@code sips:} URI, without whitespace, control characters,
         *     {@code <}, {@code >} or {@code "}
         */
        public Refer {
            if (targetUri == null) {
                throw new ValidationException("target_uri", "must be a tel: or sip: URI, but was null");
            }
            int colon = targetUri.indexOf(':');
            String scheme = colon < 0 ? "" : targetUri.substring(0, colon).toLowerCase(Locale.ROOT);
            String rest = targetUri.substring(colon + 1);
            if (!(scheme.equals("tel") || scheme.equals("sip") || scheme.equals("sips")) || rest.isEmpty()
                    || rest.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f || c == '<' || c == '>' || c == '"')
                    || scheme.equals("tel") && "+*#0123456789abcdefABCDEF".indexOf(rest.charAt(0)) < 0) {
                String shown = targetUri.length() > 100 ? targetUri.substring(0, 100) + "..." : targetUri;
                throw new ValidationException("target_uri", "must be a tel: URI with a number (tel:+14155550123) or a"
                        + " sip: or sips: URI (sip:agent@example.com), without whitespace, control characters, <, >"
                        + " or \", but was \"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"");
            }
        }
    }
}
