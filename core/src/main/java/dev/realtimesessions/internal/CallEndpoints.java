package dev.realtimesessions.internal;

import dev.realtimesessions.model.RealtimeCall;
import dev.realtimesessions.model.RealtimeCallRequest;
import dev.realtimesessions.model.RealtimeSessionConfig;
import org.jspecify.annotations.Nullable;

/**
 * The Realtime calls API as endpoints: {@code POST /realtime/calls} (the SDP exchange) and the
 * controls of a call, {@code accept}, {@code reject}, {@code refer} and {@code hangup}. Metrics and
 * messages name each by its path template ({@code /realtime/calls/{call_id}/hangup}), never by a
 * call's id.
 *
 * <p>What each may retry follows from what a second copy of the request would do:
 * <ul>
 *   <li>{@link #CREATE}, {@link #ACCEPT} and {@link #REFER} retry only failures that prove the
 *       request was not processed ({@link RetrySafety#UNPROCESSED_ONLY}): a second offer could start
 *       a second billed call, a second accept a second session on the line (OpenAI does not document
 *       what it does), a second refer a second transfer to the target;</li>
 *   <li>{@link #REJECT} and {@link #HANGUP} retry every retryable failure ({@link RetrySafety#IDEMPOTENT}):
 *       ending a call that has ended changes nothing.</li>
 * </ul>
 */
public final class CallEndpoints {

    /**
     * {@code POST /realtime/calls}: the offer as {@code multipart/form-data}; the answer as SDP, with
     * the call id in {@code Location}.
     */
    public static final Endpoint<RealtimeCallRequest, RealtimeCall> CREATE = new Endpoint<>(
            PathTemplate.fixed("/realtime/calls"),
            MultipartFormBody.<RealtimeCallRequest>builder()
                    .text("sdp", "application/sdp", RealtimeCallRequest::sdp)
                    .json("session", RealtimeCallRequest::session, GaRealtimeSessionJson::writeConfig)
                    .build(),
            ResponseBody.sdpAnswer(CallEndpoints::call), RetrySafety.UNPROCESSED_ONLY);

    /** {@code POST /realtime/calls/{call_id}/accept}: the session, flat, as the body. */
    public static final Endpoint<Accept, ResponseBody.NoContent> ACCEPT = new Endpoint<>(
            PathTemplate.of("/realtime/calls/{call_id}/accept", Accept::callId),
            RequestBody.json((out, accept) -> GaRealtimeSessionJson.writeConfig(out, accept.session())),
            ResponseBody.none(), RetrySafety.UNPROCESSED_ONLY);

    /** {@code POST /realtime/calls/{call_id}/reject}: {@code {"status_code": ...}}, or {@code {}} for 603. */
    public static final Endpoint<Reject, ResponseBody.NoContent> REJECT = new Endpoint<>(
            PathTemplate.of("/realtime/calls/{call_id}/reject", Reject::callId),
            RequestBody.json((out, reject) -> {
                out.startObject();
                out.integer("status_code", reject.sipStatus());
                out.endObject();
            }),
            ResponseBody.none(), RetrySafety.IDEMPOTENT);

    /** {@code POST /realtime/calls/{call_id}/refer}: {@code {"target_uri": ...}}. */
    public static final Endpoint<Refer, ResponseBody.NoContent> REFER = new Endpoint<>(
            PathTemplate.of("/realtime/calls/{call_id}/refer", Refer::callId),
            RequestBody.json((out, refer) -> {
                out.startObject();
                out.string("target_uri", refer.targetUri());
                out.endObject();
            }),
            ResponseBody.none(), RetrySafety.UNPROCESSED_ONLY);

    /** {@code POST /realtime/calls/{call_id}/hangup}: no body. */
    public static final Endpoint<Hangup, ResponseBody.NoContent> HANGUP = new Endpoint<>(
            PathTemplate.of("/realtime/calls/{call_id}/hangup", Hangup::callId), RequestBody.none(),
            ResponseBody.none(), RetrySafety.IDEMPOTENT);

    private CallEndpoints() {
    }

    /**
     * The created call, once its id is one the controls can use: an id that is not (a
     * {@code Location} that changed shape) would leave the caller unable to hang the call up.
     */
    private static RealtimeCall call(String sdp, String callId) {
        if (!CallArguments.isCallId(callId)) {
            throw new ResponseShapeException("the Location header's last segment is not a call id"
                    + " (letters, digits, _ and -); the call cannot be controlled without one");
        }
        return new RealtimeCall(callId, sdp);
    }

    /**
     * An accept: the call and the session that answers it.
     *
     * @param callId a checked call id
     * @param session the session, sent flat
     */
    public record Accept(String callId, RealtimeSessionConfig session) {
    }

    /**
     * A reject.
     *
     * @param callId a checked call id
     * @param sipStatus the SIP status, or null to leave the server's default (603 Decline)
     */
    public record Reject(String callId, @Nullable Integer sipStatus) {
    }

    /**
     * A refer.
     *
     * @param callId a checked call id
     * @param targetUri a checked {@code tel:} or {@code sip:} URI
     */
    public record Refer(String callId, String targetUri) {
    }

    /**
     * A hangup.
     *
     * @param callId a checked call id
     */
    public record Hangup(String callId) {
    }
}
