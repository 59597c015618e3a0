package dev.realtimesessions.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Offers, answers and a reader of multipart bodies, for the tests of the calls API. */
public final class Calls {

    private static final String OFFER_FINGERPRINT = "a=fingerprint:sha-256 9C:2B:3E:8A:11:4D:0F:75:C6:1F:8E:20:3A:55:B7"
            + ":91:0D:64:EE:7A:2C:48:9B:01:F3:6D:58:C2:17:AE:90:33";

    /** An offer shaped like Chrome's for audio and a data channel. */
    public static final String OFFER = String.join("\r\n",
            "v=0",
            "o=- 4611731400430051336 2 IN IP4 127.0.0.1",
            "s=-",
            "t=0 0",
            "a=group:BUNDLE 0 1",
            "a=extmap-allow-mixed",
            "a=msid-semantic: WMS",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126",
            "c=IN IP4 0.0.0.0",
            "a=rtcp:9 IN IP4 0.0.0.0",
            "a=ice-ufrag:Rk7Q",
            "a=ice-pwd:hp8eLPWqZLOB9dZyIUa4QWlr",
            "a=ice-options:trickle",
            OFFER_FINGERPRINT,
            "a=setup:actpass",
            "a=mid:0",
            "a=sendrecv",
            "a=rtcp-mux",
            "a=rtpmap:111 opus/48000/2",
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
            "c=IN IP4 0.0.0.0",
            "a=ice-ufrag:Rk7Q",
            "a=ice-pwd:hp8eLPWqZLOB9dZyIUa4QWlr",
            OFFER_FINGERPRINT,
            "a=setup:actpass",
            "a=mid:1",
            "a=sctp-port:5000",
            "");

    /** OpenAI's answer to {@link #OFFER}, as its spec's example gives it. */
    public static final String ANSWER = String.join("\r\n",
            "v=0",
            "o=- 4227147428 1719357865 IN IP4 127.0.0.1",
            "s=-",
            "c=IN IP4 0.0.0.0",
            "t=0 0",
            "a=group:BUNDLE 0 1",
            "a=fingerprint:sha-256 CA:92:52:51:B4:91:3B:34:DD:9C:0B:FB:76:19:7E:3B:F1:21:0F:32:2C:38:01:72:5D:3F"
                    + ":78:C7:5F:8B:C7:36",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111 0 8",
            "a=mid:0",
            "a=ice-ufrag:kZ2qkHXX/u11",
            "a=ice-pwd:uoD16Di5OGx3VbqgA3ymjEQV2kwiOjw6",
            "a=setup:active",
            "a=rtcp-mux",
            "a=rtpmap:111 opus/48000/2",
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
            "a=mid:1",
            "a=sctp-port:5000",
            "");

    /** A call id as OpenAI's docs show one. */
    public static final String CALL_ID = "rtc_u1_9c6574da8b8a41a18da9308f4ad974ce";

    private Calls() {
    }

    /** OpenAI's 201 to an offer: the answer, and the call's {@code Location}. */
    public static MockResponse created() {
        return created("/v1/realtime/calls/" + CALL_ID);
    }

    /** A 201 with the answer and the given {@code Location}. */
    public static MockResponse created(String location) {
        return new MockResponse.Builder().code(201).addHeader("content-type", "application/sdp")
                .addHeader("location", location).addHeader("x-request-id", "req_call").body(ANSWER).build();
    }

    /** The 200 without a body that every call control answers with. */
    public static MockResponse controlled() {
        return new MockResponse.Builder().code(200).addHeader("x-request-id", "req_control").build();
    }

    /** One part of a {@code multipart/form-data} body: its headers, in order, and its content. */
    public record Part(List<String> headers, String content) {
    }

    /**
     * The parts of a recorded {@code multipart/form-data} request, by name, after checking the framing:
     * a 32-character boundary of letters and digits, CRLF line ends, and the closing delimiter last.
     */
    public static Map<String, Part> parts(RecordedRequest request) {
        String contentType = request.getHeaders().get("content-type");
        assertThat(contentType).matches("multipart/form-data; boundary=[0-9A-Za-z]{32}");
        String delimiter = "--" + contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
        String body = request.getBody().utf8();
        assertThat(body).startsWith(delimiter + "\r\n").endsWith("\r\n" + delimiter + "--\r\n");
        String inner = body.substring(delimiter.length() + 2, body.length() - (delimiter.length() + 6));
        Map<String, Part> parts = new LinkedHashMap<>();
        for (String raw : inner.split("\r\n" + Pattern.quote(delimiter) + "\r\n", -1)) {
            int end = raw.indexOf("\r\n\r\n");
            assertThat(end).as("a part's headers end with an empty line").isPositive();
            List<String> headers = new ArrayList<>(List.of(raw.substring(0, end).split("\r\n")));
            String disposition = headers.get(0);
            assertThat(disposition).startsWith("Content-Disposition: form-data; name=\"");
            String name = disposition.substring(disposition.indexOf('"') + 1, disposition.lastIndexOf('"'));
            parts.put(name, new Part(headers, raw.substring(end + 4)));
        }
        return parts;
    }
}
