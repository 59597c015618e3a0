package dev.realtimesessions.internal;

import dev.realtimesessions.model.AudioInputConfig;
import dev.realtimesessions.model.AudioOutputConfig;
import dev.realtimesessions.model.AudioTranscription;
import dev.realtimesessions.model.NoiseReduction;
import dev.realtimesessions.model.RealtimeAudioConfig;
import dev.realtimesessions.model.RealtimeAudioFormat;
import dev.realtimesessions.model.RealtimeAudioFormatType;
import dev.realtimesessions.model.TranscriptionAudioConfig;
import dev.realtimesessions.model.Tristate;
import dev.realtimesessions.model.TurnDetection;
import dev.realtimesessions.model.Voice;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** JSON of the GA sessions' nested {@code audio}: input and output settings, formats, voices. */
final class GaAudioJson {

    /** The formats an answer is read as without a new record, since the API documents them. */
    private static final List<RealtimeAudioFormat> KNOWN_FORMATS =
            List.of(RealtimeAudioFormat.PCM_24KHZ, RealtimeAudioFormat.PCMU, RealtimeAudioFormat.PCMA);

    private GaAudioJson() {
    }

    static void writeRealtimeAudio(JsonOut out, RealtimeAudioConfig audio) {
        out.startObject();
        out.field("input", audio.input(), GaAudioJson::writeInput);
        out.field("output", audio.output(), GaAudioJson::writeOutput);
        out.endObject();
    }

    static @Nullable RealtimeAudioConfig readRealtimeAudio(JsonIn in) {
        if (!in.isObject()) {
            return in.keep();
        }
        AudioInputConfig input = null;
        AudioOutputConfig output = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "input" -> input = in.isNull() ? null : readInput(in);
                case "output" -> output = in.isNull() ? null : readOutput(in);
                default -> in.keep();
            }
        }
        return new RealtimeAudioConfig(input, output);
    }

    static void writeTranscriptionAudio(JsonOut out, TranscriptionAudioConfig audio) {
        out.startObject();
        out.field("input", audio.input(), GaAudioJson::writeInput);
        out.endObject();
    }

    static @Nullable TranscriptionAudioConfig readTranscriptionAudio(JsonIn in) {
        if (!in.isObject()) {
            return in.keep();
        }
        AudioInputConfig input = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            if (name.equals("input")) {
                input = in.isNull() ? null : readInput(in);
            } else {
                in.keep();
            }
        }
        return new TranscriptionAudioConfig(input);
    }

    private static void writeInput(JsonOut out, AudioInputConfig input) {
        out.startObject();
        out.field("format", input.format(), GaAudioJson::writeFormat);
        out.field("transcription", input.transcription(), CommonJson::writeTranscription);
        out.field("noise_reduction", input.noiseReduction(), CommonJson::writeNoiseReduction);
        out.field("turn_detection", input.turnDetection(), CommonJson::writeTurnDetection);
        out.endObject();
    }

    private static @Nullable AudioInputConfig readInput(JsonIn in) {
        if (!in.isObject()) {
            return in.keep();
        }
        RealtimeAudioFormat format = null;
        Tristate<AudioTranscription> transcription = Tristate.absent();
        Tristate<NoiseReduction> noiseReduction = Tristate.absent();
        Tristate<TurnDetection> turnDetection = Tristate.absent();
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "format" -> format = readFormat(in);
                case "transcription" -> transcription = in.tristate(CommonJson::readTranscription);
                case "noise_reduction" -> noiseReduction = in.tristate(CommonJson::readNoiseReduction);
                case "turn_detection" -> turnDetection = in.tristate(CommonJson::readTurnDetection);
                default -> in.keep();
            }
        }
        return new AudioInputConfig(format, transcription, noiseReduction, turnDetection);
    }

    private static void writeOutput(JsonOut out, AudioOutputConfig output) {
        out.startObject();
        out.field("format", output.format(), GaAudioJson::writeFormat);
        out.field("voice", output.voice(), GaAudioJson::writeVoice);
        out.number("speed", output.speed());
        out.endObject();
    }

    private static @Nullable AudioOutputConfig readOutput(JsonIn in) {
        if (!in.isObject()) {
            return in.keep();
        }
        RealtimeAudioFormat format = null;
        Voice voice = null;
        Double speed = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "format" -> format = readFormat(in);
                case "voice" -> voice = readVoice(in);
                case "speed" -> speed = in.number();
                default -> in.keep();
            }
        }
        return new AudioOutputConfig(format, voice, speed);
    }

    private static void writeFormat(JsonOut out, RealtimeAudioFormat format) {
        out.startObject();
        out.string("type", format.type());
        out.integer("rate", format.rate());
        out.endObject();
    }

    /**
     * Reads {@code {"type": ..., "rate": ...}}. A bare string, which some answers give in place of
     * the object, is read as the format it names: the beta names {@code pcm16}, {@code g711_ulaw}
     * and {@code g711_alaw} as their GA equivalents, anything else as a type without a rate. An
     * object without a type is no format: its rate is kept.
     */
    private static @Nullable RealtimeAudioFormat readFormat(JsonIn in) {
        if (in.isNull()) {
            return null;
        }
        if (in.isString()) {
            String name = in.string();
            return switch (name) {
                case "pcm16" -> RealtimeAudioFormat.PCM_24KHZ;
                case "g711_ulaw" -> RealtimeAudioFormat.PCMU;
                case "g711_alaw" -> RealtimeAudioFormat.PCMA;
                default -> RealtimeAudioFormat.of(RealtimeAudioFormatType.of(name));
            };
        }
        if (!in.isObject()) {
            return in.keep();
        }
        Object mark = in.objectMark();
        RealtimeAudioFormatType type = null;
        Integer rate = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "type" -> type = in.string(WireEnums.REALTIME_AUDIO_FORMAT_TYPES);
                case "rate" -> rate = in.integer();
                default -> in.keep();
            }
        }
        if (type == null) {
            if (rate != null) {
                in.keepField(mark, "rate", rate);
            }
            return null;
        }
        for (RealtimeAudioFormat known : KNOWN_FORMATS) {
            if (known.type().equals(type) && Objects.equals(known.rate(), rate)) {
                return known;
            }
        }
        return new RealtimeAudioFormat(type, rate);
    }

    private static void writeVoice(JsonOut out, Voice voice) {
        if (voice.isCustom()) {
            out.startObject();
            out.string("id", voice.value());
            out.endObject();
        } else {
            out.stringValue(voice.value());
        }
    }

    /** Reads a voice name, or a custom voice reference {@code {"id": ...}}; one without an id is kept. */
    private static @Nullable Voice readVoice(JsonIn in) {
        if (in.isNull() || in.isString()) {
            return in.string(WireEnums.VOICES);
        }
        if (!in.isObject()) {
            return in.keep();
        }
        Object mark = in.objectMark();
        String id = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            if (name.equals("id")) {
                id = in.string();
            } else {
                in.keep();
            }
        }
        if (id == null || id.isBlank()) {
            if (id != null) {
                in.keepField(mark, "id", id);
            }
            return null;
        }
        return Voice.custom(id);
    }
}
