package dev.realtimesessions.internal;

import dev.realtimesessions.model.Include;
import dev.realtimesessions.model.TranscriptionAudioConfig;
import dev.realtimesessions.model.TranscriptionSessionConfig;
import dev.realtimesessions.model.TranscriptionSessionDetails;
import java.time.Instant;
import java.util.List;

/**
 * JSON of the GA transcription session: {@code RealtimeTranscriptionSessionCreateRequestGA} out,
 * {@code RealtimeTranscriptionSessionCreateResponseGA} in.
 */
final class GaTranscriptionSessionJson {

    private GaTranscriptionSessionJson() {
    }

    static void writeConfig(JsonOut out, TranscriptionSessionConfig session) {
        out.startObject();
        out.string("type", session.type());
        out.field("audio", session.audio(), GaAudioJson::writeTranscriptionAudio);
        out.array("include", session.include(), GaSessionFields::writeInclude);
        out.endObject();
    }

    /** Reads the fields of a session object whose {@code type} was already read as {@code transcription}. */
    static TranscriptionSessionDetails readDetails(JsonIn in) {
        String id = null;
        String object = null;
        Instant expiresAt = null;
        List<Include> include = null;
        TranscriptionAudioConfig audio = null;
        in.keepFrom();
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "type" -> in.skip();
                case "id" -> id = in.string();
                case "object" -> object = in.string(CommonJson.OBJECT_TYPES);
                case "expires_at" -> expiresAt = CommonJson.readEpochSeconds(in);
                case "include" -> include = GaSessionFields.readInclude(in);
                case "audio" -> audio = in.isNull() ? null : GaAudioJson.readTranscriptionAudio(in);
                default -> in.keep();
            }
        }
        return new TranscriptionSessionDetails(id, object, expiresAt, include, audio,
                in.takeKept());
    }
}
