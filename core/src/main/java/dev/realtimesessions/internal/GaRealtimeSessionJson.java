package dev.realtimesessions.internal;

import dev.realtimesessions.model.Include;
import dev.realtimesessions.model.MaxOutputTokens;
import dev.realtimesessions.model.Modality;
import dev.realtimesessions.model.Prompt;
import dev.realtimesessions.model.RealtimeAudioConfig;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.RealtimeSessionDetails;
import dev.realtimesessions.model.Reasoning;
import dev.realtimesessions.model.Tool;
import dev.realtimesessions.model.ToolChoice;
import dev.realtimesessions.model.Tracing;
import dev.realtimesessions.model.Tristate;
import dev.realtimesessions.model.Truncation;
import java.time.Instant;
import java.util.List;

/** JSON of the GA realtime session: {@code RealtimeSessionCreateRequestGA} out, {@code RealtimeSessionCreateResponseGA} in. */
final class GaRealtimeSessionJson {

    private GaRealtimeSessionJson() {
    }

    static void writeConfig(JsonOut out, RealtimeSessionConfig session) {
        out.startObject();
        out.string("type", session.type());
        out.array("output_modalities", session.outputModalities(), CommonJson::writeModality);
        out.string("model", session.model());
        out.string("instructions", session.instructions());
        out.field("audio", session.audio(), GaAudioJson::writeRealtimeAudio);
        out.array("include", session.include(), GaSessionFields::writeInclude);
        out.field("tracing", session.tracing(), CommonJson::writeTracing);
        out.array("tools", session.tools(), ToolJson::writeTool);
        out.field("tool_choice", session.toolChoice(), ToolJson::writeToolChoice);
        out.bool("parallel_tool_calls", session.parallelToolCalls());
        out.field("reasoning", session.reasoning(), GaSessionFields::writeReasoning);
        out.field("max_output_tokens", session.maxOutputTokens(), CommonJson::writeMaxTokens);
        out.field("truncation", session.truncation(), GaSessionFields::writeTruncation);
        out.field("prompt", session.prompt(), PromptJson::writePrompt);
        out.endObject();
    }

    /** Reads the fields of a session object whose {@code type} was already read as {@code realtime}. */
    static RealtimeSessionDetails readDetails(JsonIn in) {
        String id = null;
        String object = null;
        Instant expiresAt = null;
        RealtimeModel model = null;
        List<Modality> outputModalities = null;
        String instructions = null;
        RealtimeAudioConfig audio = null;
        List<Include> include = null;
        Tristate<Tracing> tracing = Tristate.absent();
        List<Tool> tools = null;
        ToolChoice toolChoice = null;
        Reasoning reasoning = null;
        MaxOutputTokens maxOutputTokens = null;
        Truncation truncation = null;
        Tristate<Prompt> prompt = Tristate.absent();
        in.keepFrom();
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "type" -> in.skip();
                case "id" -> id = in.string();
                case "object" -> object = in.string(CommonJson.OBJECT_TYPES);
                case "expires_at" -> expiresAt = CommonJson.readEpochSeconds(in);
                case "model" -> model = in.string(WireEnums.REALTIME_MODELS);
                case "output_modalities" -> outputModalities = in.list(CommonJson::readModality);
                case "instructions" -> instructions = in.string();
                case "audio" -> audio = in.isNull() ? null : GaAudioJson.readRealtimeAudio(in);
                case "include" -> include = GaSessionFields.readInclude(in);
                case "tracing" -> tracing = in.tristate(CommonJson::readTracing);
                case "tools" -> tools = in.list(ToolJson::readTool);
                case "tool_choice" -> toolChoice = ToolJson.readToolChoice(in);
                case "reasoning" -> reasoning = GaSessionFields.readReasoning(in);
                case "max_output_tokens" -> maxOutputTokens = CommonJson.readMaxTokens(in);
                case "truncation" -> truncation = GaSessionFields.readTruncation(in);
                case "prompt" -> prompt = in.tristate(PromptJson::readPrompt);
                default -> in.keep();
            }
        }
        return new RealtimeSessionDetails(id, object, expiresAt, model, outputModalities, instructions, audio, include,
                tracing, tools, toolChoice, reasoning, maxOutputTokens, truncation, prompt,
                in.takeKept());
    }
}
