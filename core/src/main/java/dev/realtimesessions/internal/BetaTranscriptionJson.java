package dev.realtimesessions.internal;

import dev.realtimesessions.model.AudioFormat;
import dev.realtimesessions.model.AudioTranscription;
import dev.realtimesessions.model.ClientSecret;
import dev.realtimesessions.model.Modality;
import dev.realtimesessions.model.TranscriptionSession;
import dev.realtimesessions.model.TranscriptionSessionCreateRequest;
import dev.realtimesessions.model.Tristate;
import dev.realtimesessions.model.TurnDetection;
import java.time.Instant;
import java.util.List;

/** JSON of the beta {@code POST /realtime/transcription_sessions} request and response. */
final class BetaTranscriptionJson {

    private BetaTranscriptionJson() {
    }

    static void writeRequest(JsonOut out, TranscriptionSessionCreateRequest request) {
        out.startObject();
        out.array("modalities", request.modalities(), CommonJson::writeModality);
        out.string("input_audio_format", request.inputAudioFormat());
        out.field("input_audio_transcription", request.inputAudioTranscription(), CommonJson::writeTranscription);
        out.field("turn_detection", request.turnDetection(), CommonJson::writeTurnDetection);
        out.field("input_audio_noise_reduction", request.inputAudioNoiseReduction(), CommonJson::writeNoiseReduction);
        out.array("include", request.include(), (o, item) -> o.stringValue(item.value()));
        out.field("client_secret", request.clientSecretExpiresAfter(), (o, expiresAfter) -> {
            o.startObject();
            o.field("expires_at", expiresAfter, CommonJson::writeExpiresAfter);
            o.endObject();
        });
        out.endObject();
    }

    static TranscriptionSession readSession(JsonIn in) {
        String id = null;
        String object = null;
        Instant expiresAt = null;
        List<Modality> modalities = null;
        AudioFormat inputAudioFormat = null;
        Tristate<AudioTranscription> transcription = Tristate.absent();
        Tristate<TurnDetection> turnDetection = Tristate.absent();
        ClientSecret clientSecret = null;
        in.keepFrom();
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "id" -> id = in.string();
                case "object" -> object = in.string(CommonJson.OBJECT_TYPES);
                case "expires_at" -> expiresAt = CommonJson.readEpochSeconds(in);
                case "modalities" -> modalities = in.list(CommonJson::readModality);
                case "input_audio_format" -> inputAudioFormat = in.string(WireEnums.AUDIO_FORMATS);
                case "input_audio_transcription" -> transcription = in.tristate(CommonJson::readTranscription);
                case "turn_detection" -> turnDetection = in.tristate(CommonJson::readTurnDetection);
                case "client_secret" -> clientSecret = in.isNull() ? null : CommonJson.readClientSecret(in);
                default -> in.keep();
            }
        }
        return new TranscriptionSession(id, object, expiresAt, modalities, inputAudioFormat, transcription,
                turnDetection, clientSecret, in.takeKept());
    }
}
