/**
 * realtime-sessions core: a reactive, non-blocking client that starts OpenAI Realtime sessions
 * without exposing the API key: client secrets, the SDP exchange and call control, GPT-Live.
 *
 * <p>{@code dev.realtimesessions} holds the client and its errors, {@code dev.realtimesessions.model}
 * the request and response records, {@code dev.realtimesessions.webhooks} the verification of
 * OpenAI's webhooks and their events. Everything under {@code dev.realtimesessions.internal} is an
 * implementation detail and is not exported.
 */
module dev.realtimesessions {
    requires transitive reactor.core;
    requires transitive reactor.netty.http;
    requires transitive org.reactivestreams;
    requires transitive reactor.netty.core;
    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.codec.http;
    // Reactor Netty is an automatic module and cannot say what it loads at run time; these are
    // required here so that an application on the module path has them in its module graph.
    requires io.netty.codec.http2;
    requires io.netty.resolver.dns;
    requires io.netty.codec.classes.quic;
    requires io.netty.codec.compression;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires tools.jackson.core;
    requires org.slf4j;
    requires static transitive org.jspecify;

    exports dev.realtimesessions;
    exports dev.realtimesessions.model;
    exports dev.realtimesessions.webhooks;
}
