package dev.realtimesessions.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/** One attempt's request as the {@link HttpTransport} sends it: a POST to a URL, with headers and a body. */
interface OutgoingRequest {

    /**
     * The full URL, parsed once: Reactor Netty takes a {@link URI} as it is, where it would parse a
     * string with a regular expression on every request.
     */
    URI url();

    /** Sets every header of the request; called once, when a connection is ready for it. */
    void writeHeaders(HttpHeaders headers);

    /**
     * The body, serialized only when the connection is about to write it (so that a request
     * cancelled before then holds no buffer); the transport owns the buffer. Null for no body.
     */
    @Nullable ByteBuf writeBody(ByteBufAllocator allocator);
}
