package dev.realtimesessions.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/** The one shared Jackson stream factory, and whole-document reading and writing with it. */
final class Json {

    /**
     * Buffers are recycled per thread: reading and writing run on the few long-lived Netty event
     * loops, where a thread-local recycler costs no lock and no allocation per document (Jackson's
     * default pool, a concurrent deque, allocates a node on every release).
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.threadLocalPool())
            .build();

    private Json() {
    }

    /** Serializes {@code value} straight into a pooled buffer; the caller owns the buffer. */
    static <T> ByteBuf write(ByteBufAllocator allocator, T value, BiConsumer<JsonOut, T> writer) {
        ByteBuf buffer = allocator.buffer(512);
        try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(),
                (java.io.OutputStream) new ByteBufOutputStream(buffer))) {
            writer.accept(new JsonOut(generator), value);
        } catch (RuntimeException | Error e) {
            buffer.release();
            throw e;
        }
        return buffer;
    }

    /** Serializes {@code value} to bytes: for a request kept to be sent again ({@link RepeatedRequestJson}), tests and logs. */
    static <T> byte[] writeBytes(T value, BiConsumer<JsonOut, T> writer) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(512);
        try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), bytes)) {
            writer.accept(new JsonOut(generator), value);
        }
        return bytes.toByteArray();
    }

    /**
     * Parses one JSON object document.
     *
     * @throws JsonShapeException if the JSON is well-formed but not an object of the expected shape
     * @throws tools.jackson.core.JacksonException if it is not well-formed JSON
     */
    static <T> T read(byte[] body, int length, String what, Function<JsonIn, T> reader) {
        return read(body, length, () -> what, reader);
    }

    /**
     * Parses one JSON object document; {@code what} names it in the error if it is not an object,
     * and is not called otherwise.
     *
     * @throws JsonShapeException if the JSON is well-formed but not an object of the expected shape
     * @throws tools.jackson.core.JacksonException if it is not well-formed JSON
     */
    static <T> T read(byte[] body, int length, Supplier<String> what, Function<JsonIn, T> reader) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body, 0, length)) {
            return read(parser, what, reader);
        }
    }

    /**
     * Parses one JSON object document from the readable bytes of {@code body}, straight from its
     * array or memory (no copy into an array of its own); the buffer's indexes are left as they were.
     *
     * @throws JsonShapeException if the JSON is well-formed but not an object of the expected shape
     * @throws tools.jackson.core.JacksonException if it is not well-formed JSON
     */
    static <T> T read(ByteBuf body, Supplier<String> what, Function<JsonIn, T> reader) {
        if (body.hasArray()) {
            return read(body.array(), body.arrayOffset() + body.readerIndex(), body.readableBytes(), what, reader);
        }
        int start = body.readerIndex();
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(),
                (java.io.InputStream) new ByteBufInputStream(body))) {
            return read(parser, what, reader);
        } finally {
            body.readerIndex(start);
        }
    }

    private static <T> T read(byte[] body, int offset, int length, Supplier<String> what, Function<JsonIn, T> reader) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body, offset, length)) {
            return read(parser, what, reader);
        }
    }

    private static <T> T read(JsonParser parser, Supplier<String> what, Function<JsonIn, T> reader) {
        JsonIn in = new JsonIn(parser);
        in.beginDocument(what);
        T value = reader.apply(in);
        in.endDocument();
        return value;
    }
}
