package dev.realtimesessions.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.logging.LogLevel;
import io.netty.handler.logging.LoggingHandler;
import java.nio.charset.StandardCharsets;
import reactor.netty.NettyPipeline;

/**
 * A Netty wiretap that logs each exchange's bytes as text at DEBUG under
 * {@code dev.realtimesessions.wiretap}, with every secret masked by {@link Redactor}. Placed right
 * after TLS, where the bytes are plain text.
 */
@ChannelHandler.Sharable
final class RedactingWiretap extends LoggingHandler {

    static final String LOGGER = "dev.realtimesessions.wiretap";
    private static final String NAME = "realtime-sessions.wiretap";
    static final RedactingWiretap INSTANCE = new RedactingWiretap();

    private RedactingWiretap() {
        super(LOGGER, LogLevel.DEBUG);
    }

    static void install(ChannelPipeline pipeline) {
        if (pipeline.get(NAME) != null) {
            return;
        }
        if (pipeline.get(NettyPipeline.SslHandler) != null) {
            pipeline.addAfter(NettyPipeline.SslHandler, NAME, INSTANCE);
        } else {
            pipeline.addFirst(NAME, INSTANCE);
        }
    }

    @Override
    protected String format(ChannelHandlerContext ctx, String eventName, Object arg) {
        if (arg instanceof ByteBuf buffer) {
            return describe(ctx, eventName, buffer);
        }
        if (arg instanceof ByteBufHolder holder) {
            return describe(ctx, eventName, holder.content());
        }
        return Redactor.redact(super.format(ctx, eventName, arg));
    }

    @Override
    protected String format(ChannelHandlerContext ctx, String eventName, Object first, Object second) {
        return Redactor.redact(super.format(ctx, eventName, first, second));
    }

    @Override
    protected String format(ChannelHandlerContext ctx, String eventName) {
        return Redactor.redact(super.format(ctx, eventName));
    }

    private static String describe(ChannelHandlerContext ctx, String eventName, ByteBuf buffer) {
        String text = buffer.toString(buffer.readerIndex(), buffer.readableBytes(), StandardCharsets.UTF_8);
        return ctx.channel() + " " + eventName + " " + buffer.readableBytes() + "B\n" + Redactor.redact(text);
    }
}
