package dev.realtimesessions.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A loopback HTTP server that misbehaves on request: each test queues the {@link Behaviour}s the
 * next requests get (one each, in order), and sets what every request gets once the queue is empty
 * ({@link #otherwise(Behaviour)}, by default {@link #ok()}). It counts attempts, records what it
 * received, tracks requests in flight and connections the client closed. Runs on its own event
 * loops, so the client's threads can be told apart from the server's.
 */
public final class HostileServer implements AutoCloseable {

    /** How the server answers one request. */
    @FunctionalInterface
    public interface Behaviour {
        Publisher<Void> respond(HttpServerRequest request, HttpServerResponse response);
    }

    /** What one request carried. */
    public record Received(String uri, HttpHeaders headers, String body) {
    }

    public static final String SECRET = Fixtures.SECRET;
    public static final String SESSION_JSON = Fixtures.SESSION_JSON;

    private static final byte[] FILLER = filler(64 * 1024);
    /**
     * The filler, off heap and never freed: written as is, with no copy into a pooled direct buffer
     * (allocator contention there parks the event loop now and then, which BlockHound reports).
     */
    private static final ByteBuf DIRECT_FILLER = Unpooled.unreleasableBuffer(
            Unpooled.directBuffer(FILLER.length).writeBytes(FILLER)).asReadOnly();

    private final LoopResources loops = LoopResources.create("hostile", 2, true);
    private final DisposableServer server;
    private final Queue<Behaviour> script = new ConcurrentLinkedQueue<>();
    private volatile Behaviour otherwise = ok();
    private volatile boolean recording = true;
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger connectionsClosed = new AtomicInteger();
    private final AtomicLong bodyBytesProduced = new AtomicLong();

    private HostileServer() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .runOn(loops)
                .option(ChannelOption.SO_BACKLOG, 8192)
                .doOnConnection(connection -> {
                    connections.incrementAndGet();
                    connection.onDispose(connectionsClosed::incrementAndGet);
                })
                .handle(this::handle)
                .bindNow(Duration.ofSeconds(10));
    }

    public static HostileServer start() {
        return new HostileServer();
    }

    /** The base URL to give the client. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    /** Queues behaviours for the next requests, one each. */
    public HostileServer enqueue(Behaviour... behaviours) {
        script.addAll(List.of(behaviours));
        return this;
    }

    /** What every request gets once the queue is empty. */
    public HostileServer otherwise(Behaviour behaviour) {
        this.otherwise = behaviour;
        return this;
    }

    /** Stops recording headers and bodies (for load tests); counting goes on. */
    public HostileServer withoutRecording() {
        this.recording = false;
        return this;
    }

    /** Requests received so far. */
    public int attempts() {
        return attempts.get();
    }

    /** What each request carried, in order of arrival (while recording). */
    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int peakInFlight() {
        return peakInFlight.get();
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Connections closed so far (by either side). */
    public int connectionsClosed() {
        return connectionsClosed.get();
    }

    /** Body bytes the oversized-body behaviours handed to Netty before the client went away. */
    public long bodyBytesProduced() {
        return bodyBytesProduced.get();
    }

    private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        attempts.incrementAndGet();
        int now = inFlight.incrementAndGet();
        peakInFlight.accumulateAndGet(now, Math::max);
        Behaviour behaviour = script.poll();
        Behaviour chosen = behaviour != null ? behaviour : otherwise;
        HttpHeaders headers = recording ? new DefaultHttpHeaders().add(request.requestHeaders()) : null;
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                .flatMap(body -> {
                    if (recording) {
                        received.add(new Received(request.uri(), headers, body));
                    }
                    return Mono.from(chosen.respond(request, response));
                })
                .doFinally(signal -> inFlight.decrementAndGet());
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(10));
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
    }

    // ---------------------------------------------------------------- behaviours

    /** 200 with a session holding {@link #SECRET}. */
    public static Behaviour ok() {
        return json(200, SESSION_JSON);
    }

    /** Any status with a JSON body and a request id. */
    public static Behaviour json(int status, String json) {
        return (request, response) -> response.status(status)
                .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .header("x-request-id", "req_hostile_" + status)
                .sendString(Mono.just(json)).then();
    }

    /** Any status with OpenAI's error body. */
    public static Behaviour error(int status, String type, String code, String param, String message) {
        return json(status, errorJson(type, code, param, message));
    }

    /** Any status with OpenAI's error body and extra headers ({@code name, value, name, value, ...}). */
    public static Behaviour error(int status, String message, String... headers) {
        Behaviour body = error(status, "server_error", null, null, message);
        return (request, response) -> {
            for (int i = 0; i + 1 < headers.length; i += 2) {
                response.header(headers[i], headers[i + 1]);
            }
            return body.respond(request, response);
        };
    }

    public static String errorJson(String type, String code, String param, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":" + quoted(type) + ",\"param\":" + quoted(param)
                + ",\"code\":" + quoted(code) + "}}";
    }

    /** 429 with {@code retry-after-ms}. */
    public static Behaviour rateLimitedMs(long millis) {
        return error(429, "Rate limit reached.", "retry-after-ms", Long.toString(millis));
    }

    /** 429 with {@code retry-after} in seconds. */
    public static Behaviour rateLimitedSeconds(long seconds) {
        return error(429, "Rate limit reached.", "retry-after", Long.toString(seconds));
    }

    /** The HTML page a proxy in front of the API sends when the upstream fails. */
    public static Behaviour htmlBadGateway() {
        return (request, response) -> response.status(HttpResponseStatus.BAD_GATEWAY)
                .header(HttpHeaderNames.CONTENT_TYPE, "text/html")
                .header(HttpHeaderNames.SERVER, "nginx")
                .sendString(Mono.just("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                        + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"))
                .then();
    }

    /** Resets the connection (RST) without answering. */
    public static Behaviour reset() {
        return (request, response) -> Mono.fromRunnable(() -> response.withConnection(connection -> {
            connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            connection.channel().close();
        }));
    }

    /** Sends the status line and headers of a 200 promising a body, then nothing, ever. */
    public static Behaviour headersThenStall() {
        return (request, response) -> response.status(200)
                .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .header(HttpHeaderNames.CONTENT_LENGTH, "1000")
                .sendHeaders().then().then(Mono.never());
    }

    /** Sends a 200 promising 1000 bytes of body, the first 40 of them, then nothing, ever. */
    public static Behaviour partOfTheBodyThenStall() {
        return (request, response) -> response.status(200)
                .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .header(HttpHeaderNames.CONTENT_LENGTH, "1000")
                .send(Mono.just(Unpooled.wrappedBuffer(SESSION_JSON.substring(0, 40).getBytes(StandardCharsets.UTF_8))),
                        piece -> true)
                .then().then(Mono.never());
    }

    /**
     * Promises 1000 bytes of body, sends fewer, and closes the connection. Written as raw bytes
     * past the HTTP encoder, which would otherwise finish the message properly.
     */
    public static Behaviour truncatedBody() {
        byte[] raw = ("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n"
                + SESSION_JSON.substring(0, 40)).getBytes(StandardCharsets.US_ASCII);
        return (request, response) -> {
            response.withConnection(connection -> connection.channel().pipeline().firstContext()
                    .writeAndFlush(Unpooled.wrappedBuffer(raw))
                    .addListener(ChannelFutureListener.CLOSE));
            return Mono.never();
        };
    }

    /** A 200 whose body is the given text, as the given content type. */
    public static Behaviour body(int status, String contentType, String text) {
        return (request, response) -> {
            if (contentType != null) {
                response.header(HttpHeaderNames.CONTENT_TYPE, contentType);
            }
            return response.status(status).header("x-request-id", "req_hostile_body")
                    .sendString(Mono.just(text)).then();
        };
    }

    /** A 200 with JSON cut off in the middle. */
    public static Behaviour malformedJson() {
        return body(200, "application/json", SESSION_JSON.substring(0, SESSION_JSON.length() / 2));
    }

    /** A 200 that is not JSON at all. */
    public static Behaviour notJson() {
        return body(200, "text/plain", "upstream says: all good");
    }

    /** A 200 with an empty body. */
    public static Behaviour emptyBody() {
        return (request, response) -> response.status(200)
                .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .header(HttpHeaderNames.CONTENT_LENGTH, "0").send();
    }

    /**
     * A 200 with a body of {@code bytes} bytes of JSON whitespace-padded filler, streamed in 64 KiB
     * chunks produced only as Netty asks for them; with a Content-Length when {@code declareLength},
     * else chunked.
     */
    public Behaviour huge(long bytes, boolean declareLength) {
        return (request, response) -> {
            response.status(200).header(HttpHeaderNames.CONTENT_TYPE, "application/json");
            if (declareLength) {
                response.header(HttpHeaderNames.CONTENT_LENGTH, Long.toString(bytes));
            }
            long chunks = bytes / FILLER.length;
            Flux<ByteBuf> body = Flux.range(0, (int) chunks)
                    .map(i -> DIRECT_FILLER.duplicate())
                    .doOnNext(chunk -> bodyBytesProduced.addAndGet(chunk.readableBytes()));
            return response.send(body, chunk -> true).then();
        };
    }

    /** A 200 with the JSON gzip-encoded ({@code content-encoding: gzip}). */
    public static Behaviour gzip(String json) {
        byte[] compressed = gzipBytes(json.getBytes(StandardCharsets.UTF_8), 1);
        return gzipped(compressed);
    }

    /** A small gzip body that inflates to {@code bytes} bytes: a decompression bomb. */
    public static Behaviour gzipBomb(int bytes) {
        return gzipped(gzipBytes(FILLER, bytes / FILLER.length));
    }

    private static Behaviour gzipped(byte[] compressed) {
        return (request, response) -> response.status(200)
                .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .header(HttpHeaderNames.CONTENT_ENCODING, "gzip")
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(compressed.length))
                .sendByteArray(Mono.just(compressed)).then();
    }

    /** A 200 with the JSON sent with chunked transfer encoding, in pieces of {@code pieceLength}, each flushed. */
    public static Behaviour chunked(String json, int pieceLength, Duration pause) {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < json.length(); i += pieceLength) {
            pieces.add(json.substring(i, Math.min(json.length(), i + pieceLength)));
        }
        return (request, response) -> response.status(200)
                .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .send(Flux.fromIterable(pieces).delayElements(pause)
                        .map(piece -> Unpooled.wrappedBuffer(piece.getBytes(StandardCharsets.UTF_8))), piece -> true)
                .then();
    }

    /** Answers with the behaviour after a pause, from the connection's event loop. */
    public static Behaviour delay(Duration pause, Behaviour then) {
        return (request, response) -> Mono.<Void>create(sink -> response.withConnection(connection -> {
            Runnable answer = sink::success;
            var timer = connection.channel().eventLoop().schedule(answer, pause.toNanos(), TimeUnit.NANOSECONDS);
            sink.onDispose(() -> timer.cancel(false));
        })).then(Mono.defer(() -> Mono.from(then.respond(request, response))));
    }

    /** Holds the answer until {@code release} completes, then answers with {@code then} from the connection's event loop. */
    public static Behaviour holdUntil(Mono<?> release, Behaviour then) {
        return (request, response) -> release.then(Mono.<Void>create(sink -> response.withConnection(connection ->
                        connection.channel().eventLoop().execute((Runnable) sink::success))))
                .then(Mono.defer(() -> Mono.from(then.respond(request, response))));
    }

    /**
     * Fails the given fraction of requests at random, as a 500 with OpenAI's error body, an HTML 502
     * from a proxy, a 429 with {@code retry-after-ms}, a connection reset, or a body cut short by a
     * close; otherwise answers {@code then}.
     */
    public static Behaviour randomFaults(double fraction, Behaviour then, AtomicInteger faults) {
        Behaviour[] kinds = {error(500, "server_error", null, null, "The server had an error."), htmlBadGateway(),
                rateLimitedMs(5), reset(), truncatedBody()};
        return (request, response) -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            if (random.nextDouble() < fraction) {
                faults.incrementAndGet();
                return kinds[random.nextInt(kinds.length)].respond(request, response);
            }
            return then.respond(request, response);
        };
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static byte[] filler(int length) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) ' ');
        bytes[0] = '[';
        return bytes;
    }

    private static byte[] gzipBytes(byte[] content, int times) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                for (int i = 0; i < times; i++) {
                    gzip.write(content);
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
