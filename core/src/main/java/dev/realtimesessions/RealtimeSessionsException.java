package dev.realtimesessions;

import org.jspecify.annotations.Nullable;

/**
 * The base of every error this library reports. Unchecked: a {@code Mono} returned by
 * {@link RealtimeSessions} fails with one of its subclasses, never with a raw Netty or Jackson
 * exception.
 *
 * <ul>
 *   <li>{@link ApiException} and its subclasses: the API answered with an error status.</li>
 *   <li>{@link ApiConnectionException}: the request could not be sent or the answer not received.</li>
 *   <li>{@link ApiTimeoutException}: an attempt or the whole call ran out of time.</li>
 *   <li>{@link ResponseDecodingException}: an answer was malformed, not JSON, or too large.</li>
 *   <li>{@link ValidationException}: the caller's input was structurally wrong; nothing was sent.</li>
 *   <li>{@link CredentialException}: the API key or bearer token source could not give a usable
 *       credential; nothing was sent.</li>
 * </ul>
 *
 * <p>When retries run out, the last failure is thrown and the earlier attempts' failures are
 * attached to it as {@linkplain Throwable#getSuppressed() suppressed} exceptions. Messages never
 * contain the API key or a client secret.
 */
public class RealtimeSessionsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message a person can act on.
     *
     * @param message what went wrong and, where possible, what to do about it
     * @param cause the underlying failure, if any
     */
    public RealtimeSessionsException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates an exception with a message a person can act on.
     *
     * @param message what went wrong and, where possible, what to do about it
     */
    public RealtimeSessionsException(String message) {
        super(message);
    }
}
