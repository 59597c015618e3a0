package dev.realtimesessions.internal;

import dev.realtimesessions.model.AudioTranscription;
import dev.realtimesessions.model.ClientSecret;
import dev.realtimesessions.model.Eagerness;
import dev.realtimesessions.model.ExpiresAfter;
import dev.realtimesessions.model.MaxOutputTokens;
import dev.realtimesessions.model.Modality;
import dev.realtimesessions.model.NoiseReduction;
import dev.realtimesessions.model.NoiseReductionType;
import dev.realtimesessions.model.Tracing;
import dev.realtimesessions.model.TranscriptionDelay;
import dev.realtimesessions.model.TranscriptionModel;
import dev.realtimesessions.model.TurnDetection;
import dev.realtimesessions.model.TurnDetectionType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** JSON for the objects the beta and GA shapes share: transcription, VAD, noise reduction, limits, tracing, secrets. */
final class CommonJson {

    /** The {@code object} of the sessions the endpoints answer with. */
    static final WireConstants<String> OBJECT_TYPES =
            WireConstants.strings("realtime.session", "realtime.transcription_session");

    /** {@code "auto"}, the one string {@code tracing} may be; another reads as null and is kept. */
    private static final WireConstants<Tracing> TRACING_MODES =
            WireConstants.of(List.of(Tracing.AUTO), tracing -> "auto", mode -> null);

    private static final WireConstants<MaxOutputTokens> MAX_TOKENS_WORDS =
            WireConstants.of(List.of(MaxOutputTokens.INF), tokens -> "inf", CommonJson::unknownMaxTokensWord);

    private CommonJson() {
    }

    static void writeModality(JsonOut out, Modality modality) {
        out.stringValue(modality.value());
    }

    static @Nullable Modality readModality(JsonIn in) {
        return in.string(WireEnums.MODALITIES);
    }

    static void writeTranscription(JsonOut out, AudioTranscription transcription) {
        out.startObject();
        out.string("model", transcription.model());
        out.string("language", transcription.language());
        out.array("languages", transcription.languages(), (o, v) -> o.stringValue(v));
        out.array("keywords", transcription.keywords(), (o, v) -> o.stringValue(v));
        out.string("prompt", transcription.prompt());
        out.string("delay", transcription.delay());
        out.endObject();
    }

    static @Nullable AudioTranscription readTranscription(JsonIn in) {
        if (!in.isObject()) {
            return in.keep();
        }
        TranscriptionModel model = null;
        String language = null;
        List<String> languages = null;
        List<String> keywords = null;
        String prompt = null;
        TranscriptionDelay delay = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "model" -> model = in.string(WireEnums.TRANSCRIPTION_MODELS);
                case "language" -> language = in.string();
                case "languages" -> languages = in.list(JsonIn::string);
                case "keywords" -> keywords = in.list(JsonIn::string);
                case "prompt" -> prompt = in.string();
                case "delay" -> delay = in.string(WireEnums.TRANSCRIPTION_DELAYS);
                default -> in.keep();
            }
        }
        return new AudioTranscription(model, language, languages, keywords, prompt, delay);
    }

    static void writeTurnDetection(JsonOut out, TurnDetection detection) {
        out.startObject();
        out.string("type", detection.type());
        out.number("threshold", detection.threshold());
        out.integer("prefix_padding_ms", detection.prefixPaddingMs());
        out.integer("silence_duration_ms", detection.silenceDurationMs());
        out.integer("idle_timeout_ms", detection.idleTimeoutMs());
        out.bool("create_response", detection.createResponse());
        out.bool("interrupt_response", detection.interruptResponse());
        out.string("eagerness", detection.eagerness());
        out.endObject();
    }

    static @Nullable TurnDetection readTurnDetection(JsonIn in) {
        if (!in.isObject()) {
            return in.keep();
        }
        TurnDetectionType type = null;
        Double threshold = null;
        Integer prefixPaddingMs = null;
        Integer silenceDurationMs = null;
        Integer idleTimeoutMs = null;
        Boolean createResponse = null;
        Boolean interruptResponse = null;
        Eagerness eagerness = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "type" -> type = in.string(WireEnums.TURN_DETECTION_TYPES);
                case "threshold" -> threshold = in.number();
                case "prefix_padding_ms" -> prefixPaddingMs = in.integer();
                case "silence_duration_ms" -> silenceDurationMs = in.integer();
                case "idle_timeout_ms" -> idleTimeoutMs = in.integer();
                case "create_response" -> createResponse = in.bool();
                case "interrupt_response" -> interruptResponse = in.bool();
                case "eagerness" -> eagerness = in.string(WireEnums.EAGERNESS);
                default -> in.keep();
            }
        }
        return new TurnDetection(type, threshold, prefixPaddingMs, silenceDurationMs, idleTimeoutMs,
                createResponse, interruptResponse, eagerness);
    }

    static void writeNoiseReduction(JsonOut out, NoiseReduction noiseReduction) {
        out.startObject();
        out.string("type", noiseReduction.type());
        out.endObject();
    }

    static @Nullable NoiseReduction readNoiseReduction(JsonIn in) {
        if (!in.isObject()) {
            return in.keep();
        }
        NoiseReductionType type = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            if (name.equals("type")) {
                type = in.string(WireEnums.NOISE_REDUCTION_TYPES);
            } else {
                in.keep();
            }
        }
        return new NoiseReduction(type);
    }

    static void writeMaxTokens(JsonOut out, MaxOutputTokens tokens) {
        if (tokens.isInfinite()) {
            out.stringValue("inf");
        } else {
            out.integerValue(tokens.limit().getAsInt());
        }
    }

    /** Reads a limit or {@code "inf"}; another word, or a negative limit, is kept. */
    static @Nullable MaxOutputTokens readMaxTokens(JsonIn in) {
        if (in.isString()) {
            MaxOutputTokens word = in.string(MAX_TOKENS_WORDS);
            return word != null ? word : in.keep();
        }
        if (in.isNull()) {
            return null;
        }
        Integer limit = in.integer();
        if (limit != null && limit < 0) {
            return in.keep();
        }
        return limit == null ? null : MaxOutputTokens.of(limit);
    }

    /** A word other than {@code "inf"}: no limit this library can hold; read as none, and kept by the caller. */
    private static @Nullable MaxOutputTokens unknownMaxTokensWord(String value) {
        return null;
    }

    static void writeTracing(JsonOut out, Tracing tracing) {
        if (tracing instanceof Tracing.Config config) {
            out.startObject();
            out.string("workflow_name", config.workflowName());
            out.string("group_id", config.groupId());
            out.any("metadata", config.metadata());
            out.endObject();
        } else {
            out.stringValue("auto");
        }
    }

    /** Reads {@code "auto"} or a tracing object; another string or shape is kept. */
    static @Nullable Tracing readTracing(JsonIn in) {
        if (in.isString()) {
            return in.string(TRACING_MODES) != null ? Tracing.AUTO : in.keep();
        }
        if (!in.isObject()) {
            return in.keep();
        }
        String workflowName = null;
        String groupId = null;
        Map<String, Object> metadata = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "workflow_name" -> workflowName = in.string();
                case "group_id" -> groupId = in.string();
                case "metadata" -> metadata = in.isObject() ? in.anyObject() : in.keep();
                default -> in.keep();
            }
        }
        return Tracing.config(workflowName, groupId, metadata);
    }

    static void writeExpiresAfter(JsonOut out, ExpiresAfter expiresAfter) {
        out.startObject();
        out.string("anchor", expiresAfter.anchor());
        out.integer("seconds", expiresAfter.seconds());
        out.endObject();
    }

    /**
     * Reads {@code {"value": ..., "expires_at": ...}}: the two values the caller cannot do without,
     * so the only ones whose absence fails the call.
     */
    static ClientSecret readClientSecret(JsonIn in) {
        if (!in.isObject()) {
            throw new JsonShapeException("the response's client_secret is not an object");
        }
        String value = null;
        Instant expiresAt = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "value" -> value = in.string();
                case "expires_at" -> expiresAt = readExpiry(in);
                default -> in.keep();
            }
        }
        return clientSecret(value, expiresAt, "client_secret.");
    }

    /** The secret, which must have a value and an expiry; {@code prefix} names where they were looked for. */
    static ClientSecret clientSecret(@Nullable String value, @Nullable Instant expiresAt, String prefix) {
        if (value == null) {
            throw new JsonShapeException("the response has no " + prefix + "value (a string)");
        }
        if (expiresAt == null) {
            throw new JsonShapeException("the response has no " + prefix + "expires_at (a number)");
        }
        return new ClientSecret(value, expiresAt);
    }

    /**
     * Reads a secret's expiry, unix seconds: any number, a fraction cut off, one beyond what an
     * {@link Instant} holds read as its earliest or latest; {@code null} for anything else.
     */
    static @Nullable Instant readExpiry(JsonIn in) {
        Long seconds = in.clampedLong();
        if (seconds == null) {
            return null;
        }
        return seconds > Instant.MAX.getEpochSecond() ? Instant.MAX
                : seconds < Instant.MIN.getEpochSecond() ? Instant.MIN : Instant.ofEpochSecond(seconds);
    }

    /** Reads seconds since the epoch as an instant; null for JSON null, and kept when no instant can hold it. */
    static @Nullable Instant readEpochSeconds(JsonIn in) {
        if (in.isNull()) {
            return null;
        }
        Long seconds = in.longInteger();
        if (seconds == null) {
            return null;
        }
        if (seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()) {
            return in.keep();
        }
        return Instant.ofEpochSecond(seconds);
    }
}
