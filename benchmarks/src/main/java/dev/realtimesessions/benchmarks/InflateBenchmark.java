package dev.realtimesessions.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What asking for gzip costs on a token answer: the GA answer (766 bytes) through Netty's
 * {@code HttpContentDecompressor} (what Reactor Netty's {@code compress(true)} puts in the
 * pipeline) gzip-encoded, against the same answer as it is, and against no decompressor at all.
 * {@link #gzipBytes()} reports the compressed size (the bytes gzip saves on the wire).
 *
 * <pre>taskset -c 0 java -cp "$CP" org.openjdk.jmh.Main InflateBenchmark -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class InflateBenchmark {

    private static final byte[] PLAIN = Payloads.CLIENT_SECRET_RESPONSE;
    private static final byte[] GZIP = gzip(PLAIN);

    private EmbeddedChannel decompressing;
    private EmbeddedChannel plain;

    /** Made by JMH. */
    public InflateBenchmark() {
    }

    /** Makes the channels. */
    @Setup
    public void setUp() {
        decompressing = new EmbeddedChannel(new HttpContentDecompressor(0));
        plain = new EmbeddedChannel();
    }

    /** Closes the channels. */
    @TearDown
    public void tearDown() {
        decompressing.finishAndReleaseAll();
        plain.finishAndReleaseAll();
    }

    /**
     * A gzip answer through the decompressor: the cost of asking for gzip when the server gives it.
     *
     * @return the bytes passed on
     */
    @Benchmark
    public int gzipAnswerThroughDecompressor() {
        return pass(decompressing, GZIP, true);
    }

    /**
     * A plain answer through the decompressor: the cost of asking for gzip when the server does not compress.
     *
     * @return the bytes passed on
     */
    @Benchmark
    public int plainAnswerThroughDecompressor() {
        return pass(decompressing, PLAIN, false);
    }

    /**
     * A plain answer, no decompressor: not asking for gzip.
     *
     * @return the bytes passed on
     */
    @Benchmark
    public int plainAnswerWithoutDecompressor() {
        return pass(plain, PLAIN, false);
    }

    /**
     * The gzip answer's size, against {@link Payloads#CLIENT_SECRET_RESPONSE}'s.
     *
     * @return its length in bytes
     */
    public static int gzipBytes() {
        return GZIP.length;
    }

    private static int pass(EmbeddedChannel channel, byte[] body, boolean gzip) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (gzip) {
            response.headers().set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
        }
        channel.writeInbound(response, new DefaultLastHttpContent(Unpooled.wrappedBuffer(body)));
        int bytes = 0;
        Object message;
        while ((message = channel.readInbound()) != null) {
            if (message instanceof HttpContent content) {
                ByteBuf buffer = content.content();
                bytes += buffer.readableBytes();
            }
            ReferenceCountUtil.release(message);
        }
        return bytes;
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
