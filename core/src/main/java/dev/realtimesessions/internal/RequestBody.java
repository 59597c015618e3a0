package dev.realtimesessions.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * How an endpoint's request goes on the wire: its {@code Content-Type} and its bytes. JSON
 * ({@link #json}), a {@code multipart/form-data} form ({@link MultipartFormBody}), or no body at all
 * ({@link #none()}).
 *
 * @param <Q> the request type
 */
interface RequestBody<Q> {

    /**
     * The {@code Content-Type} of this request's body, or null when it has none (then
     * {@link #write} is not called). Called once per attempt, before {@link #write}.
     */
    @Nullable String contentType(Q request);

    /**
     * Serializes {@code request} into a buffer of {@code allocator}; the caller owns the buffer.
     *
     * @param contentType what {@link #contentType} returned for this attempt: a codec whose type
     *     varies per request (a multipart boundary) reads it back from there
     */
    ByteBuf write(ByteBufAllocator allocator, Q request, String contentType);

    /** The body's bytes, as {@link #write} would send them; for a request kept to be sent again, tests, logs and benchmarks. */
    default byte[] toBytes(Q request) {
        String contentType = contentType(request);
        if (contentType == null) {
            return new byte[0];
        }
        ByteBuf buffer = write(UnpooledByteBufAllocator.DEFAULT, request, contentType);
        try {
            return ByteBufUtil.getBytes(buffer);
        } finally {
            buffer.release();
        }
    }

    /** A JSON document written by {@code writer}, as {@code application/json}. */
    static <Q> RequestBody<Q> json(BiConsumer<JsonOut, Q> writer) {
        return new JsonBody<>(writer);
    }

    /** No body: the request is sent with {@code Content-Length: 0} and no {@code Content-Type}. */
    @SuppressWarnings("unchecked")
    static <Q> RequestBody<Q> none() {
        return (RequestBody<Q>) NoBody.INSTANCE;
    }

    /** A JSON document, serialized straight into a pooled buffer. */
    record JsonBody<Q>(BiConsumer<JsonOut, Q> writer) implements RequestBody<Q> {

        static final String APPLICATION_JSON = "application/json";

        @Override
        public String contentType(Q request) {
            return APPLICATION_JSON;
        }

        @Override
        public ByteBuf write(ByteBufAllocator allocator, Q request, String contentType) {
            return Json.write(allocator, request, writer);
        }

        @Override
        public byte[] toBytes(Q request) {
            return Json.writeBytes(request, writer);
        }
    }

    /** No body. */
    enum NoBody implements RequestBody<Object> {
        INSTANCE;

        @Override
        public @Nullable String contentType(Object request) {
            return null;
        }

        @Override
        public ByteBuf write(ByteBufAllocator allocator, Object request, String contentType) {
            return Unpooled.EMPTY_BUFFER;
        }
    }
}
