package dev.realtimesessions.local;

import static dev.realtimesessions.local.TestHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.local.TestHttp.Part;
import dev.realtimesessions.local.TestHttp.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** {@code POST /realtime/calls}, driven with plain HTTP: the form part by part, the answer, the call table. */
class RealtimeCallsTest {

    private static final String SESSION = "{\"type\":\"realtime\",\"model\":\"gpt-realtime\","
            + "\"instructions\":\"Be brief.\",\"audio\":{\"output\":{\"voice\":\"marin\"}}}";

    private final TestClock clock = new TestClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.builder().clock(clock).start();
    private final String calls = endpoint.baseUrl() + "/realtime/calls";

    @AfterEach
    void close() {
        endpoint.close();
    }

    private static void assertError(Response response, int status, String code, String param) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().get("content-type")).isEqualTo("application/json");
        assertThat(response.error("type")).isEqualTo("invalid_request_error");
        assertThat(response.error("code")).as(response.body()).isEqualTo(code);
        assertThat(response.error("param")).as(response.body()).isEqualTo(param);
        assertThat(response.error("message")).isNotBlank();
    }

    @Test
    void answersAMultipartOfferWithAnSdpAnswerAndTheCallIdInLocation() {
        String offer = TestHttp.chromiumOffer();
        Response response = request().key().postForm(calls, new Part("sdp", "application/sdp", offer));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().get("content-type")).isEqualTo("application/sdp");
        String location = response.headers().get("location");
        assertThat(location).matches("/v1/realtime/calls/rtc_local_[0-9a-f]{32}");
        String callId = location.substring(location.lastIndexOf('/') + 1);
        assertThat(ParsedSdp.parse(response.body()).mids()).isEqualTo(ParsedSdp.parse(offer).mids());

        LocalCall call = endpoint.call(callId).orElseThrow();
        assertThat(call.api()).isEqualTo(LocalCall.Api.REALTIME);
        assertThat(call.transport()).isEqualTo(LocalCall.Transport.WEBRTC);
        assertThat(call.state()).isEqualTo(LocalCall.State.CREATED);
        assertThat(call.offerSdp()).isEqualTo(offer);
        assertThat(call.answerSdp()).isEqualTo(response.body());
        assertThat(call.session()).isNull();
        assertThat(call.createdAt()).isEqualTo(clock.instant());
        assertThat(endpoint.calls()).containsExactly(call);
    }

    @Test
    void keepsTheSessionPartWithTheCall() {
        Response response = request().key().postForm(calls, new Part("sdp", "application/sdp", TestHttp.chromiumOffer()),
                new Part("session", "application/json; charset=utf-8", SESSION));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String callId = response.headers().get("location").replaceFirst(".*/", "");
        assertThat(TestHttp.JSON.readTree(endpoint.call(callId).orElseThrow().session()))
                .isEqualTo(TestHttp.JSON.readTree(SESSION));
    }

    @Test
    void refusesEachBadPartLikeOpenAi() {
        String offer = TestHttp.chromiumOffer();
        assertError(request().key().postForm(calls, new Part("sdp", "text/plain", offer)),
                400, "unsupported_content_type", "sdp");
        assertError(request().key().postForm(calls, new Part("sdp", null, offer)),
                400, "unsupported_content_type", "sdp");
        assertError(request().key().postForm(calls, new Part("session", "application/json", SESSION)),
                400, "missing_required_parameter", "sdp");
        assertError(request().key().postForm(calls, new Part("sdp", "application/sdp", offer),
                new Part("session", "text/plain", SESSION)), 400, "unsupported_content_type", "session");
        assertError(request().key().postForm(calls, new Part("sdp", "application/sdp", offer),
                new Part("model", "text/plain", "gpt-realtime")), 400, "unknown_parameter", "model");
        assertError(request().key().postForm(calls, new Part("sdp", "application/sdp", offer),
                new Part("sdp", "application/sdp", offer)), 400, "invalid_value", "sdp");
        assertError(request().key().postForm(calls, new Part("sdp", "application/sdp", "o=- 1 1 IN IP4 0.0.0.0")),
                400, "invalid_value", "sdp");
        assertThat(endpoint.calls()).as("nothing refused makes a call").isEmpty();
    }

    @Test
    void checksTheSessionPartAgainstTheGaSessionSchema() {
        Part sdp = new Part("sdp", "application/sdp", TestHttp.chromiumOffer());
        assertError(request().key().postForm(calls, sdp, new Part("session", "application/json",
                "{\"type\":\"realtime\",\"audio\":{\"output\":{\"voicee\":\"marin\"}}}")),
                400, "unknown_parameter", "session.audio.output.voicee");
        assertError(request().key().postForm(calls, sdp, new Part("session", "application/json",
                "{\"model\":\"gpt-realtime\"}")), 400, "missing_required_parameter", "session.type");
        assertError(request().key().postForm(calls, sdp, new Part("session", "application/json",
                "{\"type\":\"realtime\",\"output_modalities\":[\"video\"]}")),
                400, "invalid_value", "session.output_modalities[0]");
        assertError(request().key().postForm(calls, sdp, new Part("session", "application/json", "[1]")),
                400, "invalid_type", "session");
        Response notJson = request().key().postForm(calls, sdp, new Part("session", "application/json", "{"));
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.error("param")).isEqualTo("session");
        assertThat(endpoint.calls()).isEmpty();
    }

    @Test
    void refusesAMalformedFormAndOtherBodies() {
        byte[] unterminated = ("--" + TestHttp.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"sdp\"\r\n"
                + "Content-Type: application/sdp\r\n\r\nv=0\r\n").getBytes(StandardCharsets.UTF_8);
        Response response = request().key().post(calls, "multipart/form-data; boundary=" + TestHttp.BOUNDARY,
                unterminated);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error("message")).contains("closing boundary");

        assertError(request().key().postJson(calls, "{\"sdp\":\"v=0\"}"), 400, "unsupported_content_type", null);
        assertError(request().key().post(calls, "application/sdp",
                TestHttp.chromiumOffer().getBytes(StandardCharsets.UTF_8)), 400, "unsupported_content_type", null);
        assertThat(endpoint.calls()).isEmpty();
    }

    @Test
    void refusesAQueryParameterOnOpenAisLayout() {
        assertError(request().key().postForm(calls + "?model=gpt-realtime",
                new Part("sdp", "application/sdp", TestHttp.chromiumOffer())), 400, "unknown_parameter", "model");
        assertError(request().key().postForm(calls + "?webrtcfilter=on",
                new Part("sdp", "application/sdp", TestHttp.chromiumOffer())), 400, "unknown_parameter", "webrtcfilter");
    }

    @Test
    void refusesAMissingOrWrongKey() {
        Part sdp = new Part("sdp", "application/sdp", TestHttp.chromiumOffer());
        assertError(request().postForm(calls, sdp), 401, "invalid_api_key", null);
        assertError(request().bearer("sk-wrong").postForm(calls, sdp), 401, "invalid_api_key", null);
        assertThat(endpoint.calls()).isEmpty();
    }

    @Test
    void takesARawOfferWithAClientSecretItMintedUntilTheSecretExpires() {
        Response minted = request().key().postJson(endpoint.baseUrl() + "/realtime/client_secrets",
                "{\"expires_after\":{\"anchor\":\"created_at\",\"seconds\":60},\"session\":" + SESSION + "}");
        assertThat(minted.status()).as(minted.body()).isEqualTo(200);
        String secret = minted.json().path("value").asString();
        byte[] offer = TestHttp.chromiumOffer().getBytes(StandardCharsets.UTF_8);

        Response call = request().bearer(secret).post(calls, "application/sdp", offer);
        assertThat(call.status()).as(call.body()).isEqualTo(201);
        LocalCall created = endpoint.call(call.headers().get("location").replaceFirst(".*/", "")).orElseThrow();
        assertThat(TestHttp.JSON.readTree(created.session()).path("model").asString()).isEqualTo("gpt-realtime");
        assertThat(endpoint.requests().get(endpoint.requests().size() - 1).credential())
                .isEqualTo(LocalRequest.Credential.CLIENT_SECRET);

        assertError(request().bearer(secret).postEmpty(calls + "/" + created.id() + "/hangup"),
                401, "invalid_api_key", null);

        clock.advance(Duration.ofSeconds(60));
        assertError(request().bearer(secret).post(calls, "application/sdp", offer), 401, "invalid_api_key", null);
        assertThat(endpoint.calls()).hasSize(1);
    }

    @Test
    void keepsEveryCallOfManyConcurrentCreatesAndHangups() {
        byte[] form = TestHttp.multipart(new Part("sdp", "application/sdp", TestHttp.chromiumOffer()));
        String type = "multipart/form-data; boundary=" + TestHttp.BOUNDARY;
        List<Response> hangups = Flux.range(0, 64)
                .flatMap(i -> request().key().send(calls, type, form))
                .flatMap(created -> request().key().send(calls + "/" + created.headers().get("location")
                        .replaceFirst(".*/", "") + "/hangup", null, new byte[0]))
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(hangups).hasSize(64).allSatisfy(response -> assertThat(response.status()).isEqualTo(200));
        assertThat(endpoint.calls()).hasSize(64).extracting(LocalCall::id).doesNotHaveDuplicates();
        assertThat(endpoint.calls()).allSatisfy(call -> {
            assertThat(call.states()).containsExactly(LocalCall.State.CREATED, LocalCall.State.HUNG_UP);
            assertThat(call.controls()).hasSize(1);
        });
    }

    @Test
    void aTranslationSecretCreatesNoRealtimeCall() {
        Response minted = request().key().postJson(endpoint.baseUrl() + "/realtime/translations/client_secrets",
                "{\"session\":{\"model\":\"gpt-realtime-translate\"}}");
        assertThat(minted.status()).as(minted.body()).isEqualTo(200);
        assertError(request().bearer(minted.json().path("value").asString()).post(calls, "application/sdp",
                TestHttp.chromiumOffer().getBytes(StandardCharsets.UTF_8)), 401, "invalid_api_key", null);
    }
}
