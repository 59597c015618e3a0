package dev.realtimesessions.internal;

import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;

/**
 * A complete HTTP answer: status, headers, and the body bytes (the first {@code length} bytes of
 * {@code body}), already decompressed and within the size cap.
 */
record RawResponse(int status, HttpHeaders headers, byte[] body, int length) {

    @Nullable String requestId() {
        return headers.get("x-request-id");
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
