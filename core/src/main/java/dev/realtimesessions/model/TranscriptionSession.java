package dev.realtimesessions.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answer of the beta {@code POST /realtime/transcription_sessions}: the transcription
 * session's effective configuration and, normally, the minted {@link ClientSecret}. Hand
 * {@code clientSecret().value()} to the browser or phone that opens the session;
 * {@link #toString()} never shows it.
 *
 * <p><strong>{@link #clientSecret()} may be {@code null}.</strong> OpenAI's schema requires
 * {@code client_secret}, yet both of its published example answers for this endpoint send
 * {@code "client_secret": null}; this record accepts that instead of failing the call, so check
 * for {@code null} before handing the secret on.
 *
 * <p>Components the server left out are {@code null} (or an absent {@link Tristate}); fields this
 * library does not model (the server may echo {@code input_audio_noise_reduction} or
 * {@code include}, which the response schema does not declare) are kept in
 * {@link #additionalProperties()}.
 *
 * @param id the session's id, {@code sess_...} ({@code id}; sent, though not in the schema)
 * @param object the object type, {@code realtime.transcription_session} ({@code object}; sent,
 *     though not in the schema)
 * @param expiresAt when the session expires, if the server says ({@code expires_at}, unix seconds;
 *     not in the schema)
 * @param modalities what the session may answer with ({@code modalities})
 * @param inputAudioFormat the input audio encoding ({@code input_audio_format})
 * @param inputAudioTranscription input transcription, null when off ({@code input_audio_transcription})
 * @param turnDetection turn detection, null when off ({@code turn_detection})
 * @param clientSecret the minted secret and its expiry, or {@code null} when the server sent
 *     none or {@code null} ({@code client_secret})
 * @param additionalProperties fields of the answer this library does not model, as plain JSON values
 */
public record TranscriptionSession(
        @Nullable String id,
        @Nullable String object,
        @Nullable Instant expiresAt,
        @Nullable List<Modality> modalities,
        @Nullable AudioFormat inputAudioFormat,
        Tristate<AudioTranscription> inputAudioTranscription,
        Tristate<TurnDetection> turnDetection,
        @Nullable ClientSecret clientSecret,
        Map<String, Object> additionalProperties) {

    /**
     * Creates the record, copying the collections; a {@code null} {@link Tristate} is taken as
     * absent and a {@code null} map as empty.
     *
     * @param id the session's id, {@code sess_...} ({@code id}; sent, though not in the schema)
     * @param object the object type, {@code realtime.transcription_session} ({@code object}; sent, though not in the schema)
     * @param expiresAt when the session expires, if the server says ({@code expires_at}, unix seconds; not in the schema)
     * @param modalities what the session may answer with ({@code modalities})
     * @param inputAudioFormat the input audio encoding ({@code input_audio_format})
     * @param inputAudioTranscription input transcription, null when off ({@code input_audio_transcription})
     * @param turnDetection turn detection, null when off ({@code turn_detection})
     * @param clientSecret the minted secret and its expiry, or {@code null} when the server sent none or {@code null} ({@code client_secret})
     * @param additionalProperties fields of the answer this library does not model, as plain JSON values
     * @throws dev.realtimesessions.ValidationException if a list holds {@code null} or
     *     {@code additionalProperties} holds something that is not a JSON value
     */
    public TranscriptionSession {
        modalities = Checks.copyOrNull("modalities", modalities);
        inputAudioTranscription = inputAudioTranscription == null ? Tristate.absent() : inputAudioTranscription;
        turnDetection = turnDetection == null ? Tristate.absent() : turnDetection;
        additionalProperties = additionalProperties == null ? Map.of()
                : JsonValues.copyObject("additionalProperties", additionalProperties);
    }
}
