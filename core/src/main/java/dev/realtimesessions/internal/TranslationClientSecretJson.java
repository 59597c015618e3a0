package dev.realtimesessions.internal;

import dev.realtimesessions.model.ClientSecret;
import dev.realtimesessions.model.NoiseReduction;
import dev.realtimesessions.model.TranscriptionModel;
import dev.realtimesessions.model.TranslationClientSecretCreateRequest;
import dev.realtimesessions.model.TranslationClientSecretCreateResponse;
import dev.realtimesessions.model.TranslationModel;
import dev.realtimesessions.model.TranslationSessionConfig;
import dev.realtimesessions.model.TranslationSessionDetails;
import dev.realtimesessions.model.Tristate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON of {@code POST /realtime/translations/client_secrets}: {@code {expires_after, session: {model,
 * audio: {input: {noise_reduction, transcription}, output: {language}}}}} out, {@code {value,
 * expires_at, session}} in. Shapes from OpenAI's Python SDK ({@code openai/openai-python}
 * {@code src/openai/types/realtime/}: {@code translations/client_secret_create_params.py},
 * {@code realtime_translation_session_create_request_param.py},
 * {@code realtime_translation_client_secret_create_response.py}, {@code realtime_translation_session.py}).
 */
final class TranslationClientSecretJson {

    private static final WireConstants<TranslationModel> MODELS =
            WireConstants.openEnum(TranslationModel.knownValues(), TranslationModel::of);

    private TranslationClientSecretJson() {
    }

    static void writeRequest(JsonOut out, TranslationClientSecretCreateRequest request) {
        out.startObject();
        out.field("expires_after", request.expiresAfter(), CommonJson::writeExpiresAfter);
        out.field("session", request.session(), TranslationClientSecretJson::writeSession);
        out.endObject();
    }

    private static void writeSession(JsonOut out, TranslationSessionConfig session) {
        out.startObject();
        out.string("model", session.model());
        boolean input = !session.inputNoiseReduction().isAbsent() || !session.inputTranscription().isAbsent();
        if (input || session.outputLanguage() != null) {
            out.field("audio", session, TranslationClientSecretJson::writeAudio);
        }
        out.endObject();
    }

    private static void writeAudio(JsonOut out, TranslationSessionConfig session) {
        out.startObject();
        if (!session.inputNoiseReduction().isAbsent() || !session.inputTranscription().isAbsent()) {
            out.field("input", session, (o, s) -> {
                o.startObject();
                o.field("noise_reduction", s.inputNoiseReduction(), CommonJson::writeNoiseReduction);
                o.field("transcription", s.inputTranscription(), TranslationClientSecretJson::writeTranscription);
                o.endObject();
            });
        }
        out.field("output", session.outputLanguage(), (o, language) -> {
            o.startObject();
            o.string("language", language);
            o.endObject();
        });
        out.endObject();
    }

    private static void writeTranscription(JsonOut out, TranscriptionModel model) {
        out.startObject();
        out.string("model", model);
        out.endObject();
    }

    /**
     * Reads {@code {"value", "expires_at", "session"}}. The secret's value and expiry are required;
     * a session that is missing or not an object reads as empty (one that is not an object is kept
     * with the answer's other fields).
     */
    static TranslationClientSecretCreateResponse readResponse(JsonIn in) {
        String value = null;
        Instant expiresAt = null;
        TranslationSessionDetails session = null;
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
        return new TranslationClientSecretCreateResponse(secret.value(), secret.expiresAt(),
                session != null ? session : TranslationSessionDetails.empty(), unknown);
    }

    private static Map<String, Object> put(@Nullable Map<String, Object> fields, String name, @Nullable Object value) {
        Map<String, Object> map = fields == null ? new LinkedHashMap<>() : fields;
        map.put(name, value);
        return map;
    }

    /** Reads the session object; what no component holds is kept by its path in the session's additional properties. */
    private static TranslationSessionDetails readSession(JsonIn in) {
        String id = null;
        String type = null;
        Instant expiresAt = null;
        TranslationModel model = null;
        Audio audio = new Audio();
        in.keepFrom();
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "id" -> id = in.string();
                case "type" -> type = in.string();
                case "expires_at" -> expiresAt = CommonJson.readEpochSeconds(in);
                case "model" -> model = in.string(MODELS);
                case "audio" -> audio.read(in);
                default -> in.keep();
            }
        }
        return new TranslationSessionDetails(id, type, expiresAt, model, audio.noiseReduction, audio.transcription,
                audio.language, in.takeKept());
    }

    /**
     * The session's {@code audio} as it is read: {@code input.noise_reduction}, {@code input.transcription}
     * and {@code output.language}.
     */
    private static final class Audio {
        Tristate<NoiseReduction> noiseReduction = Tristate.absent();
        Tristate<TranscriptionModel> transcription = Tristate.absent();
        @Nullable String language;

        void read(JsonIn in) {
            if (!in.isObject()) {
                in.keep();
                return;
            }
            for (String name = in.nextField(); name != null; name = in.nextField()) {
                switch (name) {
                    case "input" -> readInput(in);
                    case "output" -> readOutput(in);
                    default -> in.keep();
                }
            }
        }

        private void readInput(JsonIn in) {
            if (!in.isObject()) {
                in.keep();
                return;
            }
            for (String name = in.nextField(); name != null; name = in.nextField()) {
                switch (name) {
                    case "noise_reduction" -> noiseReduction = in.tristate(CommonJson::readNoiseReduction);
                    case "transcription" -> transcription = in.tristate(TranslationClientSecretJson::readTranscription);
                    default -> in.keep();
                }
            }
        }

        private void readOutput(JsonIn in) {
            if (!in.isObject()) {
                in.keep();
                return;
            }
            for (String name = in.nextField(); name != null; name = in.nextField()) {
                if (name.equals("language")) {
                    language = in.string();
                } else {
                    in.keep();
                }
            }
        }
    }

    /**
     * {@code {"model": ...}} as its model; an object of another shape (no model, or more fields) is
     * kept whole, so that nothing the server sent is trimmed.
     */
    private static @Nullable TranscriptionModel readTranscription(JsonIn in) {
        return in.object(fields -> fields.size() == 1 && fields.get("model") instanceof String model && !model.isEmpty()
                ? TranscriptionModel.of(model) : null);
    }
}
