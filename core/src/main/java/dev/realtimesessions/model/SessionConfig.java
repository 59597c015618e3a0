package dev.realtimesessions.model;

/**
 * The session a GA client secret opens ({@code session} of {@code POST /realtime/client_secrets}):
 * a speech-to-speech {@link RealtimeSessionConfig} ({@code type: "realtime"}) or a speech-to-text
 * {@link TranscriptionSessionConfig} ({@code type: "transcription"}).
 */
public sealed interface SessionConfig permits RealtimeSessionConfig, TranscriptionSessionConfig {

    /**
     * The session's {@code type}.
     *
     * @return {@code "realtime"} or {@code "transcription"}
     */
    String type();
}
