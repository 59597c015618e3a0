package dev.realtimesessions;

/**
 * A call ran out of time: connecting took longer than the connect timeout, an attempt got no
 * complete answer within the attempt timeout, or all attempts and the waits between them outlived
 * the overall deadline.
 *
 * <p>An attempt that times out is retried like a connection error while the overall deadline
 * allows; when the overall deadline passes the call fails with this exception at once, with the
 * earlier attempts' failures attached as suppressed exceptions.
 */
public final class ApiTimeoutException extends RealtimeSessionsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates a timeout error.
     *
     * @param message which timeout passed, and its length
     */
    public ApiTimeoutException(String message) {
        super(message);
    }

    /**
     * Creates a timeout error with its transport cause.
     *
     * @param message which timeout passed, and its length
     * @param cause the transport's timeout error
     */
    public ApiTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
