/**
 * realtime-sessions core: a reactive, non-blocking client that mints OpenAI Realtime client secrets.
 *
 * <p>{@code dev.realtimesessions} holds the client and its errors, {@code dev.realtimesessions.model}
 * the request and response records. Everything under {@code dev.realtimesessions.internal} is an
 * implementation detail and is not exported.
 */
module dev.realtimesessions {
    requires transitive reactor.core;
    requires transitive reactor.netty.http;
    requires transitive org.reactivestreams;
    requires reactor.netty.core;
    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.codec.compression;
    requires io.netty.codec.http;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires tools.jackson.core;
    requires org.slf4j;
    requires static transitive org.jspecify;

    exports dev.realtimesessions;
    exports dev.realtimesessions.model;
}
