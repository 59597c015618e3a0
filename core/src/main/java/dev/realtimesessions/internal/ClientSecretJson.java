package dev.realtimesessions.internal;

import dev.realtimesessions.model.ClientSecret;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.SessionConfig;
import dev.realtimesessions.model.SessionDetails;
import dev.realtimesessions.model.TranscriptionSessionConfig;
import dev.realtimesessions.model.UnknownSessionDetails;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON of the GA {@code POST /realtime/client_secrets} request and response; the session inside
 * is told apart by its {@code type}.
 */
final class ClientSecretJson {

    private static final WireConstants<String> SESSION_TYPES = WireConstants.strings("realtime", "transcription");

    private ClientSecretJson() {
    }

    static void writeRequest(JsonOut out, ClientSecretCreateRequest request) {
        out.startObject();
        out.field("expires_after", request.expiresAfter(), CommonJson::writeExpiresAfter);
        out.field("session", request.session(), ClientSecretJson::writeSession);
        out.endObject();
    }

    private static void writeSession(JsonOut out, SessionConfig session) {
        if (session instanceof RealtimeSessionConfig realtime) {
            GaRealtimeSessionJson.writeConfig(out, realtime);
        } else if (session instanceof TranscriptionSessionConfig transcription) {
            GaTranscriptionSessionJson.writeConfig(out, transcription);
        }
    }

    /** Reads {@code {"value", "expires_at", "session"}}; all three are required. */
    static ClientSecretCreateResponse readResponse(JsonIn in) {
        String value = null;
        Long expiresAt = null;
        SessionDetails session = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "value" -> value = in.string();
                case "expires_at" -> expiresAt = in.longInteger();
                case "session" -> {
                    if (in.isNull()) {
                        throw new JsonShapeException("the response's session is null");
                    }
                    in.expectObject("session");
                    session = readSession(in);
                }
                default -> in.skip();
            }
        }
        ClientSecret secret = CommonJson.clientSecret(value, expiresAt, "");
        if (session == null) {
            throw new JsonShapeException("the response has no session");
        }
        return new ClientSecretCreateResponse(secret.value(), secret.expiresAt(), session);
    }

    /**
     * Reads a session object, positioned on its start. When {@code type} is its first field (as the
     * server writes it) one streaming pass reads it; otherwise the object is read whole and read
     * again with {@code type} first.
     */
    private static SessionDetails readSession(JsonIn in) {
        String first = in.nextField();
        if ("type".equals(first)) {
            return readTyped(in, CommonJson.requireString(in, SESSION_TYPES, "session.type"));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name = first; name != null; name = in.nextField()) {
            fields.put(name, in.any());
        }
        Object type = fields.remove("type");
        if (!(type instanceof String)) {
            return new UnknownSessionDetails("", fields);
        }
        Map<String, Object> typeFirst = new LinkedHashMap<>();
        typeFirst.put("type", type);
        typeFirst.putAll(fields);
        byte[] json = Json.writeBytes(typeFirst, JsonOut::anyValue);
        return Json.read(json, json.length, "the response's session", ClientSecretJson::readSession);
    }

    private static SessionDetails readTyped(JsonIn in, String type) {
        switch (type) {
            case "realtime" -> {
                return GaRealtimeSessionJson.readDetails(in);
            }
            case "transcription" -> {
                return GaTranscriptionSessionJson.readDetails(in);
            }
            default -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                for (String name = in.nextField(); name != null; name = in.nextField()) {
                    fields.put(name, in.any());
                }
                return new UnknownSessionDetails(type, fields);
            }
        }
    }
}
