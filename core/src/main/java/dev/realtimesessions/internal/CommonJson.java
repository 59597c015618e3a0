package dev.realtimesessions.internal;

import dev.realtimesessions.ValidationException;
import dev.realtimesessions.model.AudioTranscription;
import dev.realtimesessions.model.ClientSecret;
import dev.realtimesessions.model.Eagerness;
import dev.realtimesessions.model.ExpiresAfter;
import dev.realtimesessions.model.FunctionTool;
import dev.realtimesessions.model.MaxOutputTokens;
import dev.realtimesessions.model.McpTool;
import dev.realtimesessions.model.Modality;
import dev.realtimesessions.model.NoiseReduction;
import dev.realtimesessions.model.NoiseReductionType;
import dev.realtimesessions.model.Tool;
import dev.realtimesessions.model.ToolChoice;
import dev.realtimesessions.model.Tracing;
import dev.realtimesessions.model.TranscriptionDelay;
import dev.realtimesessions.model.TranscriptionModel;
import dev.realtimesessions.model.TurnDetection;
import dev.realtimesessions.model.TurnDetectionType;
import dev.realtimesessions.model.UnknownTool;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** JSON for the objects the beta and GA shapes share: transcription, VAD, tools, tracing, secrets. */
final class CommonJson {

    /** The {@code object} of the sessions the endpoints answer with. */
    static final WireConstants<String> OBJECT_TYPES =
            WireConstants.strings("realtime.session", "realtime.transcription_session");

    private static final WireConstants<ToolChoice> TOOL_CHOICE_MODES = WireConstants.of(
            List.of(ToolChoice.AUTO, ToolChoice.NONE, ToolChoice.REQUIRED),
            choice -> ((ToolChoice.Mode) choice).value(), CommonJson::toolChoiceMode);

    private static final WireConstants<MaxOutputTokens> MAX_TOKENS_WORDS =
            WireConstants.of(List.of(MaxOutputTokens.INF), tokens -> "inf", CommonJson::unknownMaxTokensWord);

    private CommonJson() {
    }

    static void writeModality(JsonOut out, Modality modality) {
        out.stringValue(modality.value());
    }

    static Modality readModality(JsonIn in) {
        return requireString(in, WireEnums.MODALITIES, "modalities[]");
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

    static AudioTranscription readTranscription(JsonIn in) {
        in.expectObject("input_audio_transcription");
        TranscriptionModel model = null;
        String language = null;
        java.util.List<String> languages = null;
        java.util.List<String> keywords = null;
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
                default -> in.skip();
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

    static TurnDetection readTurnDetection(JsonIn in) {
        in.expectObject("turn_detection");
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
                default -> in.skip();
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

    static NoiseReduction readNoiseReduction(JsonIn in) {
        in.expectObject("input_audio_noise_reduction");
        NoiseReductionType type = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            if (name.equals("type")) {
                type = in.string(WireEnums.NOISE_REDUCTION_TYPES);
            } else {
                in.skip();
            }
        }
        return new NoiseReduction(type);
    }

    static void writeTool(JsonOut out, Tool tool) {
        out.startObject();
        out.string("type", tool.type());
        if (tool instanceof FunctionTool function) {
            out.string("name", function.name());
            out.string("description", function.description());
            out.any("parameters", function.parameters());
        } else if (tool instanceof McpTool mcp) {
            McpToolJson.writeFields(out, mcp);
        } else if (tool instanceof UnknownTool unknown) {
            out.anyFields(unknown.fields());
        }
        out.endObject();
    }

    static Tool readTool(JsonIn in) {
        Map<String, Object> fields = in.anyFields();
        Object type = fields.remove("type");
        if ("function".equals(type)) {
            Object name = fields.get("name");
            Object description = fields.get("description");
            Object parameters = fields.get("parameters");
            if (name instanceof String n && (description == null || description instanceof String)
                    && (parameters == null || parameters instanceof Map<?, ?>)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> schema = (Map<String, Object>) parameters;
                return new FunctionTool(n, (String) description, schema);
            }
        }
        if ("mcp".equals(type)) {
            try {
                return McpToolJson.fromFields(fields);
            } catch (JsonShapeException | ValidationException e) {
                // a shape this library does not know: kept whole as an UnknownTool below
            }
        }
        return new UnknownTool(type instanceof String t ? t : "", fields);
    }

    static void writeToolChoice(JsonOut out, ToolChoice choice) {
        if (choice instanceof ToolChoice.Mode mode) {
            out.stringValue(mode.value());
        } else if (choice instanceof ToolChoice.Function function) {
            out.startObject();
            out.string("type", "function");
            out.string("name", function.name());
            out.endObject();
        } else if (choice instanceof ToolChoice.Mcp mcp) {
            out.startObject();
            out.string("type", "mcp");
            out.string("server_label", mcp.serverLabel());
            out.string("name", mcp.name());
            out.endObject();
        }
    }

    static @Nullable ToolChoice readToolChoice(JsonIn in) {
        if (in.isNull()) {
            return null;
        }
        if (in.isString()) {
            return in.string(TOOL_CHOICE_MODES);
        }
        Map<String, Object> fields = in.anyObject();
        Object type = fields.get("type");
        Object name = fields.get("name");
        Object serverLabel = fields.get("server_label");
        if ("function".equals(type) && name instanceof String n && !n.isBlank()) {
            return ToolChoice.function(n);
        }
        if ("mcp".equals(type) && serverLabel instanceof String label && !label.isBlank()) {
            return ToolChoice.mcp(label, name instanceof String n ? n : null);
        }
        throw new JsonShapeException("tool_choice has an unknown shape (type " + type + ")");
    }

    /** A tool choice mode other than the documented ones; a blank one reads as no choice. */
    private static @Nullable ToolChoice toolChoiceMode(String mode) {
        return mode.isBlank() ? null : ToolChoice.mode(mode);
    }

    static void writeMaxTokens(JsonOut out, MaxOutputTokens tokens) {
        if (tokens.isInfinite()) {
            out.stringValue("inf");
        } else {
            out.integerValue(tokens.limit().getAsInt());
        }
    }

    static @Nullable MaxOutputTokens readMaxTokens(JsonIn in) {
        if (in.isString()) {
            return in.string(MAX_TOKENS_WORDS);
        }
        Integer limit = in.integer();
        return limit == null ? null : MaxOutputTokens.of(Math.max(0, limit));
    }

    private static MaxOutputTokens unknownMaxTokensWord(String value) {
        throw new JsonShapeException("max output tokens must be a number or \"inf\", but was \"" + value + "\"");
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

    static Tracing readTracing(JsonIn in) {
        if (in.isString()) {
            in.skip();
            return Tracing.AUTO;
        }
        in.expectObject("tracing");
        String workflowName = null;
        String groupId = null;
        Map<String, Object> metadata = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "workflow_name" -> workflowName = in.string();
                case "group_id" -> groupId = in.string();
                case "metadata" -> metadata = in.isNull() ? null : in.anyObject();
                default -> in.skip();
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

    /** Reads {@code {"value": ..., "expires_at": ...}}; both are required. */
    static ClientSecret readClientSecret(JsonIn in) {
        in.expectObject("client_secret");
        String value = null;
        Long expiresAt = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "value" -> value = in.string();
                case "expires_at" -> expiresAt = in.longInteger();
                default -> in.skip();
            }
        }
        return clientSecret(value, expiresAt, "client_secret.");
    }

    static ClientSecret clientSecret(@Nullable String value, @Nullable Long expiresAt, String prefix) {
        if (value == null || value.isEmpty()) {
            throw new JsonShapeException("the response has no " + prefix + "value");
        }
        if (expiresAt == null) {
            throw new JsonShapeException("the response has no " + prefix + "expires_at");
        }
        return new ClientSecret(value, epochSeconds(expiresAt, prefix + "expires_at"));
    }

    /** Reads seconds since the epoch as an instant, or null for JSON null. */
    static @Nullable Instant readEpochSeconds(JsonIn in, String field) {
        Long seconds = in.longInteger();
        return seconds == null ? null : epochSeconds(seconds, field);
    }

    /** A unix time in seconds as an instant; one out of {@link Instant}'s range is a shape error. */
    static Instant epochSeconds(long seconds, String field) {
        try {
            return Instant.ofEpochSecond(seconds);
        } catch (DateTimeException e) {
            throw new JsonShapeException(field + " is out of range: " + seconds);
        }
    }

    /** The current string value read with {@code known}, which must not be JSON null. */
    static <T> T requireString(JsonIn in, WireConstants<T> known, String field) {
        T value = in.string(known);
        if (value == null) {
            throw new JsonShapeException(field + " must not be null");
        }
        return value;
    }

    static String requireString(JsonIn in, String field) {
        String value = in.string();
        if (value == null) {
            throw new JsonShapeException(field + " must not be null");
        }
        return value;
    }
}
