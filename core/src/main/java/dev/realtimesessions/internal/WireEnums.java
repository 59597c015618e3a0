package dev.realtimesessions.internal;

import dev.realtimesessions.model.AudioFormat;
import dev.realtimesessions.model.Eagerness;
import dev.realtimesessions.model.Include;
import dev.realtimesessions.model.Modality;
import dev.realtimesessions.model.NoiseReductionType;
import dev.realtimesessions.model.RealtimeAudioFormatType;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.ReasoningEffort;
import dev.realtimesessions.model.TranscriptionDelay;
import dev.realtimesessions.model.TranscriptionModel;
import dev.realtimesessions.model.TurnDetectionType;
import dev.realtimesessions.model.Voice;

/** The documented constants of every open enum the response readers meet, for {@link JsonIn#string(WireConstants)}. */
final class WireEnums {

    static final WireConstants<AudioFormat> AUDIO_FORMATS =
            WireConstants.openEnum(AudioFormat.knownValues(), AudioFormat::of);
    static final WireConstants<Eagerness> EAGERNESS = WireConstants.openEnum(Eagerness.knownValues(), Eagerness::of);
    static final WireConstants<Include> INCLUDES = WireConstants.openEnum(Include.knownValues(), Include::of);
    static final WireConstants<Modality> MODALITIES = WireConstants.openEnum(Modality.knownValues(), Modality::of);
    static final WireConstants<NoiseReductionType> NOISE_REDUCTION_TYPES =
            WireConstants.openEnum(NoiseReductionType.knownValues(), NoiseReductionType::of);
    static final WireConstants<RealtimeAudioFormatType> REALTIME_AUDIO_FORMAT_TYPES =
            WireConstants.openEnum(RealtimeAudioFormatType.knownValues(), RealtimeAudioFormatType::of);
    static final WireConstants<RealtimeModel> REALTIME_MODELS =
            WireConstants.openEnum(RealtimeModel.knownValues(), RealtimeModel::of);
    static final WireConstants<ReasoningEffort> REASONING_EFFORTS =
            WireConstants.openEnum(ReasoningEffort.knownValues(), ReasoningEffort::of);
    static final WireConstants<TranscriptionDelay> TRANSCRIPTION_DELAYS =
            WireConstants.openEnum(TranscriptionDelay.knownValues(), TranscriptionDelay::of);
    static final WireConstants<TranscriptionModel> TRANSCRIPTION_MODELS =
            WireConstants.openEnum(TranscriptionModel.knownValues(), TranscriptionModel::of);
    static final WireConstants<TurnDetectionType> TURN_DETECTION_TYPES =
            WireConstants.openEnum(TurnDetectionType.knownValues(), TurnDetectionType::of);
    static final WireConstants<Voice> VOICES = WireConstants.openEnum(Voice.knownValues(), Voice::of);

    private WireEnums() {
    }
}
