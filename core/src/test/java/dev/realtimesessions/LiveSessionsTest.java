package dev.realtimesessions;

import static dev.realtimesessions.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.LiveDataChannelPermissions;
import dev.realtimesessions.model.LiveDelegation;
import dev.realtimesessions.model.LiveForkRequest;
import dev.realtimesessions.model.LiveInputMessage;
import dev.realtimesessions.model.LiveModel;
import dev.realtimesessions.model.LiveServerEventSelector;
import dev.realtimesessions.model.LiveSession;
import dev.realtimesessions.model.LiveSessionConfig;
import dev.realtimesessions.model.LiveSessionCreateRequest;
import dev.realtimesessions.model.LiveVoice;
import dev.realtimesessions.model.ReasoningSummary;
import dev.realtimesessions.model.ResponsesReasoning;
import dev.realtimesessions.model.ResponsesReasoningEffort;
import dev.realtimesessions.model.ResponsesTool;
import dev.realtimesessions.model.ServiceTier;
import dev.realtimesessions.model.ToolChoice;
import dev.realtimesessions.model.Verbosity;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testing.Fixtures.MockOpenAi;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * GPT-Live through the public API against a loopback server: each operation's method, path, headers
 * and body field by field, and the answers read back.
 */
class LiveSessionsTest {

    static final String OFFER = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "a=group:BUNDLE 0 1\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\na=sendrecv\r\n"
            + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:1\r\n";
    static final String ANSWER = "v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n";
    static final String CREATED = "{\"session\":{\"id\":\"live_u0_479a275623b54bdb9b6fbae2f7cbd408\"},"
            + "\"transport\":{\"type\":\"webrtc\",\"sdp\":\"" + ANSWER.replace("\r\n", "\\r\\n") + "\"}}";

    @AutoClose
    private final MockOpenAi openAi = new MockOpenAi();

    /** A session with every field this library sends. */
    static LiveSessionConfig fullSession() {
        return sipSession().toBuilder()
                .dataChannel(LiveDataChannelPermissions.builder()
                        .allowClientEvents("session.input_audio.mute", "session.input_audio.unmute")
                        .allowServerEvents(LiveServerEventSelector.of("session.output_transcript.delta"),
                                LiveServerEventSelector.responseEvent("response.output_text.delta"))
                        .build())
                .build();
    }

    /** A session with every field a SIP call's accept takes: all but the data channel's permissions. */
    static LiveSessionConfig sipSession() {
        return LiveSessionConfig.builder()
                .model(LiveModel.GPT_LIVE_1)
                .instructions("You are Alex, a concierge. Be concise.")
                .voice(LiveVoice.MARIN)
                .delegation(LiveDelegation.responses()
                        .model("gpt-5.5")
                        .instructions("Look orders up before answering.")
                        .maxOutputTokens(2048)
                        .parallelToolCalls(false)
                        .reasoning(new ResponsesReasoning(ResponsesReasoningEffort.NONE, ReasoningSummary.AUTO))
                        .serviceTier(ServiceTier.PRIORITY)
                        .verbosity(Verbosity.LOW)
                        .toolChoice(ToolChoice.function("lookup_order"))
                        .tools(ResponsesTool.function("lookup_order", "Finds an order by its number",
                                        Map.of("type", "object", "properties", Map.of("number", Map.of("type", "string")),
                                                "required", List.of("number"))).withStrict(true),
                                ResponsesTool.of("web_search", Map.of()),
                                ResponsesTool.of("shell", Map.of("environment", Map.of("type", "container_auto"))))
                        .build())
                .store(true)
                .input(LiveInputMessage.developer("The caller is a premium customer."),
                        LiveInputMessage.user("Hi!"), LiveInputMessage.assistant("Hello, how can I help?"))
                .build();
    }

    static final String FULL_SESSION_JSON = "{\"model\":\"gpt-live-1\","
            + "\"instructions\":\"You are Alex, a concierge. Be concise.\","
            + "\"audio\":{\"output\":{\"voice\":\"marin\"}},"
            + "\"delegation\":{\"type\":\"responses\",\"responses\":{\"model\":\"gpt-5.5\","
            + "\"instructions\":\"Look orders up before answering.\",\"max_output_tokens\":2048,"
            + "\"parallel_tool_calls\":false,\"reasoning\":{\"effort\":\"none\",\"summary\":\"auto\"},"
            + "\"service_tier\":\"priority\",\"text\":{\"verbosity\":\"low\"},"
            + "\"tool_choice\":{\"type\":\"function\",\"name\":\"lookup_order\"},"
            + "\"tools\":[{\"type\":\"function\",\"name\":\"lookup_order\","
            + "\"description\":\"Finds an order by its number\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"number\":{\"type\":\"string\"}},"
            + "\"required\":[\"number\"]},"
            + "\"strict\":true},{\"type\":\"web_search\"},{\"type\":\"shell\","
            + "\"environment\":{\"type\":\"container_auto\"}}]}},"
            + "\"store\":true,"
            + "\"input\":[{\"type\":\"message\",\"role\":\"developer\",\"content\":[{\"type\":\"input_text\","
            + "\"text\":\"The caller is a premium customer.\"}]},"
            + "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"Hi!\"}]},"
            + "{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\","
            + "\"text\":\"Hello, how can I help?\"}]}],"
            + "\"client\":{\"data_channel\":{\"allowed_client_events\":[\"session.input_audio.mute\","
            + "\"session.input_audio.unmute\"],\"allowed_server_events\":[{\"type\":\"session.output_transcript.delta\"},"
            + "{\"type\":\"response.event\",\"response_event\":\"response.output_text.delta\"}]}}}";

    private RecordedRequest created(LiveSessionCreateRequest request) {
        openAi.answer(201, CREATED);
        LiveSession session = openAi.await(openAi.client.createLiveSession(request));
        assertThat(session.sessionId()).isEqualTo("live_u0_479a275623b54bdb9b6fbae2f7cbd408");
        return openAi.takeRequest();
    }

    @Test
    void createPostsTheOfferAndSessionAsJsonAndReadsTheIdAndAnswer() {
        openAi.answer(201, CREATED);
        ApiResponse<LiveSession> response = openAi.await(openAi.client.createLiveSessionWithResponse(
                LiveSessionCreateRequest.of(LiveSessionConfig.of(LiveModel.GPT_LIVE_1), OFFER)));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.requestId()).contains(Fixtures.REQUEST_ID);
        assertThat(response.attempts()).isEqualTo(1);
        LiveSession session = response.value();
        assertThat(session.sessionId()).isEqualTo("live_u0_479a275623b54bdb9b6fbae2f7cbd408");
        assertThat(session.sdpAnswer()).isEqualTo(ANSWER);
        assertThat(session.transportType()).isEqualTo("webrtc");
        assertThat(session.additionalProperties()).isEmpty();

        RecordedRequest request = openAi.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/live/sessions");
        assertThat(request.getUrl().query()).as("the model goes in the body, never in the URL").isNull();
        assertThat(request.getHeaders().get("content-type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("accept")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("authorization")).isEqualTo("Bearer " + Fixtures.API_KEY);
        assertThat(json(request.getBody().utf8())).isEqualTo(json(
                "{\"session\":{\"model\":\"gpt-live-1\"},\"transport\":{\"type\":\"webrtc\",\"sdp\":"
                        + Fixtures.JSON.writeValueAsString(OFFER) + "}}"));
    }

    @Test
    void everyFieldOfTheSessionIsSentAsTheLiveSchemaNamesIt() {
        RecordedRequest request = created(LiveSessionCreateRequest.of(fullSession(), OFFER));

        assertThat(json(request.getBody().utf8()).get("session")).isEqualTo(json(FULL_SESSION_JSON));
    }

    @Test
    void aCustomVoiceClientDelegationAndAllEventsAreWrittenInTheirOwnShapes() {
        LiveSessionConfig session = LiveSessionConfig.builder().model("gpt-live-2-preview")
                .voice(LiveVoice.custom("voice_1234"))
                .delegation(LiveDelegation.CLIENT)
                .store(false)
                .dataChannel(LiveDataChannelPermissions.builder().allowAllClientEvents().allowServerEvents().build())
                .build();

        RecordedRequest request = created(LiveSessionCreateRequest.of(session, OFFER));

        assertThat(json(request.getBody().utf8()).get("session")).isEqualTo(json("{\"model\":\"gpt-live-2-preview\","
                + "\"audio\":{\"output\":{\"voice\":{\"id\":\"voice_1234\"}}},\"delegation\":{\"type\":\"client\"},"
                + "\"store\":false,\"client\":{\"data_channel\":{\"allowed_client_events\":\"all\","
                + "\"allowed_server_events\":[]}}}"));
    }

    @Test
    void anAbsentPermissionListIsLeftOutSoThatTheServerDefaultApplies() {
        LiveSessionConfig session = LiveSessionConfig.builder().model(LiveModel.GPT_LIVE_1)
                .dataChannel(LiveDataChannelPermissions.builder().allowAllServerEvents().build()).build();

        RecordedRequest request = created(LiveSessionCreateRequest.of(session, OFFER));

        assertThat(json(request.getBody().utf8()).at("/session/client")).isEqualTo(
                json("{\"data_channel\":{\"allowed_server_events\":\"all\"}}"));
    }

    @Test
    void acceptWrapsTheSessionWithTypeLiveAndAnswersWithNoContent() {
        openAi.answer(200, "");
        openAi.await(openAi.client.acceptLiveSession("live_u0_1", fullSession().toBuilder().clearDataChannel().build()));

        RecordedRequest request = openAi.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/live/sessions/live_u0_1/accept");
        assertThat(request.getHeaders().get("content-type")).isEqualTo("application/json");
        String body = request.getBody().utf8();
        assertThat(body).startsWith("{\"session\":{\"type\":\"live\",");
        assertThat(json(body)).isEqualTo(json("{\"session\":{\"type\":\"live\","
                + FULL_SESSION_JSON.substring(1, FULL_SESSION_JSON.indexOf(",\"client\"")) + "}}"));
    }

    @Test
    void rejectSendsTheRequiredStatusCode() {
        openAi.answer(200, "");
        openAi.await(openAi.client.rejectLiveSession("live_u0_2", 486));

        RecordedRequest request = openAi.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/live/sessions/live_u0_2/reject");
        assertThat(json(request.getBody().utf8())).isEqualTo(json("{\"status_code\":486}"));
    }

    @Test
    void referSendsTheTarget() {
        openAi.answer(200, "");
        openAi.await(openAi.client.referLiveSession("live_u0_3", "sip:agent@example.com;transport=tls"));

        RecordedRequest request = openAi.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/live/sessions/live_u0_3/refer");
        assertThat(json(request.getBody().utf8()))
                .isEqualTo(json("{\"target_uri\":\"sip:agent@example.com;transport=tls\"}"));
    }

    @Test
    void aSessionIdIsSentUnchangedWithEveryCharacterSuchIdsHave() {
        openAi.answer(200, "");
        openAi.await(openAi.client.hangupLiveSession("live_u0_479a-2756_23b5-4bdb"));

        assertThat(openAi.takeRequest().getUrl().encodedPath())
                .isEqualTo("/v1/live/sessions/live_u0_479a-2756_23b5-4bdb/hangup");
    }

    @Test
    void hangupSendsNoBodyAndIgnoresWhateverTheAnswerHolds() {
        openAi.answer(200, "not even json");
        openAi.await(openAi.client.hangupLiveSession("live_u0_4"));

        RecordedRequest request = openAi.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/live/sessions/live_u0_4/hangup");
        assertThat(request.getHeaders().get("content-length")).isEqualTo("0");
        assertThat(request.getHeaders().get("content-type")).isNull();
        assertThat(request.getBody().size()).isZero();
    }

    @Test
    void aForkWithoutOverridesSendsOnlyTheTransportAndReadsTheNewSession() {
        openAi.answer(201, "{\"session\":{\"id\":\"live_fork_1\"},\"transport\":{\"type\":\"webrtc\","
                + "\"sdp\":\"v=0\\r\\n\"}}");
        ApiResponse<LiveSession> fork = openAi.await(openAi.client.forkLiveSessionWithResponse("live_stored_1",
                LiveForkRequest.of(OFFER)));

        assertThat(fork.status()).isEqualTo(201);
        assertThat(fork.value().sessionId()).isEqualTo("live_fork_1");
        assertThat(fork.value().sdpAnswer()).isEqualTo("v=0\r\n");
        RecordedRequest request = openAi.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/live/sessions/live_stored_1/fork");
        assertThat(json(request.getBody().utf8())).isEqualTo(json("{\"transport\":{\"type\":\"webrtc\",\"sdp\":"
                + Fixtures.JSON.writeValueAsString(OFFER) + "}}"));
    }

    @Test
    void aForkSendsItsOverridesAsTheSession() {
        openAi.answer(201, CREATED);
        openAi.await(openAi.client.forkLiveSession("live_stored_2", LiveForkRequest.builder()
                .sdp(OFFER)
                .store(false)
                .delegation(LiveDelegation.responses().instructions("Now handle returns too.").build())
                .dataChannel(LiveDataChannelPermissions.builder().allowClientEvents().build())
                .build()));

        RecordedRequest request = openAi.takeRequest();
        assertThat(json(request.getBody().utf8()).get("session")).isEqualTo(json("{\"store\":false,"
                + "\"delegation\":{\"type\":\"responses\",\"responses\":{\"instructions\":\"Now handle returns too.\"}},"
                + "\"client\":{\"data_channel\":{\"allowed_client_events\":[]}}}"));
    }

    @Test
    void aCustomVoiceIsNeverABuiltInOneOfTheSameName() {
        LiveVoice custom = LiveVoice.custom("marin");

        assertThat(custom.isCustom()).isTrue();
        assertThat(custom.isKnown()).isFalse();
        assertThat(custom).isNotEqualTo(LiveVoice.MARIN).isEqualTo(LiveVoice.custom("marin"));
        assertThat(LiveVoice.MARIN.isCustom()).isFalse();
        assertThat(LiveVoice.of("juni").isKnown()).as("a voice only the SDK's types list").isFalse();
    }

    @Test
    void theRecordsShowNeitherTheOfferNorTheAnswer() {
        LiveSessionCreateRequest request = LiveSessionCreateRequest.of(LiveSessionConfig.of(LiveModel.GPT_LIVE_1), OFFER);
        assertThat(request.toString()).doesNotContain("v=0").contains("<" + OFFER.length() + " characters>");
        assertThat(LiveForkRequest.of(OFFER).toString()).doesNotContain("v=0");
        LiveSession session = new LiveSession("live_1", ANSWER, "webrtc", Map.of());
        assertThat(session.toString()).contains("live_1").doesNotContain("v=0");
    }
}
