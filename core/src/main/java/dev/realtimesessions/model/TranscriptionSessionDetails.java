package dev.realtimesessions.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The effective GA transcription session a client secret opens ({@code {"type": "transcription", ...}}
 * in the answer). Components the server left out are {@code null}; fields this library does not
 * know are kept in {@link #additionalProperties()}.
 *
 * @param id the session's id, {@code sess_...} ({@code id})
 * @param object the object type, {@code realtime.transcription_session} ({@code object})
 * @param expiresAt when the session expires ({@code expires_at})
 * @param include additional data in the server's events ({@code include})
 * @param audio the input audio ({@code audio})
 * @param additionalProperties fields of the session this library does not model, as plain JSON values
 */
public record TranscriptionSessionDetails(
        @Nullable String id,
        @Nullable String object,
        @Nullable Instant expiresAt,
        @Nullable List<Include> include,
        @Nullable TranscriptionAudioConfig audio,
        Map<String, Object> additionalProperties) implements SessionDetails {

    /**
     * Creates the record, copying the collections; a {@code null} map is taken as empty.
     *
     * @param id the session's id, {@code sess_...} ({@code id})
     * @param object the object type, {@code realtime.transcription_session} ({@code object})
     * @param expiresAt when the session expires ({@code expires_at})
     * @param include additional data in the server's events ({@code include})
     * @param audio the input audio ({@code audio})
     * @param additionalProperties fields of the session this library does not model, as plain JSON values
     * @throws dev.realtimesessions.ValidationException if a list holds {@code null} or a map value is not JSON
     */
    public TranscriptionSessionDetails {
        include = Checks.copyOrNull("session.include", include);
        additionalProperties = additionalProperties == null ? Map.of()
                : JsonValues.copyObject("additionalProperties", additionalProperties);
    }

    /**
     * Always {@code "transcription"}.
     *
     * @return {@code "transcription"}
     */
    @Override
    public String type() {
        return "transcription";
    }
}
