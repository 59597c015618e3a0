package dev.realtimesessions;

/**
 * The request could not be sent or its answer not received: the connection was refused, reset or
 * closed early, TLS failed, or the client's connection pool refused to queue more calls.
 *
 * <p>Connection failures are retried by the default {@link RetryPolicy}, except a full pool wait
 * queue, which is a local overload that a retry would only make worse. The cause holds the
 * underlying transport error.
 */
public final class ApiConnectionException extends RealtimeSessionsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates a connection error.
     *
     * @param message what failed and where
     * @param cause the transport error
     */
    public ApiConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
