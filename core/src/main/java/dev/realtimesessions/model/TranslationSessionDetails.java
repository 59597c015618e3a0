package dev.realtimesessions.model;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The effective translation session a translation client secret opens ({@code session} of the
 * answer of {@code POST /realtime/translations/client_secrets}). Components the server left out,
 * or sent in a shape this record cannot hold, are {@code null} or absent; fields this library does
 * not know, and values of an unexpected shape, are kept in {@link #additionalProperties()} under
 * their JSON path ({@code audio.input.format}, ...).
 *
 * <p>Shape from OpenAI's Python SDK ({@code openai/openai-python}
 * {@code src/openai/types/realtime/realtime_translation_session.py} at
 * {@code a5beef46ae3cb0cc330c670c0d883f1b9dc55895}).
 *
 * @param id the session's id, {@code sess_...} ({@code id})
 * @param type the session type, {@code translation} ({@code type})
 * @param expiresAt when the session expires ({@code expires_at})
 * @param model the translation model ({@code model})
 * @param inputNoiseReduction noise reduction of the source audio; null when off
 *     ({@code audio.input.noise_reduction})
 * @param inputTranscription the model of the source-language transcript; null when off
 *     ({@code audio.input.transcription.model})
 * @param outputLanguage the language translated into ({@code audio.output.language})
 * @param additionalProperties the session's other fields and odd values, by JSON path, as plain JSON values
 */
public record TranslationSessionDetails(
        @Nullable String id,
        @Nullable String type,
        @Nullable Instant expiresAt,
        @Nullable TranslationModel model,
        Tristate<NoiseReduction> inputNoiseReduction,
        Tristate<TranscriptionModel> inputTranscription,
        @Nullable String outputLanguage,
        Map<String, Object> additionalProperties) {

    /** The session of an answer that had none, or none this library could read. */
    private static final TranslationSessionDetails EMPTY = new TranslationSessionDetails(null, null, null, null,
            Tristate.absent(), Tristate.absent(), null, Map.of());

    /**
     * Creates the record, copying the map; a {@code null} map or {@link Tristate} is taken as empty or absent.
     *
     * @param id the session's id ({@code id})
     * @param type the session type ({@code type})
     * @param expiresAt when the session expires ({@code expires_at})
     * @param model the translation model ({@code model})
     * @param inputNoiseReduction noise reduction of the source audio ({@code audio.input.noise_reduction})
     * @param inputTranscription the model of the source-language transcript ({@code audio.input.transcription.model})
     * @param outputLanguage the language translated into ({@code audio.output.language})
     * @param additionalProperties the session's other fields and odd values, by JSON path
     * @throws dev.realtimesessions.ValidationException if a map value is not JSON
     */
    public TranslationSessionDetails {
        inputNoiseReduction = Checks.orAbsent(inputNoiseReduction);
        inputTranscription = Checks.orAbsent(inputTranscription);
        additionalProperties = additionalProperties == null || additionalProperties.isEmpty() ? Map.of()
                : JsonValues.copyObject("additionalProperties", additionalProperties);
    }

    /**
     * The session of an answer that had none, or none this library could read: every component
     * absent.
     *
     * @return the empty session
     */
    public static TranslationSessionDetails empty() {
        return EMPTY;
    }
}
