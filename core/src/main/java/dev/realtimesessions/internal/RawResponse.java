package dev.realtimesessions.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A complete HTTP answer: status, headers, and the body, already decompressed and within the size
 * cap. The body is the buffers Netty received, retained rather than copied: whoever holds the
 * answer reads it and then {@linkplain #release() releases} it, once, on every path.
 */
record RawResponse(int status, HttpHeaders headers, ByteBuf body) {

    private static final AsciiString REQUEST_ID = AsciiString.cached("x-request-id");

    /** An answer over the first {@code length} bytes of {@code body}, which needs no release; for tests and helpers. */
    RawResponse(int status, HttpHeaders headers, byte[] body, int length) {
        this(status, headers, Unpooled.wrappedBuffer(body, 0, length));
    }

    /** The body's length in bytes. */
    int length() {
        return body.readableBytes();
    }

    /** The first {@code maxBytes} bytes of the body as UTF-8 text. */
    String text(int maxBytes) {
        return body.toString(body.readerIndex(), Math.min(maxBytes, body.readableBytes()), StandardCharsets.UTF_8);
    }

    /** Releases the body's buffers; call once, after the last read. */
    void release() {
        body.release();
    }

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
