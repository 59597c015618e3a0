package dev.realtimesessions.local;

import dev.realtimesessions.local.CallTable.Decision;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the Realtime call controls and the GPT-Live session controls share: which state each
 * control needs, what hangup does, how a refer target and an SDP offer are checked.
 */
final class CallRules {

    private CallRules() {
    }

    /** A control on a call that is not in the state it needs: 409, code {@code invalid_call_state}. */
    static Decision wrongState(LocalCall call, String needed) {
        return Decision.keep(Reply.error(409, "invalid_request_error", "invalid_call_state", null,
                "The call '" + call.id() + "' is " + call.state().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + "; " + needed + "."));
    }

    /** Accepting and rejecting need a ringing SIP call. */
    static boolean ringing(LocalCall call) {
        return call.state() == LocalCall.State.RINGING;
    }

    /** Hangup ends any call and is idempotent: a call already over stays as it is, and the answer is 200. */
    static Decision hangup(LocalCall call) {
        boolean over = call.state() == LocalCall.State.HUNG_UP || call.state() == LocalCall.State.REJECTED;
        return new Decision(Reply.empty(200), over ? null : CallTable.moved(call, LocalCall.State.HUNG_UP));
    }

    /** Refer needs an accepted SIP call. */
    static Decision refer(LocalCall call, String targetUri) {
        return call.state() == LocalCall.State.ACCEPTED
                ? new Decision(Reply.empty(200), CallTable.referred(call, targetUri))
                : wrongState(call, "only an accepted SIP call can be referred");
    }

    /**
     * The 400 for a refer target that is not a {@code tel:}, {@code sip:} or {@code sips:} URI (the
     * values the spec names for the SIP {@code Refer-To} header), or null when it is one.
     */
    static @Nullable Reply referTargetProblem(String targetUri) {
        String lower = targetUri.toLowerCase(Locale.ROOT);
        boolean uri = (lower.startsWith("tel:") || lower.startsWith("sip:") || lower.startsWith("sips:"))
                && targetUri.indexOf(':') < targetUri.length() - 1 && targetUri.chars().noneMatch(Character::isWhitespace);
        return uri ? null : Reply.invalid("invalid_value", "target_uri", "Invalid value for 'target_uri': expected"
                + " a tel: or sip: URI, such as 'tel:+14155550123' or 'sip:agent@example.com'.");
    }

    /**
     * The SDP answer to {@code offer}.
     *
     * @throws SdpOffer.InvalidSdpException when the offer cannot be answered
     */
    static String answer(@Nullable String offer) {
        return SdpAnswerer.answer(SdpOffer.parse(offer));
    }

    /** The 400 for an offer that cannot be answered, naming the parameter that held it. */
    static Reply invalidOffer(String param, SdpOffer.InvalidSdpException problem) {
        return Reply.invalid("invalid_value", param, "Invalid '" + param + "': " + problem.getMessage());
    }

    /** The 401 for a request without the account's key. */
    static Reply unauthorized() {
        return Reply.error(401, "invalid_request_error", "invalid_api_key", null,
                "Incorrect API key provided. The local endpoint accepts LocalRealtimeEndpoint.API_KEY as"
                        + " 'Authorization: Bearer' under /v1, and LocalRealtimeEndpoint.AZURE_API_KEY as 'api-key'"
                        + " or an accepted Entra ID token as 'Authorization: Bearer' under /openai/v1.");
    }
}
