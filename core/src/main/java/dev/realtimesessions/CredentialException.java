package dev.realtimesessions;

import org.jspecify.annotations.Nullable;

/**
 * The credential a call needs could not be had, so nothing was sent: the API key source or the
 * bearer token source failed, timed out, completed empty, or gave a token that cannot be used.
 * The cause, when there is one, holds the source's own error.
 *
 * <p>Not retried by the call: the next call asks the source again (a failure is never cached).
 * The message never contains a key or a token.
 */
public final class CredentialException extends RealtimeSessionsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates a credential error.
     *
     * @param message what failed and what to check
     * @param cause the source's error, if any
     */
    public CredentialException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
