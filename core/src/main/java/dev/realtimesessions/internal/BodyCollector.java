package dev.realtimesessions.internal;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Copies a response body out of Netty's buffers as it arrives, refusing to hold more than the cap:
 * an oversized body fails as soon as the cap is passed, without being buffered whole.
 */
final class BodyCollector {

    private final int maxBytes;
    private byte[] bytes;
    private int length;

    BodyCollector(int maxBytes, long declaredLength) {
        this.maxBytes = maxBytes;
        this.bytes = new byte[(int) Math.max(256, Math.min(declaredLength, maxBytes))];
    }

    BodyCollector append(ByteBuf chunk) {
        int readable = chunk.readableBytes();
        if ((long) length + readable > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        if (length + readable > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(maxBytes, Math.max((long) bytes.length * 2, length + readable)));
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

    /** The body passed {@code maxResponseBytes}. */
    static final class BodyTooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException(int maxBytes) {
            super("the response body is larger than maxResponseBytes (" + maxBytes + " bytes)", null, false, false);
        }
    }
}
