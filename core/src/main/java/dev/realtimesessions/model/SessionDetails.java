package dev.realtimesessions.model;

/**
 * The effective session a GA client secret opens ({@code session} of the
 * {@code POST /realtime/client_secrets} answer), told apart by its {@code type}: a
 * {@link RealtimeSessionDetails} ({@code "realtime"}), a {@link TranscriptionSessionDetails}
 * ({@code "transcription"}), or, for a type this library does not know, an
 * {@link UnknownSessionDetails} holding the raw fields.
 *
 * <pre>{@code
 * if (response.session() instanceof RealtimeSessionDetails realtime) {
 *     log.info("session {} with model {}", realtime.id(), realtime.model());
 * }
 * }</pre>
 */
public sealed interface SessionDetails permits RealtimeSessionDetails, TranscriptionSessionDetails, UnknownSessionDetails {

    /**
     * The session's {@code type}.
     *
     * @return {@code "realtime"}, {@code "transcription"}, or the unknown type the server sent
     */
    String type();
}
