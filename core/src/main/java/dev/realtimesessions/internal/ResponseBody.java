package dev.realtimesessions.internal;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How an endpoint reads a successful answer, and the {@code Accept} it asks for: JSON
 * ({@link #json}), an SDP answer with the {@code Location} of what it created ({@link #sdpAnswer}),
 * or nothing at all ({@link #none()}). A reader checks only what the caller cannot do without.
 *
 * @param <R> the response type
 */
interface ResponseBody<R> {

    /** The {@code Accept} header the endpoint sends. */
    String accept();

    /**
     * Reads a 2xx answer.
     *
     * @param what names the answer in an error message; called only for an error
     * @throws ResponseShapeException when the answer lacks what the caller needs (a JSON reader
     *     throws {@code JsonShapeException}, Jackson's {@code JacksonException} or
     *     {@code ValidationException} instead)
     */
    R read(RawResponse response, Supplier<String> what);

    /** A JSON object read by {@code reader}, positioned inside the top-level object. */
    static <R> ResponseBody<R> json(Function<JsonIn, R> reader) {
        return new JsonAnswer<>(reader);
    }

    /**
     * An {@code application/sdp} answer: the SDP text, and the last path segment of the
     * {@code Location} header (the id of what was created), given to {@code answer}.
     */
    static <R> ResponseBody<R> sdpAnswer(BiFunction<String, String, R> answer) {
        return new SdpAnswer<>(answer);
    }

    /** An answer whose body, if any, is ignored. */
    static ResponseBody<NoContent> none() {
        return Ignored.INSTANCE;
    }

    /** The value of an answer without content. */
    enum NoContent {
        /** The answer came. */
        INSTANCE
    }

    /** A JSON object. */
    record JsonAnswer<R>(Function<JsonIn, R> reader) implements ResponseBody<R> {
        @Override
        public String accept() {
            return RequestBody.JsonBody.APPLICATION_JSON;
        }

        @Override
        public R read(RawResponse response, Supplier<String> what) {
            return Json.read(response.body(), what, reader);
        }
    }

    /** An SDP answer and the id at the end of its {@code Location}. */
    record SdpAnswer<R>(BiFunction<String, String, R> answer) implements ResponseBody<R> {
        @Override
        public String accept() {
            return "application/sdp";
        }

        @Override
        public R read(RawResponse response, Supplier<String> what) {
            String sdp = response.text(Integer.MAX_VALUE);
            if (sdp.isBlank()) {
                throw new ResponseShapeException(what.get() + " has no SDP answer in its body");
            }
            String id = lastSegment(response.headers().get(HttpHeaderNames.LOCATION));
            if (id == null) {
                throw new ResponseShapeException(what.get() + " has no Location header ending in the id of what it created");
            }
            return answer.apply(sdp, id);
        }

        /** The last segment of a URL's path ({@code rtc_1} of {@code /v1/realtime/calls/rtc_1?x=y}), or null if it has none. */
        static @Nullable String lastSegment(@Nullable String location) {
            if (location == null) {
                return null;
            }
            String path = location.strip();
            int end = path.length();
            for (int i = 0; i < path.length(); i++) {
                if (path.charAt(i) == '?' || path.charAt(i) == '#') {
                    end = i;
                    break;
                }
            }
            int pathStart = 0;
            int scheme = path.indexOf("://");
            if (scheme >= 0 && scheme < end) {
                pathStart = path.indexOf('/', scheme + 3);
                if (pathStart < 0 || pathStart >= end) {
                    return null;
                }
            }
            while (end > pathStart && path.charAt(end - 1) == '/') {
                end--;
            }
            String segment = path.substring(Math.max(pathStart, path.lastIndexOf('/', end - 1) + 1), end);
            return segment.isEmpty() ? null : segment;
        }
    }

    /** An answer whose body does not matter. */
    enum Ignored implements ResponseBody<NoContent> {
        INSTANCE;

        @Override
        public String accept() {
            return RequestBody.JsonBody.APPLICATION_JSON;
        }

        @Override
        public NoContent read(RawResponse response, Supplier<String> what) {
            return NoContent.INSTANCE;
        }
    }
}
