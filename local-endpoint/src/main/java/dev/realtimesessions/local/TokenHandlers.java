package dev.realtimesessions.local;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The token endpoints: the beta {@code /realtime/sessions} and {@code /realtime/transcription_sessions},
 * the GA {@code /realtime/client_secrets} and {@code /realtime/translations/client_secrets}. Each
 * echoes the session with an id and mints a fresh {@code ek_local_...} secret with a real expiry,
 * which {@link MintedSecrets} then accepts as a bearer for {@code POST /realtime/calls}.
 */
final class TokenHandlers {

    private final Clock clock;
    private final RequestSchemas schemas;
    private final JsonBodies bodies;
    private final MintedSecrets minted;

    TokenHandlers(Clock clock, RequestSchemas schemas, JsonBodies bodies, MintedSecrets minted) {
        this.clock = clock;
        this.schemas = schemas;
        this.bodies = bodies;
        this.minted = minted;
    }

    Reply session(Exchange exchange) {
        return withBody(exchange, schemas.session, request -> {
            if (!request.path("model").isString() || request.path("model").asString().isBlank()) {
                return Reply.invalid("missing_required_parameter", "model", "Missing required parameter: 'model'.");
            }
            return betaSession(request, "realtime.session", "expires_after");
        });
    }

    Reply transcriptionSession(Exchange exchange) {
        return withBody(exchange, schemas.transcriptionSession,
                request -> betaSession(request, "realtime.transcription_session", "expires_at"));
    }

    Reply clientSecret(Exchange exchange) {
        return withBody(exchange, schemas.clientSecret, request -> {
            long lifetime = lifetime(request.path("expires_after"), 600);
            if (lifetime < 0) {
                return lifetimeError("expires_after.seconds");
            }
            JsonNode requested = request.path("session");
            String type = requested.path("type").asString("");
            if (!type.equals("realtime") && !type.equals("transcription")) {
                return Reply.invalid("invalid_value", "session.type",
                        "Invalid value for 'session.type': expected 'realtime' or 'transcription'.");
            }
            if (type.equals("realtime") && requested.has("model") && requested.path("model").asString("").isBlank()) {
                return Reply.invalid("invalid_value", "session.model", "Invalid value for 'session.model'.");
            }
            ObjectNode session = ((ObjectNode) requested).deepCopy();
            session.put("object", type.equals("realtime") ? "realtime.session" : "realtime.transcription_session");
            session.put("id", "sess_local_" + Ids.hex(10));
            session.put("expires_at", 0);
            return Reply.json(200, secretAnswer(lifetime, true, session));
        });
    }

    /** Shape from OpenAI's SDK sources, cited in {@code translation-client-secrets.yaml}. */
    Reply translationClientSecret(Exchange exchange) {
        return withBody(exchange, schemas.translationClientSecret, request -> {
            long lifetime = lifetime(request.path("expires_after"), 600);
            if (lifetime < 0) {
                return lifetimeError("expires_after.seconds");
            }
            ObjectNode session = Reply.JSON.createObjectNode();
            session.put("id", "sess_local_" + Ids.hex(10));
            session.put("type", "translation");
            session.set("model", request.path("session").path("model"));
            JsonNode audio = request.path("session").path("audio");
            session.set("audio", audio.isObject() ? audio.deepCopy() : Reply.JSON.createObjectNode());
            session.put("expires_at", clock.instant().getEpochSecond() + lifetime);
            return Reply.json(200, secretAnswer(lifetime, false, session));
        });
    }

    /** Parses the JSON body, checks it against {@code schema}, and hands the object to {@code answer}. */
    private Reply withBody(Exchange exchange, JsonNode schema, Function<ObjectNode, Reply> answer) {
        JsonBodies.Checked body = bodies.check(exchange.text(), schema, "");
        return body.json() == null ? Objects.requireNonNull(body.refusal()) : answer.apply(body.json());
    }

    /** The beta answer: the request echoed with an id, its object type and a fresh secret. */
    private Reply betaSession(ObjectNode request, String object, String lifetimeField) {
        long lifetime = lifetime(request.path("client_secret").path(lifetimeField), 60);
        if (lifetime < 0) {
            return lifetimeError("client_secret." + lifetimeField + ".seconds");
        }
        ObjectNode session = request.deepCopy();
        session.remove("client_secret");
        session.put("id", "sess_local_" + Ids.hex(10));
        session.put("object", object);
        ObjectNode secret = Reply.JSON.createObjectNode();
        secret.put("value", "ek_local_" + Ids.hex(16));
        secret.put("expires_at", clock.instant().getEpochSecond() + lifetime);
        session.set("client_secret", secret);
        return Reply.json(200, session);
    }

    /** {@code {value, expires_at, session}}, the secret remembered for calls when {@code callable}. */
    private ObjectNode secretAnswer(long lifetime, boolean callable, ObjectNode session) {
        Instant now = clock.instant();
        String value = "ek_local_" + Ids.hex(16);
        Instant expiresAt = now.plusSeconds(lifetime);
        minted.add(value, new MintedSecrets.Minted(expiresAt, callable, Reply.JSON.writeValueAsString(session)), now);
        ObjectNode answer = Reply.JSON.createObjectNode();
        answer.put("value", value);
        answer.put("expires_at", expiresAt.getEpochSecond());
        answer.set("session", session);
        return answer;
    }

    /** The requested lifetime in seconds, the default when absent, or -1 when outside 10..7200. */
    private static long lifetime(JsonNode expiresAfter, long defaultSeconds) {
        if (expiresAfter.isMissingNode() || expiresAfter.isNull() || !expiresAfter.has("seconds")) {
            return defaultSeconds;
        }
        long seconds = expiresAfter.path("seconds").asLong(-1);
        return seconds >= 10 && seconds <= 7200 ? seconds : -1;
    }

    private static Reply lifetimeError(String param) {
        return Reply.invalid("integer_out_of_range", param, "Invalid '" + param + "': must be between 10 and 7200.");
    }
}
