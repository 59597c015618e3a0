package dev.realtimesessions.internal;

import dev.realtimesessions.model.ClientSecret;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.SessionConfig;
import dev.realtimesessions.model.SessionDetails;
import dev.realtimesessions.model.TranscriptionSessionConfig;
import dev.realtimesessions.model.UnknownSessionDetails;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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

    /**
     * Reads {@code {"value", "expires_at", "session"}}. The secret's value and expiry are required;
     * a session that is missing or not an object reads as an {@link UnknownSessionDetails} without
     * a type, since the caller can use the secret without it (one that is not an object is kept
     * with the answer's other unknown fields).
     */
    static ClientSecretCreateResponse readResponse(JsonIn in) {
        String value = null;
        Instant expiresAt = null;
        SessionDetails session = null;
        Map<String, Object> unknown = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "value" -> value = in.string();
                case "expires_at" -> expiresAt = CommonJson.readExpiry(in);
                case "session" -> {
                    if (in.isObject()) {
                        session = readSession(in);
                    } else {
                        unknown = put(unknown, name, in.any());
                    }
                }
                default -> unknown = put(unknown, name, in.any());
            }
        }
        ClientSecret secret = CommonJson.clientSecret(value, expiresAt, "");
        return new ClientSecretCreateResponse(secret.value(), secret.expiresAt(),
                session != null ? session : new UnknownSessionDetails("", Map.of()), unknown);
    }

    private static Map<String, Object> put(@Nullable Map<String, Object> fields, String name, @Nullable Object value) {
        Map<String, Object> map = fields == null ? new LinkedHashMap<>() : fields;
        map.put(name, value);
        return map;
    }

    /**
     * Reads a session object, positioned on its start. When {@code type} is its first field and a
     * string (as the server writes it) one streaming pass reads it; otherwise the object is read
     * whole and, when its {@code type} is a string, read again with {@code type} first.
     */
    private static SessionDetails readSession(JsonIn in) {
        String first = in.nextField();
        if ("type".equals(first) && in.isString()) {
            return readTyped(in, in.string(SESSION_TYPES));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name = first; name != null; name = in.nextField()) {
            fields.put(name, in.any());
        }
        Object type = fields.remove("type");
        if (!(type instanceof String)) {
            if (type != null) {
                fields.put("type", type);
            }
            return new UnknownSessionDetails("", fields);
        }
        Map<String, Object> typeFirst = new LinkedHashMap<>();
        typeFirst.put("type", type);
        typeFirst.putAll(fields);
        byte[] json = Json.writeBytes(typeFirst, JsonOut::anyValue);
        return Json.read(json, json.length, "the response's session", ClientSecretJson::readSession);
    }

    /** Reads the fields after {@code type}, keeping what no typed component holds in the session's additional properties. */
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
