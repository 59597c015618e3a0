package dev.realtimesessions.internal;

import dev.realtimesessions.model.AudioFormat;
import dev.realtimesessions.model.AudioTranscription;
import dev.realtimesessions.model.ClientSecret;
import dev.realtimesessions.model.MaxOutputTokens;
import dev.realtimesessions.model.Modality;
import dev.realtimesessions.model.NoiseReduction;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.Tool;
import dev.realtimesessions.model.ToolChoice;
import dev.realtimesessions.model.Tracing;
import dev.realtimesessions.model.Tristate;
import dev.realtimesessions.model.TurnDetection;
import dev.realtimesessions.model.Voice;
import java.util.List;

/** JSON of the beta {@code POST /realtime/sessions} request and response. */
final class BetaSessionJson {

    private BetaSessionJson() {
    }

    static void writeRequest(JsonOut out, RealtimeSessionCreateRequest request) {
        out.startObject();
        out.string("model", request.model());
        out.array("modalities", request.modalities(), CommonJson::writeModality);
        out.string("instructions", request.instructions());
        out.string("voice", request.voice());
        out.string("input_audio_format", request.inputAudioFormat());
        out.string("output_audio_format", request.outputAudioFormat());
        out.field("input_audio_transcription", request.inputAudioTranscription(), CommonJson::writeTranscription);
        out.field("turn_detection", request.turnDetection(), CommonJson::writeTurnDetection);
        out.field("input_audio_noise_reduction", request.inputAudioNoiseReduction(), CommonJson::writeNoiseReduction);
        out.array("tools", request.tools(), ToolJson::writeTool);
        out.field("tool_choice", request.toolChoice(), ToolJson::writeToolChoice);
        out.number("temperature", request.temperature());
        out.field("max_response_output_tokens", request.maxResponseOutputTokens(), CommonJson::writeMaxTokens);
        out.number("speed", request.speed());
        out.field("tracing", request.tracing(), CommonJson::writeTracing);
        out.field("client_secret", request.clientSecret(), (o, secret) -> {
            o.startObject();
            o.field("expires_after", secret.expiresAfter(), CommonJson::writeExpiresAfter);
            o.endObject();
        });
        out.endObject();
    }

    static RealtimeSession readSession(JsonIn in) {
        String id = null;
        String object = null;
        RealtimeModel model = null;
        List<Modality> modalities = null;
        String instructions = null;
        Voice voice = null;
        AudioFormat inputAudioFormat = null;
        AudioFormat outputAudioFormat = null;
        Tristate<AudioTranscription> transcription = Tristate.absent();
        Tristate<TurnDetection> turnDetection = Tristate.absent();
        Tristate<NoiseReduction> noiseReduction = Tristate.absent();
        List<Tool> tools = null;
        ToolChoice toolChoice = null;
        Double temperature = null;
        MaxOutputTokens maxTokens = null;
        Double speed = null;
        Tristate<Tracing> tracing = Tristate.absent();
        ClientSecret clientSecret = null;
        in.keepFrom();
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "id" -> id = in.string();
                case "object" -> object = in.string(CommonJson.OBJECT_TYPES);
                case "model" -> model = in.string(WireEnums.REALTIME_MODELS);
                case "modalities" -> modalities = in.list(CommonJson::readModality);
                case "instructions" -> instructions = in.string();
                case "voice" -> voice = in.string(WireEnums.VOICES);
                case "input_audio_format" -> inputAudioFormat = in.string(WireEnums.AUDIO_FORMATS);
                case "output_audio_format" -> outputAudioFormat = in.string(WireEnums.AUDIO_FORMATS);
                case "input_audio_transcription" -> transcription = in.tristate(CommonJson::readTranscription);
                case "turn_detection" -> turnDetection = in.tristate(CommonJson::readTurnDetection);
                case "input_audio_noise_reduction" -> noiseReduction = in.tristate(CommonJson::readNoiseReduction);
                case "tools" -> tools = in.list(ToolJson::readTool);
                case "tool_choice" -> toolChoice = ToolJson.readToolChoice(in);
                case "temperature" -> temperature = in.number();
                case "max_response_output_tokens" -> maxTokens = CommonJson.readMaxTokens(in);
                case "speed" -> speed = in.number();
                case "tracing" -> tracing = in.tristate(CommonJson::readTracing);
                case "client_secret" -> {
                    if (in.isNull()) {
                        throw new JsonShapeException("the response's client_secret is null");
                    }
                    clientSecret = CommonJson.readClientSecret(in);
                }
                default -> in.keep();
            }
        }
        if (clientSecret == null) {
            throw new JsonShapeException("the response has no client_secret");
        }
        return new RealtimeSession(id, object, model, modalities, instructions, voice, inputAudioFormat,
                outputAudioFormat, transcription, turnDetection, noiseReduction, tools, toolChoice, temperature,
                maxTokens, speed, tracing, clientSecret, in.takeKept());
    }
}
