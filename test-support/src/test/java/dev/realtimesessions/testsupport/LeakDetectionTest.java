package dev.realtimesessions.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which leak reports fail a test class. */
class LeakDetectionTest {

    private static final String DECODED_BY_THE_CLIENT = """
            LEAK: ByteBuf
            #1:
            \tio.netty.buffer.AdvancedLeakAwareByteBuf.indexOf(AdvancedLeakAwareByteBuf.java:653)
            \tio.netty.handler.codec.http.HttpObjectDecoder$HeaderParser.parse(HttpObjectDecoder.java:1315)
            \tio.netty.handler.codec.http.HttpClientCodec$Decoder.decode(HttpClientCodec.java:320)
            #2:
            \tHint: 'reactor.left.httpCodec' will handle the message from this point.
            Created at:
            \tio.netty.buffer.AdaptiveByteBufAllocator.newDirectBuffer(AdaptiveByteBufAllocator.java:67)
            \tio.netty.channel.epoll.AbstractEpollStreamChannel$EpollStreamUnsafe.epollInReady(AbstractEpollStreamChannel.java:789)
            """;

    @Test
    void aResponseBufferOnlyReactorNettyHandledIsUpstreams() {
        assertThat(LeakDetection.isUpstreamClientReceiveLeak(DECODED_BY_THE_CLIENT)).isTrue();
    }

    @Test
    void aResponseBufferThisProjectTouchedFails() {
        String touched = DECODED_BY_THE_CLIENT.replace("#2:", """
                #2:
                \tio.netty.buffer.AdvancedLeakAwareByteBuf.getBytes(AdvancedLeakAwareByteBuf.java:240)
                \tdev.realtimesessions.internal.BodyCollector.append(BodyCollector.java:35)
                #3:""");
        assertThat(LeakDetection.isUpstreamClientReceiveLeak(touched)).isFalse();
    }

    @Test
    void aBufferTheServerSideDecodedFails() {
        String server = DECODED_BY_THE_CLIENT.replace("HttpClientCodec$Decoder", "HttpServerCodec$HttpServerRequestDecoder");
        assertThat(LeakDetection.isUpstreamClientReceiveLeak(server)).isFalse();
    }
}
