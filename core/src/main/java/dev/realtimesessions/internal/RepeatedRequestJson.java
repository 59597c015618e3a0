package dev.realtimesessions.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of a request a client sends again and again, kept: an application that mints every
 * session from one configuration object has it serialized once, and a retry is not serialized
 * again. Requests are immutable records, so the same instance always writes the same bytes; this
 * compares instances, never contents.
 *
 * <p>A request is kept once it is written twice in a row, and stays kept until another is; a
 * request written once is serialized as it always was. Two requests that alternate are each
 * serialized every time, as without this.
 *
 * <p>Lock-free, and without a volatile access: both fields are plain. A {@link Kept} is immutable
 * (final fields), so a read that races a write sees a whole one, or an older one; and a stale read
 * of either field only costs a serialization, never a wrong body.
 */
final class RepeatedRequestJson {

    /** The request written last. */
    private @Nullable Object last;
    /** The JSON of a request written twice in a row. */
    private @Nullable Kept kept;

    /** {@code request}'s JSON as {@code body} writes it, in a buffer of {@code allocator}, the caller's to release. */
    <Q> ByteBuf write(RequestBody.JsonBody<Q> body, Q request, ByteBufAllocator allocator) {
        Kept known = kept;
        if (known != null && known.request == request && known.body == body) {
            return allocator.buffer(known.json.length).writeBytes(known.json);
        }
        if (last != request) {
            last = request;
            return body.write(allocator, request, RequestBody.JsonBody.APPLICATION_JSON);
        }
        byte[] json = body.toBytes(request);
        kept = new Kept(body, request, json);
        return allocator.buffer(json.length).writeBytes(json);
    }

    /** A request, the body that wrote it, and what it wrote. */
    private record Kept(Object body, Object request, byte[] json) {
    }
}
