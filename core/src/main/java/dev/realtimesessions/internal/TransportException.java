package dev.realtimesessions.internal;

import org.jspecify.annotations.Nullable;

/**
 * An attempt that failed below HTTP, in the transport's words: what went wrong, whether the request
 * can have reached the server, and for an answer cut short, its status and request id. The
 * {@link HttpTransport} turns Reactor Netty's and Netty's exceptions into these; nothing else
 * needs to know those types.
 */
final class TransportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    enum Kind {
        /** No connection within the connect timeout: nothing was sent. */
        CONNECT_TIMEOUT(true),
        /** The connection (or its TLS handshake, or the host's name) failed: nothing was sent. */
        CONNECT_FAILED(true),
        /** The pool's wait queue was full: nothing was sent. */
        POOL_FULL(true),
        /** No pooled connection came free in time: nothing was sent. */
        POOL_TIMEOUT(true),
        /** The server closed the connection before the answer was complete. */
        CLOSED_EARLY(false),
        /** A compressed answer could not be inflated. */
        INFLATE_FAILED(false),
        /** The answer's body passed {@code maxResponseBytes}. */
        BODY_TOO_LARGE(false),
        /** Any other network or protocol failure. */
        NETWORK(false);

        private final boolean beforeSending;

        Kind(boolean beforeSending) {
            this.beforeSending = beforeSending;
        }

        /** Whether a failure of this kind proves the request never left: the server cannot have processed it. */
        boolean beforeSending() {
            return beforeSending;
        }
    }

    private final Kind kind;
    private final int status;
    private final transient @Nullable String requestId;

    TransportException(Kind kind, String message, @Nullable Throwable cause) {
        this(kind, message, cause, 0, null);
    }

    TransportException(Kind kind, String message, @Nullable Throwable cause, int status, @Nullable String requestId) {
        super(message, cause, false, false);
        this.kind = kind;
        this.status = status;
        this.requestId = requestId;
    }

    Kind kind() {
        return kind;
    }

    /** The answer's status when one had arrived, else 0. */
    int status() {
        return status;
    }

    @Nullable String requestId() {
        return requestId;
    }
}
