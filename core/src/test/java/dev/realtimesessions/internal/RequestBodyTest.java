package dev.realtimesessions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The request bodies an endpoint can send: JSON, a multipart form with typed parts, or nothing. */
class RequestBodyTest {

    private static final String SDP = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\n";

    /** What a call offer looks like to the codec: SDP text and an optional session to send along. */
    record Offer(String sdp, @Nullable String model) {
    }

    private static final MultipartFormBody<Offer> FORM = MultipartFormBody.<Offer>builder()
            .text("sdp", "application/sdp", Offer::sdp)
            .json("session", Offer::model, (out, model) -> {
                out.startObject();
                out.string("type", "realtime");
                out.string("model", model);
                out.endObject();
            })
            .build();

    private static String written(RequestBody<Offer> body, Offer offer, String contentType) {
        ByteBuf buffer = body.write(PooledByteBufAllocator.DEFAULT, offer, contentType);
        try {
            return buffer.toString(StandardCharsets.UTF_8);
        } finally {
            buffer.release();
        }
    }

    /** The form as an independent parser (Netty's multipart decoder) reads it: field name to value. */
    private static Map<String, String> parsed(String contentType, String body) throws Exception {
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        request.headers().set("content-type", contentType);
        HttpPostRequestDecoder decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), request);
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                fields.put(data.getName(), ((Attribute) data).getValue());
            }
            return fields;
        } finally {
            decoder.destroy();
            request.release();
        }
    }

    @Test
    void aMultipartFormHasEachPartWithItsTypeBetweenBoundaries() throws Exception {
        Offer offer = new Offer(SDP, "gpt-realtime");
        String contentType = FORM.contentType(offer);
        assertThat(contentType).matches("multipart/form-data; boundary=[0-9A-Za-z]{32}");
        String boundary = contentType.substring(contentType.indexOf('=') + 1);
        assertThat(written(FORM, offer, contentType)).isEqualTo(
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"sdp\"\r\nContent-Type: application/sdp\r\n\r\n"
                + SDP + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"session\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"type\":\"realtime\",\"model\":\"gpt-realtime\"}\r\n"
                + "--" + boundary + "--\r\n");
        assertThat(parsed(contentType, written(FORM, offer, contentType))).containsExactly(
                Map.entry("sdp", SDP), Map.entry("session", "{\"type\":\"realtime\",\"model\":\"gpt-realtime\"}"));
    }

    @Test
    void aPartWithoutAValueIsLeftOut() throws Exception {
        Offer offer = new Offer(SDP, null);
        String contentType = FORM.contentType(offer);
        String body = written(FORM, offer, contentType);
        assertThat(body).doesNotContain("session");
        assertThat(parsed(contentType, body)).containsExactly(Map.entry("sdp", SDP));
    }

    @Test
    void eachAttemptGetsItsOwnBoundarySoThatNoContentCanForgeAPart() throws Exception {
        Offer offer = new Offer(SDP, null);
        String first = FORM.contentType(offer);
        assertThat(FORM.contentType(offer)).isNotEqualTo(first);
        String forged = SDP + "--" + first.substring(first.indexOf('=') + 1)
                + "\r\nContent-Disposition: form-data; name=\"session\"\r\n\r\n{\"model\":\"forged\"}\r\n";
        Offer hostile = new Offer(forged, null);
        String contentType = FORM.contentType(hostile);
        assertThat(parsed(contentType, written(FORM, hostile, contentType))).containsExactly(Map.entry("sdp", forged));
    }

    @Test
    void toBytesIsWhatWriteSends() {
        Offer offer = new Offer(SDP, "gpt-realtime");
        String text = new String(FORM.toBytes(offer), StandardCharsets.UTF_8);
        assertThat(text).startsWith("--").contains(SDP).endsWith("--\r\n");
    }

    @Test
    void jsonIsSentAsApplicationJson() {
        RequestBody<String> json = RequestBody.json((out, model) -> {
            out.startObject();
            out.string("model", model);
            out.endObject();
        });
        assertThat(json.contentType("gpt-realtime")).isEqualTo("application/json");
        ByteBuf buffer = json.write(PooledByteBufAllocator.DEFAULT, "gpt-realtime", "application/json");
        try {
            assertThat(buffer.toString(StandardCharsets.UTF_8)).isEqualTo("{\"model\":\"gpt-realtime\"}");
        } finally {
            buffer.release();
        }
        assertThat(json.toBytes("gpt-realtime")).asString(StandardCharsets.UTF_8).isEqualTo("{\"model\":\"gpt-realtime\"}");
    }

    @Test
    void noBodyHasNoContentType() {
        RequestBody<String> none = RequestBody.none();
        assertThat(none.contentType("anything")).isNull();
        assertThat(none.toBytes("anything")).isEmpty();
    }
}
