package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.realtimesessions.model.LiveModel;
import dev.realtimesessions.model.LiveSession;
import dev.realtimesessions.model.LiveSessionConfig;
import dev.realtimesessions.model.LiveSessionCreateRequest;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testing.Fixtures.MockOpenAi;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A GPT-Live answer fails a call only without what the caller cannot do without, the session's id
 * and the SDP answer; any other field, at any depth, and any value of an unexpected type is kept by
 * its JSON path. An alpha API's answers are where new fields appear first.
 */
class LiveAnswerToleranceTest {

    private static final String SDP = "\"v=0\\r\\n\"";

    @AutoClose
    private final MockOpenAi openAi = new MockOpenAi();

    private LiveSession read(String answer) {
        openAi.answer(201, answer);
        return openAi.await(openAi.client.createLiveSession(request()));
    }

    private Throwable refused(String answer) {
        openAi.answer(201, answer);
        return Fixtures.failure(openAi.client.createLiveSession(request()));
    }

    private static LiveSessionCreateRequest request() {
        return LiveSessionCreateRequest.of(LiveSessionConfig.of(LiveModel.GPT_LIVE_1), LiveSessionsTest.OFFER);
    }

    @Test
    void unknownFieldsAtEveryDepthAreKeptUnderTheirPaths() {
        LiveSession session = read("{\"object\":\"live.session\",\"session\":{\"id\":\"live_1\","
                + "\"expires_at\":1719168000,"
                + "\"model\":\"gpt-live-1\",\"audio\":{\"output\":{\"voice\":\"marin\"}}},"
                + "\"transport\":{\"type\":\"webrtc\",\"sdp\":" + SDP + ",\"ice_servers\":[{\"urls\":[\"stun:x\"]}]},"
                + "\"standby\":{\"after_ms\":30000,\"big\":123456789012345678901234567890}}");

        assertThat(session.sessionId()).isEqualTo("live_1");
        assertThat(session.sdpAnswer()).isEqualTo("v=0\r\n");
        assertThat(session.transportType()).isEqualTo("webrtc");
        assertThat(session.additionalProperties()).containsOnly(
                entry("object", "live.session"),
                entry("session.expires_at", 1719168000),
                entry("session.model", "gpt-live-1"),
                entry("session.audio", Map.of("output", Map.of("voice", "marin"))),
                entry("transport.ice_servers", List.of(Map.of("urls", List.of("stun:x")))),
                entry("standby", Map.of("after_ms", 30000, "big", new BigInteger("123456789012345678901234567890"))));
    }

    @Test
    void aTransportTypeThatIsNoStringIsKeptAndAnUnknownOneIsRead() {
        LiveSession odd = read("{\"session\":{\"id\":\"live_1\"},\"transport\":{\"type\":{\"kind\":\"webrtc\"},"
                + "\"sdp\":" + SDP
                + "}}");
        assertThat(odd.transportType()).isNull();
        assertThat(odd.additionalProperties()).containsOnly(entry("transport.type", Map.of("kind", "webrtc")));

        LiveSession newer = read("{\"session\":{\"id\":\"live_1\"},\"transport\":{\"type\":\"webtransport\","
                + "\"sdp\":" + SDP
                + "}}");
        assertThat(newer.transportType()).isEqualTo("webtransport");
        assertThat(newer.additionalProperties()).isEmpty();

        LiveSession none = read("{\"transport\":{\"sdp\":" + SDP + ",\"type\":null},\"session\":{\"id\":\"live_1\"}}");
        assertThat(none.transportType()).isNull();
    }

    @Test
    void fieldsInAnyOrderAndNullsWhereValuesAreNotNeededAreFine() {
        LiveSession session = read("{\"transport\":{\"sdp\":" + SDP + "},\"extra\":null,\"session\":{\"name\":null,"
                + "\"id\":\"live_u0_x\"}}");

        assertThat(session.sessionId()).isEqualTo("live_u0_x");
        assertThat(session.additionalProperties()).containsOnly(entry("extra", null), entry("session.name", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"transport\":{\"type\":\"webrtc\",\"sdp\":" + SDP + "}}",
        "{\"session\":{},\"transport\":{\"type\":\"webrtc\",\"sdp\":" + SDP + "}}",
        "{\"session\":{\"id\":\"\"},\"transport\":{\"sdp\":" + SDP + "}}",
        "{\"session\":{\"id\":42},\"transport\":{\"sdp\":" + SDP + "}}",
        "{\"session\":\"live_1\",\"transport\":{\"sdp\":" + SDP + "}}",
        "{\"session\":{\"id\":\"live_1\"}}",
        "{\"session\":{\"id\":\"live_1\"},\"transport\":{\"type\":\"webrtc\"}}",
        "{\"session\":{\"id\":\"live_1\"},\"transport\":{\"sdp\":\"  \"}}",
        "{\"session\":{\"id\":\"live_1\"},\"transport\":{\"sdp\":[\"v=0\"]}}",
        "{\"session\":{\"id\":\"live_1\"},\"transport\":\"v=0\"}",
        "[]", "\"v=0\"", ""})
    void anAnswerWithoutTheSessionIdOrTheSdpAnswerIsADecodingErrorNamingIt(String answer) {
        Throwable error = refused(answer);

        assertThat(error).isInstanceOf(ResponseDecodingException.class)
                .hasMessageContaining("POST /live/sessions");
        assertThat(((ResponseDecodingException) error).status()).isEqualTo(201);
        assertThat(openAi.server.getRequestCount()).as("not retried: the answer would be the same").isEqualTo(1);
    }

    @Test
    void theMissingPartIsNamed() {
        assertThat(refused("{\"transport\":{\"sdp\":" + SDP + "}}")).hasMessageContaining("session.id");
        assertThat(refused("{\"session\":{\"id\":\"live_1\"}}")).hasMessageContaining("transport.sdp");
    }

    @Test
    void theRecordKeepsWhatItIsGivenAndRefusesWhatIsNotJson() {
        LiveSession session = new LiveSession("live_1", "v=0\r\n", null, null);
        assertThat(session.additionalProperties()).isEmpty();
        assertThat(new LiveSession("live_1", "v=0\r\n", "webrtc", Map.of("a", Arrays.asList(1, null)))
                .additionalProperties()).containsEntry("a", Arrays.asList(1, null));
        assertThatThrownBy(() -> new LiveSession("live_1", "v=0", null, Map.of("a", new Object())))
                .isInstanceOf(ValidationException.class);
    }
}
