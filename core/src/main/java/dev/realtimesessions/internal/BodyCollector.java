package dev.realtimesessions.internal;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Arrays;

/**
 * Copies a response body out of Netty's buffers as it arrives, refusing to hold more than the cap:
 * an oversized body fails as soon as the cap is passed, without being buffered whole.
 */
final class BodyCollector {

    /** The least room made for a body, so that small chunks do not grow the array a few bytes at a time. */
    private static final int MIN_CAPACITY = 256;

    private static final byte[] NO_BYTES = new byte[0];

    private final int maxBytes;
    private final int status;
    private final HttpHeaders headers;
    private byte[] bytes;
    private int length;

    BodyCollector(int maxBytes, long declaredLength, int status, HttpHeaders headers) {
        this.maxBytes = maxBytes;
        this.status = status;
        this.headers = headers;
        // of unknown length (chunked, or inflated from a compressed answer), made at the first chunk and sized by it
        this.bytes = declaredLength < 0 ? NO_BYTES : new byte[(int) Math.max(MIN_CAPACITY, Math.min(declaredLength, maxBytes))];
    }

    BodyCollector append(ByteBuf chunk) {
        int readable = chunk.readableBytes();
        if ((long) length + readable > maxBytes) {
            throw tooLarge(maxBytes, status, headers, false);
        }
        if (length + readable > bytes.length) {
            long room = Math.max(Math.max(MIN_CAPACITY, (long) bytes.length * 2), length + readable);
            bytes = Arrays.copyOf(bytes, (int) Math.min(maxBytes, room));
        }
        chunk.getBytes(chunk.readerIndex(), bytes, length, readable);
        length += readable;
        return this;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /**
     * The failure of a body past {@code maxBytes}; with {@code inflating}, the cap was passed while
     * inflating a compressed body.
     */
    static TransportException tooLarge(int maxBytes, int status, HttpHeaders headers, boolean inflating) {
        return new TransportException(TransportException.Kind.BODY_TOO_LARGE, "the HTTP " + status + " answer's body "
                + (inflating ? "inflates past" : "is larger than") + " maxResponseBytes (" + maxBytes + " bytes)", null,
                status, RawResponse.requestId(headers));
    }
}
