package dev.realtimesessions.model;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answer of the beta {@code POST /realtime/sessions}: the session's effective configuration
 * and the minted {@link ClientSecret}. Hand {@code clientSecret().value()} to the browser or phone
 * that opens the session; {@link #toString()} never shows it.
 *
 * <p>Components the server left out are {@code null} (or an absent {@link Tristate}); fields this
 * library does not know are kept in {@link #additionalProperties()}.
 *
 * @param id the session's id, {@code sess_...} ({@code id})
 * @param object the object type, {@code realtime.session} ({@code object})
 * @param model the Realtime model ({@code model})
 * @param modalities what the model may answer with ({@code modalities})
 * @param instructions the system instructions ({@code instructions})
 * @param voice the voice ({@code voice})
 * @param inputAudioFormat the input audio encoding ({@code input_audio_format})
 * @param outputAudioFormat the output audio encoding ({@code output_audio_format})
 * @param inputAudioTranscription input transcription, null when off ({@code input_audio_transcription})
 * @param turnDetection turn detection, null when off ({@code turn_detection})
 * @param inputAudioNoiseReduction noise reduction, null when off ({@code input_audio_noise_reduction})
 * @param tools the tools the model may call ({@code tools})
 * @param toolChoice how the model chooses tools ({@code tool_choice})
 * @param temperature sampling temperature ({@code temperature})
 * @param maxResponseOutputTokens the output limit per response ({@code max_response_output_tokens})
 * @param speed speech speed ({@code speed})
 * @param tracing tracing, null when off ({@code tracing})
 * @param clientSecret the minted secret and its expiry ({@code client_secret})
 * @param additionalProperties fields of the answer this library does not model, as plain JSON values
 */
public record RealtimeSession(
        @Nullable String id,
        @Nullable String object,
        @Nullable RealtimeModel model,
        @Nullable List<Modality> modalities,
        @Nullable String instructions,
        @Nullable Voice voice,
        @Nullable AudioFormat inputAudioFormat,
        @Nullable AudioFormat outputAudioFormat,
        Tristate<AudioTranscription> inputAudioTranscription,
        Tristate<TurnDetection> turnDetection,
        Tristate<NoiseReduction> inputAudioNoiseReduction,
        @Nullable List<Tool> tools,
        @Nullable ToolChoice toolChoice,
        @Nullable Double temperature,
        @Nullable MaxOutputTokens maxResponseOutputTokens,
        @Nullable Double speed,
        Tristate<Tracing> tracing,
        ClientSecret clientSecret,
        Map<String, Object> additionalProperties) {

    /**
     * Creates the record, copying the collections.
     *
     * @param id the session's id, {@code sess_...} ({@code id})
     * @param object the object type, {@code realtime.session} ({@code object})
     * @param model the Realtime model ({@code model})
     * @param modalities what the model may answer with ({@code modalities})
     * @param instructions the system instructions ({@code instructions})
     * @param voice the voice ({@code voice})
     * @param inputAudioFormat the input audio encoding ({@code input_audio_format})
     * @param outputAudioFormat the output audio encoding ({@code output_audio_format})
     * @param inputAudioTranscription input transcription, null when off ({@code input_audio_transcription})
     * @param turnDetection turn detection, null when off ({@code turn_detection})
     * @param inputAudioNoiseReduction noise reduction, null when off ({@code input_audio_noise_reduction})
     * @param tools the tools the model may call ({@code tools})
     * @param toolChoice how the model chooses tools ({@code tool_choice})
     * @param temperature sampling temperature ({@code temperature})
     * @param maxResponseOutputTokens the output limit per response ({@code max_response_output_tokens})
     * @param speed speech speed ({@code speed})
     * @param tracing tracing, null when off ({@code tracing})
     * @param clientSecret the minted secret and its expiry ({@code client_secret})
     * @param additionalProperties fields of the answer this library does not model, as plain JSON values
     * @throws dev.realtimesessions.ValidationException if {@code clientSecret} is null
     */
    public RealtimeSession {
        Checks.notNull("client_secret", clientSecret);
        modalities = Checks.copyOrNull("modalities", modalities);
        tools = Checks.copyOrNull("tools", tools);
        inputAudioTranscription = inputAudioTranscription == null ? Tristate.absent() : inputAudioTranscription;
        turnDetection = turnDetection == null ? Tristate.absent() : turnDetection;
        inputAudioNoiseReduction = inputAudioNoiseReduction == null ? Tristate.absent() : inputAudioNoiseReduction;
        tracing = tracing == null ? Tristate.absent() : tracing;
        additionalProperties = additionalProperties == null ? Map.of()
                : JsonValues.copyObject("additionalProperties", additionalProperties);
    }
}
