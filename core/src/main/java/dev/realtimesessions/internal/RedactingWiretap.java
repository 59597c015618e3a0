package dev.realtimesessions.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.logging.LogLevel;
import io.netty.handler.logging.LoggingHandler;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.netty.NettyPipeline;

/**
 * A Netty wiretap that logs each exchange's bytes as text at DEBUG under
 * {@code dev.realtimesessions.wiretap}, with every secret masked by {@link Redactor}. Placed right
 * after TLS, where the bytes are plain text.
 *
 * <p>A secret can arrive split across reads (a slow or chunked answer), or be interrupted by
 * HTTP/1.1 chunk framing; each direction of a channel therefore remembers the end of the text it
 * last logged, and masks what continues a secret begun there.
 */
@ChannelHandler.Sharable
final class RedactingWiretap extends LoggingHandler {

    static final String LOGGER = "dev.realtimesessions.wiretap";
    private static final String NAME = "realtime-sessions.wiretap";
    static final RedactingWiretap INSTANCE = new RedactingWiretap();

    /**
     * How much of each direction's text is remembered to recognise a secret split across reads:
     * enough for a Microsoft Entra ID token (a JSON Web Token of one to a few thousand characters).
     */
    private static final int CARRY_CHARS = 4096;
    private static final AttributeKey<String> READ_CARRY = AttributeKey.valueOf("realtime-sessions.wiretap.read");
    private static final AttributeKey<String> WRITE_CARRY = AttributeKey.valueOf("realtime-sessions.wiretap.write");

    /** HTTP/1.1 chunk framing ({@code \r\n<size>[;ext]\r\n}) that may interrupt a secret in the raw bytes. */
    private static final String FRAMING = "(?:\\r\\n[0-9A-Fa-f]{1,8}(?:;[^\\r\\n]*)?\\r\\n)";
    private static final Pattern SECRETS = Redactor.secrets(FRAMING);

    private RedactingWiretap() {
        super(LOGGER, LogLevel.DEBUG);
    }

    /**
     * Installs the wiretap when asked to, and in place of Reactor Netty's own wiretap whenever a
     * caller-supplied HTTP client has one, which would log the API key and secrets in clear.
     */
    static void install(ChannelPipeline pipeline, boolean wanted) {
        if (pipeline.get(NettyPipeline.LoggingHandler) != null) {
            pipeline.remove(NettyPipeline.LoggingHandler);
            wanted = true;
        }
        if (!wanted || pipeline.get(NAME) != null) {
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
        String redacted = switch (eventName) {
            case "READ" -> redactContinuing(ctx.channel().attr(READ_CARRY), text);
            case "WRITE" -> redactContinuing(ctx.channel().attr(WRITE_CARRY), text);
            default -> Redactor.redact(text);
        };
        return ctx.channel() + " " + eventName + " " + buffer.readableBytes() + "B\n" + redacted;
    }

    /**
     * Masks the secrets in {@code text}, reading it as the continuation of the text remembered in
     * {@code carry}: a secret begun there has its rest masked here.
     */
    static String redactContinuing(Attribute<String> carry, String text) {
        String tail = carry.get();
        String combined = tail == null ? text : tail + text;
        int offset = combined.length() - text.length();
        carry.set(combined.substring(Math.max(0, combined.length() - CARRY_CHARS)));
        Matcher matcher = SECRETS.matcher(combined);
        StringBuilder result = new StringBuilder(text.length());
        int copied = offset;
        while (matcher.find()) {
            if (matcher.end() <= offset) {
                continue;
            }
            int maskFrom = Math.max(Math.max(Redactor.prefixEnd(matcher), offset), copied);
            result.append(combined, copied, maskFrom).append("***");
            copied = matcher.end();
        }
        return result.append(combined, copied, combined.length()).toString();
    }
}
