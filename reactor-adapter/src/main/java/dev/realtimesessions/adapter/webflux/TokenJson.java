package dev.realtimesessions.adapter.webflux;

import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.Modality;
import dev.realtimesessions.model.OpenEnum;
import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.model.RealtimeSessionDetails;
import dev.realtimesessions.model.SessionDetails;
import dev.realtimesessions.model.TranscriptionSessionDetails;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes the endpoint's answers by hand with the core's Jackson 3 streaming generator: the secret,
 * its expiry and a summary of the session, and never anything else (no API key, no upstream body).
 */
final class TokenJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private TokenJson() {
    }

    static byte[] of(ClientSecretCreateResponse response) {
        return write(generator -> {
            generator.writeStartObject();
            generator.writeStringProperty("value", response.value());
            generator.writeNumberProperty("expires_at", response.expiresAt().getEpochSecond());
            generator.writeName("session");
            writeSession(generator, response.session());
            generator.writeEndObject();
        });
    }

    static byte[] of(RealtimeSession session) {
        return write(generator -> {
            generator.writeStartObject();
            generator.writeStringProperty("value", session.clientSecret().value());
            generator.writeNumberProperty("expires_at", session.clientSecret().expiresAt().getEpochSecond());
            generator.writeName("session");
            generator.writeStartObject();
            generator.writeStringProperty("type", "realtime");
            optional(generator, "id", session.id());
            optional(generator, "model", session.model());
            optional(generator, "voice", session.voice());
            modalities(generator, session.modalities());
            generator.writeEndObject();
            generator.writeEndObject();
        });
    }

    static byte[] error(String type, String message) {
        return error(type, null, message);
    }

    static byte[] error(String type, @Nullable String rule, String message) {
        return write(generator -> {
            generator.writeStartObject();
            generator.writeName("error");
            generator.writeStartObject();
            generator.writeStringProperty("type", type);
            if (rule != null) {
                generator.writeStringProperty("rule", rule);
            }
            generator.writeStringProperty("message", message);
            generator.writeEndObject();
            generator.writeEndObject();
        });
    }

    private static void writeSession(JsonGenerator generator, SessionDetails session) {
        generator.writeStartObject();
        generator.writeStringProperty("type", session.type());
        if (session instanceof RealtimeSessionDetails realtime) {
            optional(generator, "id", realtime.id());
            optional(generator, "model", realtime.model());
            if (realtime.audio() != null && realtime.audio().output() != null) {
                optional(generator, "voice", realtime.audio().output().voice());
            }
            modalities(generator, realtime.outputModalities());
            expiresAt(generator, realtime.expiresAt());
        } else if (session instanceof TranscriptionSessionDetails transcription) {
            optional(generator, "id", transcription.id());
            expiresAt(generator, transcription.expiresAt());
        }
        generator.writeEndObject();
    }

    private static void modalities(JsonGenerator generator, @Nullable List<Modality> modalities) {
        if (modalities != null) {
            generator.writeName("output_modalities");
            generator.writeStartArray();
            for (Modality modality : modalities) {
                generator.writeString(modality.value());
            }
            generator.writeEndArray();
        }
    }

    private static void expiresAt(JsonGenerator generator, @Nullable Instant expiresAt) {
        if (expiresAt != null) {
            generator.writeNumberProperty("expires_at", expiresAt.getEpochSecond());
        }
    }

    private static void optional(JsonGenerator generator, String name, @Nullable Object value) {
        if (value != null) {
            generator.writeStringProperty(name, value instanceof OpenEnum open ? open.value() : value.toString());
        }
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), bytes)) {
            writer.write(generator);
        }
        return bytes.toByteArray();
    }

    @FunctionalInterface
    private interface Writer {
        void write(JsonGenerator generator);
    }
}
