package dev.realtimesessions.model;

import java.util.Map;

/**
 * A session of a type this library does not model, kept whole so that nothing the server sent is
 * lost: a new session type never fails the call that minted the secret.
 *
 * @param type the session's {@code type}, empty if the server sent none
 * @param fields every field of the session object other than {@code type}, as plain JSON values
 */
public record UnknownSessionDetails(String type, Map<String, Object> fields) implements SessionDetails {

    /**
     * Creates the session, deep-copying {@code fields}.
     *
     * @param type the session's {@code type}, empty if the server sent none
     * @param fields every field of the session object other than {@code type}, as plain JSON values
     * @throws dev.realtimesessions.ValidationException if a component is null or not JSON
     */
    public UnknownSessionDetails {
        Checks.notNull("session.type", type);
        fields = JsonValues.copyObject("session", Checks.notNull("session", fields));
    }
}
