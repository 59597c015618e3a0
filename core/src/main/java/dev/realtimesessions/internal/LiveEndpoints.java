package dev.realtimesessions.internal;

import dev.realtimesessions.model.LiveSession;
import dev.realtimesessions.model.LiveSessionCreateRequest;

/**
 * The GPT-Live endpoints (an alpha API), as data: {@code POST /live/sessions} and the session
 * controls under {@code /live/sessions/{session_id}/}. Shapes and paths from the spec OpenAI's Node
 * SDK is generated from ({@code openai/openai-node} {@code api_reference/openapi.transformed.yml}).
 *
 * <p>Which failures each may retry ({@link RetrySafety}) follows from what a second copy of the
 * request would do, as for the Realtime calls:
 * <ul>
 *   <li>{@link #CREATE}, {@link #FORK}, {@link #ACCEPT} and {@link #REFER} retry only failures that
 *       prove the request was not processed ({@link RetrySafety#UNPROCESSED_ONLY}): creating and
 *       forking start a new, billed session; a second accept could start a second session on the
 *       line (OpenAI does not document what it does); a second refer a second transfer;</li>
 *   <li>{@link #REJECT} and {@link #HANGUP} retry every retryable failure
 *       ({@link RetrySafety#IDEMPOTENT}): ending a call that has ended changes nothing.</li>
 * </ul>
 */
public final class LiveEndpoints {

    /** {@code POST /live/sessions}: JSON offer in, 201 JSON answer out; never sent twice. */
    public static final Endpoint<LiveSessionCreateRequest, LiveSession> CREATE = new Endpoint<>(
            PathTemplate.fixed("/live/sessions"), RequestBody.json(LiveSessionJson::writeCreate),
            ResponseBody.json(LiveSessionJson::readSession), RetrySafety.UNPROCESSED_ONLY);

    /** {@code POST /live/sessions/{session_id}/accept}: 200 without a body; never sent twice. */
    public static final Endpoint<LiveControls.Accept, ?> ACCEPT = new Endpoint<>(
            PathTemplate.of("/live/sessions/{session_id}/accept", LiveControls.Accept::sessionId),
            RequestBody.json(LiveSessionJson::writeAccept), ResponseBody.none(), RetrySafety.UNPROCESSED_ONLY);

    /** {@code POST /live/sessions/{session_id}/reject}: 200 without a body. */
    public static final Endpoint<LiveControls.Reject, ?> REJECT = new Endpoint<>(
            PathTemplate.of("/live/sessions/{session_id}/reject", LiveControls.Reject::sessionId),
            RequestBody.json(LiveSessionJson::writeReject), ResponseBody.none(), RetrySafety.IDEMPOTENT);

    /** {@code POST /live/sessions/{session_id}/refer}: 200 without a body; never sent twice. */
    public static final Endpoint<LiveControls.Refer, ?> REFER = new Endpoint<>(
            PathTemplate.of("/live/sessions/{session_id}/refer", LiveControls.Refer::sessionId),
            RequestBody.json(LiveSessionJson::writeRefer), ResponseBody.none(), RetrySafety.UNPROCESSED_ONLY);

    /** {@code POST /live/sessions/{session_id}/hangup}, without a body: 200 without a body. */
    public static final Endpoint<String, ?> HANGUP = new Endpoint<>(
            PathTemplate.of("/live/sessions/{session_id}/hangup", (String sessionId) -> sessionId), RequestBody.none(),
            ResponseBody.none(), RetrySafety.IDEMPOTENT);

    /** {@code POST /live/sessions/{session_id}/fork}: a new session, 201 like create; never sent twice. */
    public static final Endpoint<LiveControls.Fork, LiveSession> FORK = new Endpoint<>(
            PathTemplate.of("/live/sessions/{session_id}/fork", LiveControls.Fork::sessionId),
            RequestBody.json(LiveSessionJson::writeFork), ResponseBody.json(LiveSessionJson::readSession),
            RetrySafety.UNPROCESSED_ONLY);

    private LiveEndpoints() {
    }
}
