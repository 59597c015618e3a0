/**
 * An embedded stand-in for OpenAI's Realtime API on loopback, for offline examples and tests:
 * {@link dev.realtimesessions.local.LocalRealtimeEndpoint}.
 */
module dev.realtimesessions.local {
    requires transitive reactor.core;
    requires org.reactivestreams;
    requires reactor.netty.core;
    requires reactor.netty.http;
    requires io.netty.buffer;
    requires io.netty.codec.http;
    // Reactor Netty is an automatic module and cannot say what it loads; name it here so that the
    // module graph holds it.
    requires io.netty.codec.http2;
    requires io.netty.resolver.dns;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires tools.jackson.dataformat.yaml;
    requires static transitive org.jspecify;

    exports dev.realtimesessions.local;
}
