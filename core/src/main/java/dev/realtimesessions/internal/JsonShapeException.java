package dev.realtimesessions.internal;

/** A response body whose JSON is well-formed but not the shape expected; becomes a decoding error. */
final class JsonShapeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    JsonShapeException(String message) {
        super(message, null, false, false);
    }
}
