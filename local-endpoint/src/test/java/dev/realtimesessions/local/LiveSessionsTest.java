package dev.realtimesessions.local;

import static dev.realtimesessions.local.TestHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.local.LocalCall.State;
import dev.realtimesessions.local.TestHttp.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** GPT-Live over plain HTTP: {@code POST /live/sessions}, its controls and fork, bodies checked field by field. */
class LiveSessionsTest {

    private final LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
    private final String sessions = endpoint.baseUrl() + "/live/sessions";

    @AfterEach
    void close() {
        endpoint.close();
    }

    /** A create body: {@code session} as given, and Chromium's offer as the transport. */
    private static String create(String session) {
        ObjectNode body = TestHttp.JSON.createObjectNode();
        body.set("session", TestHttp.JSON.readTree(session));
        body.putObject("transport").put("type", "webrtc").put("sdp", TestHttp.chromiumOffer());
        return body.toString();
    }

    private static void assertError(Response response, int status, String code, String param) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.error("code")).as(response.body()).isEqualTo(code);
        assertThat(response.error("param")).as(response.body()).isEqualTo(param);
    }

    private String ringing() {
        try (WebhookReceiver application = new WebhookReceiver(200)) {
            return endpoint.ringLiveSip(application.url(), "whsec_c2VjcmV0", List.of())
                    .block(Duration.ofSeconds(30)).callId();
        }
    }

    @Test
    void createsASessionAndAnswersTheOfferInTheTransport() {
        String session = "{\"model\":\"gpt-live-1\",\"instructions\":\"Be concise.\","
                + "\"audio\":{\"output\":{\"voice\":\"marin\"}},\"store\":true,"
                + "\"delegation\":{\"type\":\"responses\",\"responses\":{\"model\":\"gpt-5\",\"instructions\":\"Backend.\","
                + "\"reasoning\":{\"effort\":\"low\"},\"tools\":[{\"type\":\"function\",\"name\":\"lookup\"}],"
                + "\"a_field_the_notes_do_not_list\":1}},"
                + "\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"Hi\"}]}],"
                + "\"client\":{\"data_channel\":{\"allowed_client_events\":[\"response.cancel\"],"
                + "\"allowed_server_events\":\"all\"}}}";
        Response response = request().key().postJson(sessions, create(session));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().get("content-type")).isEqualTo("application/json");
        assertThat(response.headers().get("location")).as("Live answers in the body").isNull();
        JsonNode body = response.json();
        String id = body.path("session").path("id").asString();
        assertThat(id).matches("live_local_[0-9a-f]{32}");
        assertThat(body.path("transport").path("type").asString()).isEqualTo("webrtc");
        assertThat(ParsedSdp.parse(body.path("transport").path("sdp").asString()).mids()).containsExactly("0", "1");

        LocalCall call = endpoint.call(id).orElseThrow();
        assertThat(call.api()).isEqualTo(LocalCall.Api.LIVE);
        assertThat(call.state()).isEqualTo(State.CREATED);
        assertThat(TestHttp.JSON.readTree(call.session())).isEqualTo(TestHttp.JSON.readTree(session));
    }

    @Test
    void checksWhatThePublishedLiveSchemaCovers() {
        assertError(request().key().postJson(sessions, create("{\"instructions\":\"x\"}")),
                400, "missing_required_parameter", "session.model");
        assertError(request().key().postJson(sessions, create("{\"model\":\"\"}")),
                400, "string_below_min_length", "session.model");
        assertError(request().key().postJson(sessions,
                create("{\"model\":\"gpt-live-1\",\"audio\":{\"format\":{\"type\":\"audio/pcm\",\"rate\":24000}}}")),
                400, "unknown_parameter", "session.audio.format");
        assertError(request().key().postJson(sessions, create("{\"model\":\"gpt-live-1\",\"voice\":\"marin\"}")),
                400, "unknown_parameter", "session.voice");
        assertError(request().key().postJson(sessions,
                "{\"session\":{\"model\":\"gpt-live-1\"},\"transport\":{\"type\":\"websocket\",\"sdp\":\"v=0\"}}"),
                400, "invalid_value", "transport.type");
        assertError(request().key().postJson(sessions,
                "{\"session\":{\"model\":\"gpt-live-1\"},\"transport\":{\"type\":\"webrtc\",\"sdp\":\"\"}}"),
                400, "string_below_min_length", "transport.sdp");
        assertError(request().key().postJson(sessions,
                "{\"session\":{\"model\":\"gpt-live-1\"},\"transport\":{\"type\":\"webrtc\",\"sdp\":\"nonsense\"}}"),
                400, "invalid_value", "transport.sdp");
        assertError(request().key().postJson(sessions, "{\"session\":{\"model\":\"gpt-live-1\"}}"),
                400, "missing_required_parameter", "transport");
        assertThat(endpoint.calls()).isEmpty();
    }

    @Test
    void checksWhatTheNotesDescribeForTheUnextractedSubSchemas() {
        assertError(request().key().postJson(sessions, create("{\"model\":\"gpt-live-1\","
                + "\"delegation\":{\"type\":\"responses\",\"responses\":{}}}")),
                400, "missing_required_parameter", "session.delegation.responses.model");
        assertError(request().key().postJson(sessions, create("{\"model\":\"gpt-live-1\","
                + "\"input\":[" + "{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"x\"}]},"
                        .repeat(129).replaceFirst(",$", "") + "]}")),
                400, "array_above_max_length", "session.input");
        assertError(request().key().postJson(sessions, create("{\"model\":\"gpt-live-1\","
                + "\"input\":[{\"role\":\"system\",\"content\":[]}]}")), 400, "invalid_value", "session.input[0].role");
        assertError(request().key().postJson(sessions, create("{\"model\":\"gpt-live-1\",\"store\":\"yes\"}")),
                400, "invalid_type", "session.store");
        assertThat(request().key().postJson(sessions, create("{\"model\":\"gpt-live-1\",\"delegation\":null,"
                + "\"instructions\":null,\"audio\":{\"output\":{\"voice\":{\"id\":\"voice_123\"}}}}")).status())
                .isEqualTo(201);
        assertThat(request().key().postJson(sessions, create("{\"model\":\"gpt-live-1\",\"delegation\":{\"type\":\"client\"}}"))
                .status()).isEqualTo(201);
    }

    @Test
    void acceptsARingingSipSessionWithTheSessionWrapper() {
        String id = ringing();
        String url = sessions + "/" + id + "/accept";
        assertError(request().key().postJson(url, "{\"type\":\"live\",\"model\":\"gpt-live-1\"}"),
                400, "missing_required_parameter", "session");
        assertError(request().key().postJson(url, "{\"session\":{\"model\":\"gpt-live-1\"}}"),
                400, "missing_required_parameter", "session.type");
        assertError(request().key().postJson(url, "{\"session\":{\"type\":\"live\",\"model\":\"gpt-live-1\","
                + "\"client\":{}}}"), 400, "unknown_parameter", "session.client");

        String session = "{\"type\":\"live\",\"model\":\"gpt-live-1\",\"audio\":{\"output\":{\"voice\":\"cedar\"}}}";
        assertThat(request().key().postJson(url, "{\"session\":" + session + "}").status()).isEqualTo(200);
        LocalCall call = endpoint.call(id).orElseThrow();
        assertThat(call.state()).isEqualTo(State.ACCEPTED);
        assertThat(TestHttp.JSON.readTree(call.acceptedSession())).isEqualTo(TestHttp.JSON.readTree(session));
        assertThat(call.controls()).hasSize(4);
    }

    @Test
    void rejectNeedsASipStatusBetween300And699() {
        String id = ringing();
        String url = sessions + "/" + id + "/reject";
        assertError(request().key().postJson(url, "{}"), 400, "missing_required_parameter", "status_code");
        assertError(request().key().postJson(url, "{\"status_code\":200}"), 400, "integer_out_of_range", "status_code");
        assertError(request().key().postJson(url, "{\"status_code\":700}"), 400, "integer_out_of_range", "status_code");
        assertThat(request().key().postJson(url, "{\"status_code\":486}").status()).isEqualTo(200);
        assertThat(endpoint.call(id).orElseThrow().rejectStatus()).isEqualTo(486);
    }

    @Test
    void refersAnAcceptedSessionToANonBlankUriAndHangsUp() {
        String id = ringing();
        request().key().postJson(sessions + "/" + id + "/accept", "{\"session\":{\"type\":\"live\",\"model\":\"gpt-live-1\"}}");
        assertError(request().key().postJson(sessions + "/" + id + "/refer", "{\"target_uri\":\"  \"}"),
                400, "invalid_value", "target_uri");
        assertThat(request().key().postJson(sessions + "/" + id + "/refer", "{\"target_uri\":\"tel:+14155550123\"}")
                .status()).isEqualTo(200);
        assertThat(request().key().postEmpty(sessions + "/" + id + "/hangup").status()).isEqualTo(200);
        assertThat(endpoint.call(id).orElseThrow().states())
                .containsExactly(State.RINGING, State.ACCEPTED, State.REFERRED, State.HUNG_UP);
    }

    @Test
    void forksOnlyAStoredSessionOntoANewConnection() {
        String unstored = request().key().postJson(sessions, create("{\"model\":\"gpt-live-1\"}")).json()
                .path("session").path("id").asString();
        String fork = "{\"session\":{\"store\":false},\"transport\":{\"type\":\"webrtc\",\"sdp\":"
                + TestHttp.JSON.writeValueAsString(TestHttp.chromiumOffer()) + "}}";
        assertError(request().key().postJson(sessions + "/" + unstored + "/fork", fork),
                409, "session_not_stored", null);

        String stored = request().key().postJson(sessions, create("{\"model\":\"gpt-live-1\",\"store\":true}")).json()
                .path("session").path("id").asString();
        assertError(request().key().postJson(sessions + "/" + stored + "/fork", "{\"session\":{}}"),
                400, "missing_required_parameter", "transport");
        Response forked = request().key().postJson(sessions + "/" + stored + "/fork", fork);
        assertThat(forked.status()).as(forked.body()).isEqualTo(201);
        String child = forked.json().path("session").path("id").asString();
        assertThat(child).startsWith("live_local_").isNotEqualTo(stored);
        assertThat(ParsedSdp.parse(forked.json().path("transport").path("sdp").asString()).mids()).hasSize(2);

        LocalCall copy = endpoint.call(child).orElseThrow();
        assertThat(copy.forkedFrom()).isEqualTo(stored);
        assertThat(TestHttp.JSON.readTree(copy.session()))
                .as("the stored configuration with the fork's overrides")
                .isEqualTo(TestHttp.JSON.readTree("{\"model\":\"gpt-live-1\",\"store\":false}"));
        assertThat(endpoint.call(stored).orElseThrow().controls(LocalControl.Operation.FORK))
                .extracting(LocalControl::status).containsExactly(400, 201);
        assertError(request().key().postJson(sessions + "/live_unknown/fork", fork), 404, "not_found", "session_id");
    }

    @Test
    void realtimeAndLiveIdsDoNotCross() {
        String live = ringing();
        assertThat(request().key().postEmpty(endpoint.baseUrl() + "/realtime/calls/" + live + "/hangup").status())
                .isEqualTo(404);
        assertError(request().key().postEmpty(sessions + "/rtc_local_1/hangup"), 404, "not_found", "session_id");
        assertThat(request().postJson(sessions, create("{\"model\":\"gpt-live-1\"}")).status()).isEqualTo(401);
    }
}
