package dev.realtimesessions.internal;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import org.jspecify.annotations.Nullable;

/**
 * A complete HTTP answer: status, headers, and the body bytes (the first {@code length} bytes of
 * {@code body}), already decompressed and within the size cap.
 */
record RawResponse(int status, HttpHeaders headers, byte[] body, int length) {

    private static final AsciiString REQUEST_ID = AsciiString.cached("x-request-id");

    @Nullable String requestId() {
        return requestId(headers);
    }

    /** The answer's {@code x-request-id}, read only where a message or a listener needs it. */
    static @Nullable String requestId(HttpHeaders headers) {
        return headers.get(REQUEST_ID);
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
