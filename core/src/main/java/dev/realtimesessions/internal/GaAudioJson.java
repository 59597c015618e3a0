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

    static RealtimeAudioConfig readRealtimeAudio(JsonIn in) {
        in.expectObject("audio");
        AudioInputConfig input = null;
        AudioOutputConfig output = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "input" -> input = in.isNull() ? null : readInput(in);
                case "output" -> output = in.isNull() ? null : readOutput(in);
                default -> in.skip();
            }
        }
        return new RealtimeAudioConfig(input, output);
    }

    static void writeTranscriptionAudio(JsonOut out, TranscriptionAudioConfig audio) {
        out.startObject();
        out.field("input", audio.input(), GaAudioJson::writeInput);
        out.endObject();
    }

    static TranscriptionAudioConfig readTranscriptionAudio(JsonIn in) {
        in.expectObject("audio");
        AudioInputConfig input = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            if (name.equals("input")) {
                input = in.isNull() ? null : readInput(in);
            } else {
                in.skip();
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

    private static AudioInputConfig readInput(JsonIn in) {
        in.expectObject("audio.input");
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
                default -> in.skip();
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

    private static AudioOutputConfig readOutput(JsonIn in) {
        in.expectObject("audio.output");
        RealtimeAudioFormat format = null;
        Voice voice = null;
        Double speed = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "format" -> format = readFormat(in);
                case "voice" -> voice = readVoice(in);
                case "speed" -> speed = in.number();
                default -> in.skip();
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
     * and {@code g711_alaw} as their GA equivalents, anything else as a type without a rate.
     */
    private static @Nullable RealtimeAudioFormat readFormat(JsonIn in) {
        if (in.isNull()) {
            return null;
        }
        if (in.isString()) {
            String name = CommonJson.requireString(in, "format");
            return switch (name) {
                case "pcm16" -> RealtimeAudioFormat.PCM_24KHZ;
                case "g711_ulaw" -> RealtimeAudioFormat.PCMU;
                case "g711_alaw" -> RealtimeAudioFormat.PCMA;
                default -> RealtimeAudioFormat.of(RealtimeAudioFormatType.of(name));
            };
        }
        in.expectObject("format");
        RealtimeAudioFormatType type = null;
        Integer rate = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "type" -> type = in.string(WireEnums.REALTIME_AUDIO_FORMAT_TYPES);
                case "rate" -> rate = in.integer();
                default -> in.skip();
            }
        }
        if (type == null) {
            throw new JsonShapeException("the audio format has no type");
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

    /** Reads a voice name, or a custom voice reference {@code {"id": ...}}. */
    private static @Nullable Voice readVoice(JsonIn in) {
        if (in.isNull()) {
            return null;
        }
        if (in.isString()) {
            return CommonJson.requireString(in, WireEnums.VOICES, "voice");
        }
        in.expectObject("voice");
        String id = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            if (name.equals("id")) {
                id = in.string();
            } else {
                in.skip();
            }
        }
        if (id == null || id.isBlank()) {
            throw new JsonShapeException("the custom voice has no id");
        }
        return Voice.custom(id);
    }
}
