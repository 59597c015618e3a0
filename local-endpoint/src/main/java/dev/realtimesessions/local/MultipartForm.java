package dev.realtimesessions.local;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code multipart/form-data} body (RFC 7578) split into its parts, each with its name, its
 * media type and its content. Netty's decoder is not used because it drops the {@code Content-Type}
 * of a part that has no file name, and that type is what OpenAI checks ({@code sdp} must be
 * {@code application/sdp}, {@code session} {@code application/json}).
 */
final class MultipartForm {

    final List<Part> parts;

    private MultipartForm(List<Part> parts) {
        this.parts = parts;
    }

    /** A body that is not a well-formed multipart form; the message says what is wrong. */
    static final class MalformedFormException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        MalformedFormException(String message) {
            super(message);
        }
    }

    /**
     * One part.
     *
     * @param name the {@code name} of its {@code Content-Disposition}
     * @param mediaType its {@code Content-Type} without parameters, lower case; {@code text/plain}
     *     when it has none (RFC 7578, section 4.4)
     * @param content its content as UTF-8 text
     */
    record Part(String name, String mediaType, String content) {}

    /** The parts named {@code name}, in order. */
    List<Part> named(String name) {
        return parts.stream().filter(part -> part.name().equals(name)).toList();
    }

    /** The boundary of a {@code multipart/form-data} content type, if it is one. */
    static Optional<String> boundary(@Nullable String contentType) {
        if (contentType == null || !mediaType(contentType).equals("multipart/form-data")) {
            return Optional.empty();
        }
        return parameter(contentType, "boundary").filter(boundary -> !boundary.isEmpty());
    }

    static MultipartForm parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int start = indexOf(body, delimiter, 0);
        if (start < 0) {
            throw new MalformedFormException("The multipart body has no boundary line '--" + boundary + "'.");
        }
        List<Part> parts = new ArrayList<>();
        int position = start + delimiter.length;
        while (true) {
            if (startsWith(body, position, "--")) {
                return new MultipartForm(List.copyOf(parts));
            }
            position = skipLineBreak(body, position);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), position);
            if (headersEnd < 0) {
                throw new MalformedFormException("A part of the multipart body has no blank line after its headers.");
            }
            String headers = new String(body, position, headersEnd - position, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            int contentEnd = indexOf(body, next, contentStart);
            if (contentEnd < 0) {
                throw new MalformedFormException("The multipart body ends without its closing boundary '--"
                        + boundary + "--'.");
            }
            parts.add(part(headers, new String(body, contentStart, contentEnd - contentStart, StandardCharsets.UTF_8)));
            position = contentEnd + next.length;
        }
    }

    private static Part part(String headers, String content) {
        String disposition = null;
        String type = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-disposition")) {
                disposition = value;
            } else if (name.equals("content-type")) {
                type = value;
            }
        }
        if (disposition == null || !mediaType(disposition).equals("form-data")) {
            throw new MalformedFormException("A part of the multipart body has no 'Content-Disposition: form-data'.");
        }
        String name = parameter(disposition, "name").orElseThrow(() ->
                new MalformedFormException("A part of the multipart body has no name in its Content-Disposition."));
        return new Part(name, type == null ? "text/plain" : mediaType(type), content);
    }

    /** The media type of a header value, without its parameters, lower case. */
    static String mediaType(String value) {
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static Optional<String> parameter(String value, String name) {
        for (String parameter : value.split(";")) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase(name)) {
                String raw = parameter.substring(equals + 1).trim();
                return Optional.of(raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")
                        ? raw.substring(1, raw.length() - 1) : raw);
            }
        }
        return Optional.empty();
    }

    private static int skipLineBreak(byte[] body, int position) {
        if (startsWith(body, position, "\r\n")) {
            return position + 2;
        }
        throw new MalformedFormException("A boundary line of the multipart body is not followed by CRLF.");
    }

    private static boolean startsWith(byte[] body, int position, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return position + bytes.length <= body.length
                && Arrays.equals(body, position, position + bytes.length, bytes, 0, bytes.length);
    }

    private static int indexOf(byte[] body, byte[] target, int from) {
        outer:
        for (int i = from; i <= body.length - target.length; i++) {
            for (int j = 0; j < target.length; j++) {
                if (body[i + j] != target[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
