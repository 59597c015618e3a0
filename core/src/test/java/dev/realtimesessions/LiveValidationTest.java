package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.realtimesessions.model.LiveDataChannelPermissions;
import dev.realtimesessions.model.LiveDelegation;
import dev.realtimesessions.model.LiveForkRequest;
import dev.realtimesessions.model.LiveInputMessage;
import dev.realtimesessions.model.LiveModel;
import dev.realtimesessions.model.LiveServerEventSelector;
import dev.realtimesessions.model.LiveSessionConfig;
import dev.realtimesessions.model.LiveSessionCreateRequest;
import dev.realtimesessions.model.LiveVoice;
import dev.realtimesessions.model.ResponsesTool;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testing.HostileServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Every rule of what GPT-Live requests may carry: a bad value is a {@link ValidationException}
 * naming its field, from the builder or record that holds it, or from the call's {@code Mono}
 * (a method never throws), and in either case before any connection is opened.
 */
class LiveValidationTest {

    private static final String OFFER = LiveSessionsTest.OFFER;
    private static final LiveSessionConfig SESSION = LiveSessionConfig.of(LiveModel.GPT_LIVE_1);

    private HostileServer server;
    private RealtimeSessions sessions;

    @BeforeEach
    void start() {
        server = HostileServer.start();
        sessions = RealtimeSessions.builder().apiKey(Fixtures.API_KEY).baseUrl(server.baseUrl()).build();
    }

    @AfterEach
    void stop() {
        sessions.close();
        assertThat(server.connections()).as("no connection was opened").isZero();
        server.close();
    }

    private static void callRefused(Mono<?> call, String field) {
        StepVerifier.create(call)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(ValidationException.class,
                        validation -> assertThat(validation.field()).isEqualTo(field)))
                .verify(Fixtures.WAIT);
    }

    private static void refused(ThrowingCallable building, String field) {
        ValidationException error = catchThrowableOfType(ValidationException.class, building);
        assertThat(error).as("refused: %s", field).isNotNull();
        assertThat(error.field()).isEqualTo(field);
    }

    static Stream<Arguments> badSessionIds() {
        return Stream.of(
                Arguments.of((Object) null), Arguments.of(""), Arguments.of("."), Arguments.of(".."),
                Arguments.of("live_1/../../v1/realtime/client_secrets"), Arguments.of("live 1"),
                Arguments.of("live_1?x=1"), Arguments.of("live_1#"), Arguments.of("live_%41"), Arguments.of("live.1"),
                Arguments.of("live_\u00e9"), Arguments.of("live_1\r\nX-Injected: 1"));
    }

    @ParameterizedTest
    @MethodSource("badSessionIds")
    void aSessionIdThatIsNotOneIsRefusedByEveryControl(String sessionId) {
        callRefused(sessions.acceptLiveSession(sessionId, SESSION), "session_id");
        callRefused(sessions.rejectLiveSession(sessionId, 486), "session_id");
        callRefused(sessions.referLiveSession(sessionId, "tel:+1"), "session_id");
        callRefused(sessions.hangupLiveSession(sessionId), "session_id");
        callRefused(sessions.forkLiveSession(sessionId, LiveForkRequest.of(OFFER)), "session_id");
        callRefused(sessions.forkLiveSessionWithResponse(sessionId, LiveForkRequest.of(OFFER)), "session_id");
    }

    @Test
    void nullRequestsAndSessionsAreRefusedByTheirMono() {
        callRefused(sessions.createLiveSession(null), "request");
        callRefused(sessions.createLiveSessionWithResponse(null, RequestOptions.none()), "request");
        callRefused(sessions.acceptLiveSession("live_1", null), "session");
        callRefused(sessions.forkLiveSession("live_1", null), "request");
    }

    @Test
    void aRejectStatusOutside300To699IsRefused() {
        for (int status : new int[] {0, 200, 299, 700, 1000, -486}) {
            callRefused(sessions.rejectLiveSession("live_1", status), "status_code");
        }
    }

    @Test
    void aReferTargetThatIsNoTelOrSipUriIsRefused() {
        for (String target : Arrays.asList(null, "", " ", "tel:", "sip:", "http://example.com", "agent@example.com",
                "tel:+1 415", "sip:a@b\r\nX: y", "mailto:a@b", "tel:hello", "sip:<a@b>", "sip:\"a\"@b",
                "sip:\u00e9@example.com")) {
            callRefused(sessions.referLiveSession("live_1", target), "target_uri");
        }
    }

    @Test
    void anAcceptWithBrowserPermissionsIsRefused() {
        LiveSessionConfig withPermissions = SESSION.toBuilder()
                .dataChannel(LiveDataChannelPermissions.builder().allowClientEvents().build()).build();
        callRefused(sessions.acceptLiveSession("live_1", withPermissions), "session.client.data_channel");
    }

    static Stream<Arguments> badOffers() {
        return Stream.of(Arguments.of(null, "null"), Arguments.of("", "empty"), Arguments.of(" \r\n", "blank"),
                Arguments.of("o=- 1 2 IN IP4 0.0.0.0\r\nv=0\r\n", "not starting with v=0"),
                Arguments.of(" v=0\r\n", "a space before v=0"), Arguments.of("v=01\r\n", "another version"),
                Arguments.of("{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}", "the RTCSessionDescription's JSON"),
                Arguments.of("v=0\r\ns=\u0000\r\n", "a control character"),
                Arguments.of("v=0\r\n" + "a=x\r\n".repeat(LiveSessionCreateRequest.MAX_SDP_BYTES / 5), "too long"),
                Arguments.of("v=0\r\n" + "\u00e9".repeat(LiveSessionCreateRequest.MAX_SDP_BYTES / 2), "too long in UTF-8"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badOffers")
    void anOfferThatIsNoSdpOrTooLongIsRefusedWhereverItIsGiven(String offer, String what) {
        refused(() -> LiveSessionCreateRequest.of(SESSION, offer), "transport.sdp");
        refused(() -> LiveForkRequest.of(offer), "transport.sdp");
        refused(() -> LiveForkRequest.builder().sdp(offer), "transport.sdp");
    }

    @Test
    void anOfferOfTheLargestAllowedSizeWithLfLineEndsOrAloneOnItsLineIsAccepted() {
        String offer = "v=0\n" + "a".repeat(LiveSessionCreateRequest.MAX_SDP_BYTES - 4);
        assertThat(LiveSessionCreateRequest.of(SESSION, offer).sdp()).hasSize(LiveSessionCreateRequest.MAX_SDP_BYTES);
        assertThat(LiveForkRequest.of("v=0").sdp()).isEqualTo("v=0");
        assertThat(LiveForkRequest.of("v=0\r\na=tab:\t1\r\n").sdp()).contains("\t");
    }

    @Test
    void theModelIsRequiredAndNotBlank() {
        refused(() -> LiveSessionConfig.builder().build(), "session.model");
        refused(() -> LiveSessionConfig.builder().model(" "), "session.model");
        refused(() -> LiveSessionConfig.builder().model((String) null), "session.model");
        refused(() -> LiveSessionConfig.of(LiveModel.of("")), "session.model");
        refused(() -> new LiveSessionConfig(null, null, null, null, null, null, null), "session.model");
        refused(() -> LiveSessionCreateRequest.of(null, OFFER), "session");
        refused(() -> LiveForkRequest.builder().build(), "transport.sdp");
    }

    @Test
    void sessionValuesThatCannotBeSentAreRefusedByTheirBuilderAndRecord() {
        refused(() -> LiveVoice.custom(" "), "session.audio.output.voice.id");
        refused(() -> LiveSessionConfig.builder().voice(LiveVoice.of("")), "session.audio.output.voice");
        refused(() -> new LiveSessionConfig(LiveModel.GPT_LIVE_1, null, LiveVoice.of(" "), null, null, null, null),
                "session.audio.output.voice");
        refused(() -> LiveSessionConfig.builder().instructions(null), "session.instructions");
        refused(() -> LiveSessionConfig.builder().delegation(null), "session.delegation");
        refused(() -> LiveSessionConfig.builder().input((LiveInputMessage) null), "session.input[0]");
        refused(() -> LiveInputMessage.user(null), "content[0].text");
    }

    @Test
    void theHistoryHoldsAtMost128Messages() {
        List<LiveInputMessage> history = new ArrayList<>(Collections.nCopies(LiveSessionConfig.MAX_INPUT_MESSAGES,
                LiveInputMessage.user("again")));
        assertThat(SESSION.toBuilder().input(history).build().input()).hasSize(128);
        history.add(LiveInputMessage.user("one too many"));
        refused(() -> SESSION.toBuilder().input(history).build(), "session.input");
    }

    @Test
    void aResponsesDelegationNeedsAModelToStartASessionButNotToChangeAFork() {
        LiveDelegation.Responses noModel = LiveDelegation.responses().instructions("backend prompt").build();
        refused(() -> SESSION.toBuilder().delegation(noModel).build(), "session.delegation.responses.model");
        assertThat(LiveForkRequest.builder().sdp(OFFER).delegation(noModel).build().delegation()).isEqualTo(noModel);
        refused(() -> LiveDelegation.responses().model(" "), "session.delegation.responses.model");
        refused(() -> LiveDelegation.responses().maxOutputTokens(-1), "session.delegation.responses.max_output_tokens");
        refused(() -> LiveDelegation.responses().tools(ResponsesTool.of("web_search", Map.of()), null).build(),
                "session.delegation.responses.tools[1]");
        refused(() -> LiveDelegation.responses().tools(new ResponsesTool.Function(" ", null, null, null)).build(),
                "session.delegation.responses.tools[0].name");
        refused(() -> LiveDelegation.responses().tools(new ResponsesTool.Unknown("", Map.of())).build(),
                "session.delegation.responses.tools[0].type");
    }

    @Test
    void toolsAreRefusedWhenTheyCannotBeWritten() {
        refused(() -> ResponsesTool.function("", "d", Map.of()), "name");
        refused(() -> ResponsesTool.of(" ", Map.of()), "type");
        refused(() -> ResponsesTool.of("web_search", Map.of("type", "file_search")), "fields");
        refused(() -> ResponsesTool.of("web_search", Map.of("filter", new Object())), "tool.filter");
    }

    @Test
    void dataChannelPermissionsNameTheirEventsProperly() {
        refused(() -> LiveDataChannelPermissions.builder().allowClientEvents("session.close", " ").build(),
                "session.client.data_channel.allowed_client_events[1]");
        refused(() -> LiveDataChannelPermissions.builder().allowClientEvents("a", null), "events[1]");
        refused(() -> LiveServerEventSelector.of(" "), "allowed_server_events.type");
        refused(() -> LiveServerEventSelector.of(LiveServerEventSelector.RESPONSE_EVENT),
                "allowed_server_events.response_event");
        refused(() -> new LiveServerEventSelector("session.closed", "response.completed"),
                "allowed_server_events.response_event");
    }

    @Test
    void aMethodThatIsGivenNullsStillReturnsAMono() {
        List<Supplier<Mono<?>>> calls = List.of(
                () -> sessions.acceptLiveSession(null, null, null),
                () -> sessions.rejectLiveSession(null, 0, null),
                () -> sessions.referLiveSession(null, null, null),
                () -> sessions.hangupLiveSession(null, null),
                () -> sessions.forkLiveSession(null, null, null),
                () -> sessions.forkLiveSessionWithResponse(null, null, null),
                () -> sessions.createLiveSession(null, null));
        for (Supplier<Mono<?>> call : calls) {
            StepVerifier.create(call.get()).expectError(ValidationException.class).verify(Fixtures.WAIT);
        }
    }
}
