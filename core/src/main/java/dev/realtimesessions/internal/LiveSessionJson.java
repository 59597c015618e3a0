package dev.realtimesessions.internal;

import dev.realtimesessions.model.LiveDataChannelPermissions;
import dev.realtimesessions.model.LiveDataChannelPermissions.Allowed;
import dev.realtimesessions.model.LiveDelegation;
import dev.realtimesessions.model.LiveForkRequest;
import dev.realtimesessions.model.LiveInputMessage;
import dev.realtimesessions.model.LiveServerEventSelector;
import dev.realtimesessions.model.LiveSession;
import dev.realtimesessions.model.LiveSessionConfig;
import dev.realtimesessions.model.LiveSessionCreateRequest;
import dev.realtimesessions.model.LiveVoice;
import dev.realtimesessions.model.ResponsesReasoning;
import dev.realtimesessions.model.ResponsesTool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * JSON of GPT-Live: the bodies of {@code POST /live/sessions}, {@code .../accept} and
 * {@code .../fork} out ({@code LiveCreateRequest}, {@code LiveCallAcceptRequest},
 * {@code LiveForkRequest}), and their {@code LiveCreateResponse} in.
 */
final class LiveSessionJson {

    private LiveSessionJson() {
    }

    /** {@code {"session": {...}, "transport": {"type": "webrtc", "sdp": ...}}}. */
    static void writeCreate(JsonOut out, LiveSessionCreateRequest request) {
        out.startObject();
        out.field("session", request.session(), (o, session) -> writeSession(o, session, null));
        out.field("transport", request.sdp(), LiveSessionJson::writeTransport);
        out.endObject();
    }

    /** {@code {"session": {"type": "live", ...}}}: the session is wrapped, unlike a Realtime accept. */
    static void writeAccept(JsonOut out, LiveControls.Accept accept) {
        out.startObject();
        out.field("session", accept.session(), (o, session) -> writeSession(o, session, "live"));
        out.endObject();
    }

    /** {@code {"status_code": ...}}. */
    static void writeReject(JsonOut out, LiveControls.Reject reject) {
        out.startObject();
        out.integer("status_code", reject.statusCode());
        out.endObject();
    }

    /** {@code {"target_uri": ...}}. */
    static void writeRefer(JsonOut out, LiveControls.Refer refer) {
        out.startObject();
        out.string("target_uri", refer.targetUri());
        out.endObject();
    }

    /** {@code {"session": {overrides}, "transport": {...}}}; without overrides, no {@code session}. */
    static void writeFork(JsonOut out, LiveControls.Fork fork) {
        LiveForkRequest request = fork.request();
        out.startObject();
        if (request.hasOverrides()) {
            out.field("session", request, LiveSessionJson::writeForkOverrides);
        }
        out.field("transport", request.sdp(), LiveSessionJson::writeTransport);
        out.endObject();
    }

    private static void writeForkOverrides(JsonOut out, LiveForkRequest request) {
        out.startObject();
        out.bool("store", request.store());
        out.field("delegation", request.delegation(), LiveSessionJson::writeDelegation);
        out.field("client", request.dataChannel(), LiveSessionJson::writeClient);
        out.endObject();
    }

    /** The session object; {@code type} is written first when given (accept's {@code "live"}). */
    private static void writeSession(JsonOut out, LiveSessionConfig session, @Nullable String type) {
        out.startObject();
        out.string("type", type);
        out.string("model", session.model());
        out.string("instructions", session.instructions());
        out.field("audio", session.voice(), LiveSessionJson::writeAudio);
        out.field("delegation", session.delegation(), LiveSessionJson::writeDelegation);
        out.bool("store", session.store());
        out.array("input", session.input(), LiveSessionJson::writeMessage);
        out.field("client", session.dataChannel(), LiveSessionJson::writeClient);
        out.endObject();
    }

    private static void writeTransport(JsonOut out, String sdp) {
        out.startObject();
        out.string("type", "webrtc");
        out.string("sdp", sdp);
        out.endObject();
    }

    /** {@code {"output": {"voice": "marin"}}}, or {@code {"output": {"voice": {"id": ...}}}} for a custom voice. */
    private static void writeAudio(JsonOut out, LiveVoice voice) {
        out.startObject();
        out.field("output", voice, (o, v) -> {
            o.startObject();
            o.field("voice", v, LiveSessionJson::writeVoice);
            o.endObject();
        });
        out.endObject();
    }

    private static void writeVoice(JsonOut out, LiveVoice voice) {
        if (voice.isCustom()) {
            out.startObject();
            out.string("id", voice.value());
            out.endObject();
        } else {
            out.stringValue(voice.value());
        }
    }

    private static void writeDelegation(JsonOut out, LiveDelegation delegation) {
        out.startObject();
        out.string("type", delegation.type());
        if (delegation instanceof LiveDelegation.Responses responses) {
            out.field("responses", responses, LiveSessionJson::writeResponses);
        }
        out.endObject();
    }

    private static void writeResponses(JsonOut out, LiveDelegation.Responses responses) {
        out.startObject();
        out.string("model", responses.model());
        out.string("instructions", responses.instructions());
        out.integer("max_output_tokens", responses.maxOutputTokens());
        out.bool("parallel_tool_calls", responses.parallelToolCalls());
        out.field("reasoning", responses.reasoning(), LiveSessionJson::writeReasoning);
        out.string("service_tier", responses.serviceTier());
        out.field("text", responses.verbosity(), (o, verbosity) -> {
            o.startObject();
            o.string("verbosity", verbosity);
            o.endObject();
        });
        out.field("tool_choice", responses.toolChoice(), ToolJson::writeToolChoice);
        out.array("tools", responses.tools(), LiveSessionJson::writeTool);
        out.endObject();
    }

    private static void writeReasoning(JsonOut out, ResponsesReasoning reasoning) {
        out.startObject();
        out.string("effort", reasoning.effort());
        out.string("summary", reasoning.summary());
        out.endObject();
    }

    private static void writeTool(JsonOut out, ResponsesTool tool) {
        out.startObject();
        out.string("type", tool.type());
        if (tool instanceof ResponsesTool.Function function) {
            out.string("name", function.name());
            out.string("description", function.description());
            out.any("parameters", function.parameters());
            out.bool("strict", function.strict());
        } else if (tool instanceof ResponsesTool.Unknown unknown) {
            out.anyFields(unknown.fields());
        }
        out.endObject();
    }

    /** {@code {"type": "message", "role": ..., "content": [{"type": "input_text" | "output_text", "text": ...}]}}. */
    private static void writeMessage(JsonOut out, LiveInputMessage message) {
        out.startObject();
        out.string("type", "message");
        out.string("role", message.role().value());
        out.array("content", List.of(message), (o, m) -> {
            o.startObject();
            o.string("type", m.role().contentType());
            o.string("text", m.text());
            o.endObject();
        });
        out.endObject();
    }

    /** {@code {"data_channel": {"allowed_client_events": ..., "allowed_server_events": ...}}}. */
    private static void writeClient(JsonOut out, LiveDataChannelPermissions permissions) {
        out.startObject();
        out.field("data_channel", permissions, (o, p) -> {
            o.startObject();
            o.any("allowed_client_events", allowed(p.clientEvents(), type -> type));
            o.any("allowed_server_events", allowed(p.serverEvents(), LiveSessionJson::selector));
            o.endObject();
        });
        out.endObject();
    }

    /** {@code "all"}, or the events as a list of plain JSON values; {@code null} (left out) when absent. */
    private static <T> @Nullable Object allowed(@Nullable Allowed<T> allowed,
            Function<T, Object> plain) {
        if (allowed == null) {
            return null;
        }
        if (allowed instanceof Allowed.Only<T> only) {
            List<Object> events = new ArrayList<>(only.events().size());
            for (T event : only.events()) {
                events.add(plain.apply(event));
            }
            return events;
        }
        return "all";
    }

    private static Object selector(LiveServerEventSelector selector) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", selector.type());
        if (selector.responseEvent() != null) {
            fields.put("response_event", selector.responseEvent());
        }
        return fields;
    }

    /**
     * Reads {@code {"session": {"id"}, "transport": {"type", "sdp"}}}. The id and the SDP answer are
     * required; everything else, and any value of an unexpected type, is kept by its path.
     */
    static LiveSession readSession(JsonIn in) {
        String id = null;
        String sdp = null;
        String type = null;
        in.keepFrom();
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "session" -> {
                    if (in.isObject()) {
                        for (String field = in.nextField(); field != null; field = in.nextField()) {
                            if (field.equals("id")) {
                                id = in.string();
                            } else {
                                in.keep();
                            }
                        }
                    } else {
                        in.keep();
                    }
                }
                case "transport" -> {
                    if (in.isObject()) {
                        for (String field = in.nextField(); field != null; field = in.nextField()) {
                            switch (field) {
                                case "type" -> type = in.string();
                                case "sdp" -> sdp = in.string();
                                default -> in.keep();
                            }
                        }
                    } else {
                        in.keep();
                    }
                }
                default -> in.keep();
            }
        }
        Map<String, Object> kept = in.takeKept();
        if (id == null || id.isEmpty()) {
            throw new JsonShapeException("the response has no session.id (a non-empty string)");
        }
        if (sdp == null || sdp.isBlank()) {
            throw new JsonShapeException("the response has no transport.sdp (the SDP answer)");
        }
        return new LiveSession(id, sdp, type, kept);
    }
}
