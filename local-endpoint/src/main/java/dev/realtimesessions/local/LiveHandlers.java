package dev.realtimesessions.local;

import dev.realtimesessions.local.CallTable.Decision;
import dev.realtimesessions.local.LocalCall.Api;
import dev.realtimesessions.local.LocalControl.Operation;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * GPT-Live: {@code POST /live/sessions} and its controls {@code /live/sessions/{session_id}/accept},
 * {@code /reject}, {@code /refer}, {@code /hangup} and {@code /fork} (spec notes, section D). Bodies
 * are checked against the published Live schemas, whose twelve unextracted sub-schemas are filled
 * from {@code live-placeholders.yaml}.
 */
final class LiveHandlers {

    private final RequestSchemas schemas;
    private final JsonBodies bodies;
    private final CallTable table;

    LiveHandlers(RequestSchemas schemas, JsonBodies bodies, CallTable table) {
        this.schemas = schemas;
        this.bodies = bodies;
        this.table = table;
    }

    /** {@code {session, transport: {type: "webrtc", sdp}}}, answered 201 with {@code {session: {id}, transport}}. */
    Reply create(Exchange exchange) {
        if (!exchange.hasKey()) {
            return CallRules.unauthorized();
        }
        JsonBodies.Checked body = bodies.check(exchange.text(), schemas.liveCreate, "");
        if (body.json() == null) {
            return Objects.requireNonNull(body.refusal());
        }
        return webrtcSession(exchange, body.json(), body.json().path("session").toString(), null);
    }

    /** {@code POST /live/sessions/{session_id}/{operation}}. */
    Reply control(Exchange exchange, String sessionId, Operation operation) {
        if (!exchange.hasKey()) {
            return CallRules.unauthorized();
        }
        if (operation == Operation.FORK) {
            return fork(exchange, sessionId);
        }
        Reply reply = table.control(sessionId, Api.LIVE, operation, exchange.textOrNull(), exchange.receivedAt(),
                session -> decide(session, operation, exchange.text()));
        return reply != null ? reply : Reply.notFound("session_id", sessionId, "Live session");
    }

    private Decision decide(LocalCall session, Operation operation, String body) {
        switch (operation) {
            case ACCEPT -> {
                JsonBodies.Checked accept = bodies.check(body, schemas.liveAccept, "");
                if (accept.json() == null) {
                    return Decision.keep(Objects.requireNonNull(accept.refusal()));
                }
                return CallRules.ringing(session)
                        ? new Decision(Reply.empty(200), CallTable.accepted(session, accept.json().path("session").toString()))
                        : CallRules.wrongState(session, "only a ringing SIP session can be accepted");
            }
            case REJECT -> {
                JsonBodies.Checked reject = bodies.check(body, schemas.liveReject, "");
                if (reject.json() == null) {
                    return Decision.keep(Objects.requireNonNull(reject.refusal()));
                }
                return CallRules.ringing(session)
                        ? new Decision(Reply.empty(200),
                                CallTable.rejected(session, reject.json().path("status_code").asInt()))
                        : CallRules.wrongState(session, "only a ringing SIP session can be rejected");
            }
            case REFER -> {
                JsonBodies.Checked refer = bodies.check(body, schemas.liveRefer, "");
                if (refer.json() == null) {
                    return Decision.keep(Objects.requireNonNull(refer.refusal()));
                }
                String target = refer.json().path("target_uri").asString();
                Reply problem = CallRules.referTargetProblem(target);
                return problem != null ? Decision.keep(problem) : CallRules.refer(session, target);
            }
            case HANGUP -> {
                return CallRules.hangup(session);
            }
            default -> throw new IllegalArgumentException("Live sessions have no " + operation + " here");
        }
    }

    /**
     * Forks a stored session (created or accepted with {@code store: true}) onto a new WebRTC
     * connection: a new session whose configuration is the stored one with the request's
     * {@code session} overrides, answered 201 like create. The fork is recorded on the stored session.
     */
    private Reply fork(Exchange exchange, String sessionId) {
        Reply reply = table.control(sessionId, Api.LIVE, Operation.FORK, exchange.textOrNull(), exchange.receivedAt(),
                stored -> {
                    JsonBodies.Checked body = bodies.check(exchange.text(), schemas.liveFork, "");
                    if (body.json() == null) {
                        return Decision.keep(Objects.requireNonNull(body.refusal()));
                    }
                    ObjectNode configuration = configuration(stored);
                    if (!configuration.path("store").asBoolean(false)) {
                        return Decision.keep(Reply.error(409, "invalid_request_error", "session_not_stored", null,
                                "The Live session '" + sessionId + "' was not stored (store: true), so it cannot"
                                        + " be forked."));
                    }
                    body.json().path("session").properties().forEach(e -> configuration.set(e.getKey(), e.getValue()));
                    return Decision.keep(webrtcSession(exchange, body.json(), configuration.toString(), sessionId));
                });
        return reply != null ? reply : Reply.notFound("session_id", sessionId, "Live session");
    }

    /** The stored session's configuration: what it was accepted with, else what it was created with. */
    private static ObjectNode configuration(LocalCall session) {
        String json = session.acceptedSession() != null ? session.acceptedSession() : session.session();
        JsonNode configuration = json == null ? null : Reply.JSON.readTree(json);
        return configuration instanceof ObjectNode object ? object : Reply.JSON.createObjectNode();
    }

    /** Answers {@code transport.sdp}, adds the new session and answers 201 (or 400 for a bad offer). */
    private Reply webrtcSession(Exchange exchange, ObjectNode body, String session, @Nullable String forkedFrom) {
        String offer = body.path("transport").path("sdp").asString();
        String answer;
        try {
            answer = CallRules.answer(offer);
        } catch (SdpOffer.InvalidSdpException e) {
            return CallRules.invalidOffer("transport.sdp", e);
        }
        String id = "live_local_" + Ids.hex(16);
        table.add(CallTable.created(id, Api.LIVE, LocalCall.Transport.WEBRTC, exchange.receivedAt(), offer, answer,
                session, forkedFrom));
        ObjectNode created = Reply.JSON.createObjectNode();
        created.putObject("session").put("id", id);
        created.putObject("transport").put("type", "webrtc").put("sdp", answer);
        return Reply.json(201, created);
    }
}
