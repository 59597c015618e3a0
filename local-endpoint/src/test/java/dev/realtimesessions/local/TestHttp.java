package dev.realtimesessions.local;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP on loopback for the tests: a Reactor Netty client, no library code in between. */
final class TestHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String BOUNDARY = "----realtime-sessions-test-boundary";

    private static final HttpClient CLIENT = HttpClient.create(ConnectionProvider.newConnection())
            .responseTimeout(Duration.ofSeconds(20));

    private TestHttp() {
    }

    /** One answer, read whole. */
    record Response(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        /** {@code error.param}, {@code error.code} of OpenAI's error body. */
        String error(String field) {
            return json().path("error").path(field).asString(null);
        }
    }

    /** One part of a multipart form; {@code contentType} null sends none. */
    record Part(String name, @Nullable String contentType, String content) {}

    /** A request being built: its headers, then {@link #post}. */
    static final class Request {
        private final Map<String, String> headers = new LinkedHashMap<>();

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request bearer(String token) {
            return header("authorization", "Bearer " + token);
        }

        Request key() {
            return bearer(LocalRealtimeEndpoint.API_KEY);
        }

        Response post(String url, @Nullable String contentType, byte[] body) {
            return send(url, contentType, body).block(Duration.ofSeconds(30));
        }

        /** The request, sent when subscribed. */
        Mono<Response> send(String url, @Nullable String contentType, byte[] body) {
            return CLIENT.headers(h -> {
                        headers.forEach(h::set);
                        if (contentType != null) {
                            h.set("content-type", contentType);
                        }
                    })
                    .post().uri(url)
                    .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
                    .responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                            .map(text -> new Response(response.status().code(), response.responseHeaders(), text)));
        }

        Response postJson(String url, String json) {
            return post(url, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        Response postEmpty(String url) {
            return post(url, null, new byte[0]);
        }

        Response postForm(String url, Part... parts) {
            return post(url, "multipart/form-data; boundary=" + BOUNDARY, multipart(parts));
        }
    }

    static Request request() {
        return new Request();
    }

    /** A {@code multipart/form-data} body (RFC 7578) with {@link #BOUNDARY}. */
    static byte[] multipart(Part... parts) {
        StringBuilder body = new StringBuilder();
        for (Part part : parts) {
            body.append("--").append(BOUNDARY).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(part.name()).append("\"\r\n");
            if (part.contentType() != null) {
                body.append("Content-Type: ").append(part.contentType()).append("\r\n");
            }
            body.append("\r\n").append(part.content()).append("\r\n");
        }
        return body.append("--").append(BOUNDARY).append("--\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A test resource as text, with CRLF line ends as a browser sends SDP (the files are stored with LF). */
    static String sdp(String resource) {
        try (InputStream in = TestHttp.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\n", "\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Chromium 156's offer for one audio track (opus, sendrecv) and one data channel, as captured. */
    static String chromiumOffer() {
        return sdp("chromium-156-offer.sdp");
    }

    /** Chromium 156's offer for a sendonly audio transceiver, a video transceiver and a data channel. */
    static String chromiumSendonlyVideoOffer() {
        return sdp("chromium-156-sendonly-video-offer.sdp");
    }
}
