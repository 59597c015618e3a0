package dev.realtimesessions.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@code multipart/form-data} body (RFC 7578): one part per field, each with its own
 * {@code Content-Type}, in the order declared; a field whose value is null for a request is left
 * out. Each attempt gets a new boundary of 32 random letters and digits, so that no content, even
 * content chosen by whoever supplies it, can end a part early or forge another.
 *
 * <pre>{@code
 * MultipartFormBody.<CallRequest>builder()
 *     .text("sdp", "application/sdp", CallRequest::sdp)
 *     .json("session", CallRequest::session, SessionJson::write)   // left out when null
 *     .build();
 * }</pre>
 *
 * @param <Q> the request type
 */
final class MultipartFormBody<Q> implements RequestBody<Q> {

    private static final String TYPE = "multipart/form-data; boundary=";
    private static final int BOUNDARY_LENGTH = 32;
    private static final String BOUNDARY_CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private final List<Part<Q>> parts;

    private MultipartFormBody(List<Part<Q>> parts) {
        this.parts = List.copyOf(parts);
    }

    static <Q> Builder<Q> builder() {
        return new Builder<>();
    }

    /** {@code multipart/form-data} with a new random boundary. */
    @Override
    public String contentType(Q request) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder type = new StringBuilder(TYPE.length() + BOUNDARY_LENGTH).append(TYPE);
        for (int i = 0; i < BOUNDARY_LENGTH; i++) {
            type.append(BOUNDARY_CHARACTERS.charAt(random.nextInt(BOUNDARY_CHARACTERS.length())));
        }
        return type.toString();
    }

    @Override
    public ByteBuf write(ByteBufAllocator allocator, Q request, String contentType) {
        String delimiter = "--" + contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
        ByteBuf out = allocator.buffer(512);
        try {
            for (Part<Q> part : parts) {
                part.write(out, allocator, request, delimiter);
            }
            ascii(out, delimiter + "--\r\n");
            return out;
        } catch (RuntimeException | Error e) {
            out.release();
            throw e;
        }
    }

    private static void ascii(ByteBuf out, String text) {
        out.writeCharSequence(text, StandardCharsets.US_ASCII);
    }

    /** One form field: its name and type, and how to encode its value for a request. */
    private abstract static class Part<Q> {
        private final String header;

        Part(String name, String contentType) {
            if (!FIELD_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a plain form field name: " + name);
            }
            this.header = "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\nContent-Type: " + contentType
                    + "\r\n\r\n";
        }

        /** The value's bytes in a buffer of {@code allocator}, or null to leave the field out. */
        abstract @Nullable ByteBuf encode(ByteBufAllocator allocator, Q request);

        final void write(ByteBuf out, ByteBufAllocator allocator, Q request, String delimiter) {
            ByteBuf value = encode(allocator, request);
            if (value == null) {
                return;
            }
            try {
                ascii(out, delimiter + header);
                out.writeBytes(value);
                ascii(out, "\r\n");
            } finally {
                value.release();
            }
        }
    }

    /** Builds a {@link MultipartFormBody}; fields are sent in the order added. */
    static final class Builder<Q> {
        private final List<Part<Q>> parts = new ArrayList<>();

        private Builder() {
        }

        /** A text field, sent as UTF-8; left out when {@code value} gives null. */
        Builder<Q> text(String name, String contentType, Function<Q, @Nullable String> value) {
            parts.add(new Part<>(name, contentType) {
                @Override
                @Nullable ByteBuf encode(ByteBufAllocator allocator, Q request) {
                    String text = value.apply(request);
                    return text == null ? null : ByteBufUtil.writeUtf8(allocator, text);
                }
            });
            return this;
        }

        /** A JSON field ({@code application/json}) written by {@code writer}; left out when {@code value} gives null. */
        <P> Builder<Q> json(String name, Function<Q, @Nullable P> value, BiConsumer<JsonOut, P> writer) {
            parts.add(new Part<>(name, RequestBody.JsonBody.APPLICATION_JSON) {
                @Override
                @Nullable ByteBuf encode(ByteBufAllocator allocator, Q request) {
                    P object = value.apply(request);
                    return object == null ? null : Json.write(allocator, object, writer);
                }
            });
            return this;
        }

        MultipartFormBody<Q> build() {
            return new MultipartFormBody<>(parts);
        }
    }
}
