package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.realtimesessions.model.RealtimeCallRequest;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.testing.Calls;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testing.HostileServer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Bad input to the calls API is a {@link ValidationException} naming the wire field, and nothing is
 * sent: every test ends by checking that the server saw no connection at all.
 */
class CallValidationTest {

    private static final RealtimeSessionConfig SESSION = RealtimeSessionConfig.builder()
            .model(RealtimeModel.GPT_REALTIME).build();

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

    private static void refused(Mono<?> call, String field) {
        StepVerifier.create(call)
                .expectErrorSatisfies(error -> {
                    assertThat(error).isExactlyInstanceOf(ValidationException.class);
                    assertThat(((ValidationException) error).field()).isEqualTo(field);
                })
                .verify(Fixtures.WAIT);
    }

    private static ValidationException refusedOffer(@Nullable String sdp) {
        Throwable error = catchThrowable(() -> RealtimeCallRequest.of(sdp));
        assertThat(error).isExactlyInstanceOf(ValidationException.class);
        assertThat(((ValidationException) error).field()).isEqualTo("sdp");
        assertThat(error.getMessage()).as("the message never quotes the offer").doesNotContain("a=");
        return (ValidationException) error;
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\r\n\r\n"})
    void anOfferThatIsMissingOrBlankIsRefused(@Nullable String sdp) {
        assertThat(refusedOffer(sdp)).hasMessageContaining("must be an SDP offer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\u001b", "\u007f", "\u000b", "\u000c"})
    void anOfferThatIsNotTextIsRefused(String control) {
        assertThat(refusedOffer(Calls.OFFER.replace("s=-", "s=" + control))).hasMessageContaining("control character");
    }

    @Test
    void anOfferWithTabsAndBareLineFeedsIsText() {
        assertThatCode(() -> RealtimeCallRequest.of(Calls.OFFER.replace("\r\n", "\n").replace("s=-", "s=\t-")))
                .doesNotThrowAnyException();
    }

    @Test
    void anOfferOfAtMost64KiBInUtf8IsAcceptedAndOneByteMoreIsRefused() {
        String head = "v=0\r\ns=";
        String largest = head + "a".repeat(RealtimeCallRequest.MAX_SDP_BYTES - head.length());
        assertThatCode(() -> RealtimeCallRequest.of(largest)).doesNotThrowAnyException();
        assertThat(refusedOffer(largest + "a")).hasMessageContaining("65536 bytes").hasMessageContaining("65537");
    }

    @Test
    void theBoundCountsBytesNotCharacters() {
        String head = "v=0\r\ns=";
        String accented = head + "é".repeat((RealtimeCallRequest.MAX_SDP_BYTES - head.length()) / 2 + 1);
        assertThat(accented.length()).isLessThan(RealtimeCallRequest.MAX_SDP_BYTES);
        refusedOffer(accented);
        String astral = head + "\uD83D\uDE00".repeat((RealtimeCallRequest.MAX_SDP_BYTES - head.length()) / 4 + 1);
        refusedOffer(astral);
    }

    @ParameterizedTest
    @ValueSource(strings = {"o=- 1 2 IN IP4 127.0.0.1\r\nv=0\r\n", "v=1\r\ns=-\r\n", "v=00\r\n", " v=0\r\n",
        "{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}", "V=0\r\n"})
    void anOfferThatDoesNotStartWithTheLineV0IsRefused(String sdp) {
        assertThat(refusedOffer(sdp)).hasMessageContaining("v=0");
    }

    @Test
    void aNullRequestOrSessionIsRefused() {
        refused(sessions.createCall(null), "request");
        refused(sessions.createCallWithResponse(null, RequestOptions.none()), "request");
        assertThat(catchThrowable(() -> RealtimeCallRequest.of(Calls.OFFER, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("session"));
        refused(sessions.acceptCall(Calls.CALL_ID, null), "session");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {".", "..", "rtc/../x", "rtc_1/hangup", "rtc 1", "rtc?x=1", "rtc#1", "rtc%2F1", "rtc.1",
        "rtc_é", "rtc_1\r\nX-Injected: 1", "rtc:1"})
    void aCallIdThatCouldChangeThePathIsRefusedByEveryControl(@Nullable String callId) {
        for (Function<String, Mono<Void>> control : java.util.List.<Function<String, Mono<Void>>>of(
                id -> sessions.acceptCall(id, SESSION),
                id -> sessions.acceptCall(id, SESSION, RequestOptions.none()),
                sessions::rejectCall,
                id -> sessions.rejectCall(id, 486),
                id -> sessions.rejectCall(id, RequestOptions.none()),
                id -> sessions.rejectCall(id, 486, RequestOptions.none()),
                id -> sessions.referCall(id, "tel:+14155550123"),
                id -> sessions.referCall(id, "tel:+14155550123", RequestOptions.none()),
                sessions::hangupCall,
                id -> sessions.hangupCall(id, RequestOptions.none()))) {
            refused(control.apply(callId), "call_id");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 100, 180, 200, 299, 300, 302, 399, 700, 999})
    void aRejectStatusThatDoesNotRefuseTheCallIsRefused(int status) {
        refused(sessions.rejectCall(Calls.CALL_ID, status), "status_code");
        refused(sessions.rejectCall(Calls.CALL_ID, status, RequestOptions.none()), "status_code");
    }

    @Test
    void aRedirectStatusPointsToRefer() {
        StepVerifier.create(sessions.rejectCall(Calls.CALL_ID, 302))
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("refer the call"))
                .verify(Fixtures.WAIT);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"tel:", "sip:", "sips:", "+14155550123", "http://example.com", "mailto:agent@example.com",
        "sipx:agent@example.com", "tel:phone", "tel: +14155550123", "sip:agent @example.com", "sip:<agent@example.com>",
        "sip:agent\"@example.com", "tel:+1415\r\nX-Injected: 1", "sip:agént@example.com", "tel:+1415\t555"})
    void aReferTargetThatIsNotATelOrSipUriIsRefused(@Nullable String target) {
        refused(sessions.referCall(Calls.CALL_ID, target), "target_uri");
        refused(sessions.referCall(Calls.CALL_ID, target, RequestOptions.none()), "target_uri");
    }

    @Test
    void aSessionThatBreaksTheRequestRulesIsRefusedWhenBuilt() {
        Throwable error = catchThrowable(() -> RealtimeSessionConfig.builder().model(" ").build());
        assertThat(error).isInstanceOf(ValidationException.class);
        assertThat(((ValidationException) error).field()).startsWith("session.");
    }
}
