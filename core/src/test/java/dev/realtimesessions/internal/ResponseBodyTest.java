package dev.realtimesessions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The answers an endpoint can read: JSON, an SDP answer with the Location of what it created, or nothing. */
class ResponseBodyTest {

    private static final String SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=setup:active\r\n";
    private static final Supplier<String> WHAT = () -> "POST /realtime/calls response";

    /** What a created call looks like to the caller. */
    record Created(String sdp, String id) {
    }

    private static final ResponseBody<Created> SDP_ANSWER = ResponseBody.sdpAnswer(Created::new);

    private static RawResponse answer(int status, String body, String... headers) {
        HttpHeaders map = new DefaultHttpHeaders();
        for (int i = 0; i < headers.length; i += 2) {
            map.add(headers[i], headers[i + 1]);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new RawResponse(status, map, bytes, bytes.length);
    }

    @ParameterizedTest
    @CsvSource({
        "/v1/realtime/calls/rtc_u1_9c8b7a, rtc_u1_9c8b7a",
        "https://api.openai.com/v1/realtime/calls/rtc_abc, rtc_abc",
        "https://api.openai.com/v1/realtime/calls/rtc_abc/, rtc_abc",
        "/v1/realtime/calls/rtc_q?trace=1#top, rtc_q",
        "rtc_bare, rtc_bare"})
    void anSdpAnswerIsItsTextAndTheLastSegmentOfItsLocation(String location, String id) {
        Created created = SDP_ANSWER.read(answer(201, SDP, "content-type", "application/sdp", "location", location), WHAT);
        assertThat(created.sdp()).isEqualTo(SDP);
        assertThat(created.id()).isEqualTo(id);
        assertThat(SDP_ANSWER.accept()).isEqualTo("application/sdp");
    }

    @ParameterizedTest
    @CsvSource(value = {"NONE", "''", "https://api.openai.com", "https://api.openai.com/", "/"}, nullValues = "NONE")
    void anSdpAnswerWithoutAnIdInItsLocationCannotBeUsed(String location) {
        RawResponse response = location == null ? answer(201, SDP) : answer(201, SDP, "location", location);
        assertThatThrownBy(() -> SDP_ANSWER.read(response, WHAT)).isInstanceOf(ResponseShapeException.class)
                .hasMessage("POST /realtime/calls response has no Location header ending in the id of what it created");
    }

    @Test
    void anSdpAnswerWithoutSdpCannotBeUsed() {
        assertThatThrownBy(() -> SDP_ANSWER.read(answer(201, " \r\n", "location", "/v1/realtime/calls/rtc_1"), WHAT))
                .isInstanceOf(ResponseShapeException.class).hasMessageContaining("has no SDP answer");
    }

    @Test
    void anAnswerWithoutContentIsReadWhateverItsBody() {
        ResponseBody<ResponseBody.NoContent> none = ResponseBody.none();
        assertThat(none.read(answer(200, ""), WHAT)).isSameAs(ResponseBody.NoContent.INSTANCE);
        assertThat(none.read(answer(200, "{\"ok\":true}"), WHAT)).isSameAs(ResponseBody.NoContent.INSTANCE);
        assertThat(none.accept()).as("an error answer is JSON").isEqualTo("application/json");
    }

    @Test
    void jsonIsReadByItsReader() {
        ResponseBody<String> json = ResponseBody.json(in -> {
            String id = null;
            for (String name = in.nextField(); name != null; name = in.nextField()) {
                if (name.equals("id")) {
                    id = in.text();
                } else {
                    in.skip();
                }
            }
            return id;
        });
        assertThat(json.read(answer(200, "{\"id\":\"sess_1\",\"other\":[1,2]}"), WHAT)).isEqualTo("sess_1");
        assertThat(json.accept()).isEqualTo("application/json");
    }
}
