package dev.realtimesessions;

import static dev.realtimesessions.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.LiveDataChannelPermissions;
import dev.realtimesessions.model.LiveDelegation;
import dev.realtimesessions.model.LiveForkRequest;
import dev.realtimesessions.model.LiveModel;
import dev.realtimesessions.model.LiveSession;
import dev.realtimesessions.model.LiveSessionConfig;
import dev.realtimesessions.model.LiveSessionCreateRequest;
import dev.realtimesessions.model.LiveVoice;
import dev.realtimesessions.model.OpenEnum;
import dev.realtimesessions.spec.OpenApiSpec;
import dev.realtimesessions.spec.SchemaShapeChecker;
import dev.realtimesessions.spec.SchemaShapeChecker.Mode;
import dev.realtimesessions.testing.Fixtures.MockOpenAi;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The GPT-Live requests as sent on the wire, checked against the Live schemas OpenAI's Node SDK is
 * generated from (the verbatim extract {@code realtime-calls-live.openapi.yaml} in the local
 * endpoint's resources). Twelve sub-schemas those reference could not be extracted and are empty
 * placeholders marked {@code x-not-extracted}: a value under one of them cannot be checked against
 * published text, so each test names the paths that fall under a placeholder, checks what the
 * verbatim {@code LiveSessionCreateParams} shows of them, and {@link LiveSessionsTest} checks their
 * shapes field by field against the SDK's types. Everything else must conform.
 */
class LiveRequestSpecTest {

    static final OpenApiSpec SPEC = OpenApiSpec.load("/dev/realtimesessions/local/realtime-calls-live.openapi.yaml");
    private static final SchemaShapeChecker CHECKER = new SchemaShapeChecker(SPEC, Mode.SUBSET);

    @AutoClose
    private final MockOpenAi openAi = new MockOpenAi();

    /** The mismatches of {@code value}, apart from the paths that fall under a placeholder. */
    record Checked(List<String> mismatches, List<String> underPlaceholders) {
    }

    static Checked check(JsonNode value, String schema) {
        List<String> mismatches = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        for (String error : CHECKER.check(value, SPEC.schema(schema))) {
            if (error.contains("gives nothing to check against") && error.contains("\"x-not-extracted\":true")) {
                placeholders.add(error.substring(0, error.indexOf(':')));
            } else {
                mismatches.add(error);
            }
        }
        return new Checked(mismatches, placeholders);
    }

    private JsonNode sent(int status, String answer, Runnable call) {
        openAi.answer(status, answer);
        call.run();
        RecordedRequest request = openAi.takeRequest();
        return json(request.getBody().utf8());
    }

    @Test
    void aFullCreateRequestConformsWhereverTheSchemaIsPublished() {
        JsonNode body = sent(201, LiveSessionsTest.CREATED, () -> openAi.await(openAi.client.createLiveSession(
                LiveSessionCreateRequest.of(LiveSessionsTest.fullSession(), LiveSessionsTest.OFFER))));

        Checked checked = check(body, "LiveCreateRequest");
        assertThat(checked.mismatches()).isEmpty();
        assertThat(checked.underPlaceholders()).containsExactlyInAnyOrder("$.session.instructions",
                "$.session.audio.output", "$.session.delegation", "$.session.store", "$.session.input",
                "$.session.client");
        JsonNode params = SPEC.schema("LiveSessionCreateParams").get("properties");
        JsonNode session = body.get("session");
        for (String shownInline : List.of("instructions", "store")) {
            assertThat(CHECKER.check(session.get(shownInline), params.get(shownInline))).as(shownInline).isEmpty();
        }
        assertThat(session.get("input").size()).isLessThanOrEqualTo(params.at("/input/maxItems").asInt());
    }

    @Test
    void aMinimalCreateRequestConformsExactlyToTheTransportSchema() {
        JsonNode body = sent(201, LiveSessionsTest.CREATED, () -> openAi.await(openAi.client.createLiveSession(
                LiveSessionCreateRequest.of(LiveSessionConfig.of(LiveModel.GPT_LIVE_1),
                        LiveSessionsTest.OFFER))));

        assertThat(check(body, "LiveCreateRequest")).isEqualTo(new Checked(List.of(), List.of()));
        assertThat(new SchemaShapeChecker(SPEC, Mode.EXACT).check(body.get("transport"),
                SPEC.schema("LiveWebRTCTransport"))).isEmpty();
    }

    @Test
    void anAcceptConformsAndCarriesTheRequiredType() {
        JsonNode body = sent(200, "", () -> openAi.await(openAi.client.acceptLiveSession("live_1",
                LiveSessionsTest.sipSession())));

        Checked checked = check(body, "LiveCallAcceptRequest");
        assertThat(checked.mismatches()).isEmpty();
        assertThat(checked.underPlaceholders()).containsExactlyInAnyOrder("$.session.instructions",
                "$.session.audio.output", "$.session.delegation", "$.session.store", "$.session.input");
        assertThat(OpenApiSpec.strings(SPEC.schema("LiveCallAcceptSession").get("required")))
                .allSatisfy(required -> assertThat(body.get("session").has(required)).as(required).isTrue());
    }

    @Test
    void aRejectConformsExactly() {
        JsonNode body = sent(200, "", () -> openAi.await(openAi.client.rejectLiveSession("live_1", 699)));

        assertThat(new SchemaShapeChecker(SPEC, Mode.EXACT).check(body, SPEC.schema("LiveCallRejectRequest"))).isEmpty();
    }

    @Test
    void aReferConformsAndItsTargetMatchesTheSchemasPattern() {
        JsonNode body = sent(200, "", () -> openAi.await(openAi.client.referLiveSession("live_1", "tel:+14155550123")));

        Checked checked = check(body, "LiveCallReferRequest");
        assertThat(checked.mismatches()).isEmpty();
        assertThat(checked.underPlaceholders()).containsExactly("$.target_uri");
        JsonNode target = SPEC.schema("LiveCallReferRequest").at("/properties/target_uri");
        assertThat(body.get("target_uri").asString()).hasSizeGreaterThanOrEqualTo(target.get("minLength").asInt())
                .containsPattern(target.get("pattern").asString());
    }

    @Test
    void aForkConformsWithAndWithoutOverrides() {
        JsonNode inherit = sent(201, LiveSessionsTest.CREATED, () -> openAi.await(openAi.client.forkLiveSession("live_1",
                LiveForkRequest.of(LiveSessionsTest.OFFER))));
        assertThat(check(inherit, "LiveForkRequest")).isEqualTo(new Checked(List.of(), List.of()));

        JsonNode overrides = sent(201, LiveSessionsTest.CREATED, () -> openAi.await(openAi.client.forkLiveSession("live_1",
                LiveForkRequest.builder().sdp(LiveSessionsTest.OFFER).store(true)
                        .delegation(LiveDelegation.responses().model("gpt-5.5").build())
                        .dataChannel(LiveDataChannelPermissions.builder().allowAllClientEvents().build())
                        .build())));
        Checked checked = check(overrides, "LiveForkRequest");
        assertThat(checked.mismatches()).isEmpty();
        assertThat(checked.underPlaceholders()).containsExactlyInAnyOrder("$.session.store", "$.session.delegation",
                "$.session.client");
    }

    @Test
    void theSpecsOwnExampleAnswerIsRead() {
        JsonNode example = SPEC.post("/live/sessions").at("/responses/201/content/application~1json/example");
        assertThat(check(example, "LiveCreateResponse")).isEqualTo(new Checked(List.of(), List.of()));
        openAi.answer(201, example.toString());

        LiveSession session = openAi.await(openAi.client.createLiveSession(LiveSessionCreateRequest.of(
                LiveSessionConfig.of(LiveModel.GPT_LIVE_1), LiveSessionsTest.OFFER)));

        assertThat(session.sessionId()).isEqualTo("live_123");
        assertThat(session.sdpAnswer()).isEqualTo("<SDP answer>");
    }

    @Test
    void theKnownModelsAndVoicesAreTheSchemasEnums() {
        assertThat(values(LiveModel.knownValues())).isEqualTo(
                OpenApiSpec.strings(SPEC.schema("ModelIdsLive").at("/anyOf/1/enum")));
        assertThat(values(LiveVoice.knownValues())).isEqualTo(
                OpenApiSpec.strings(SPEC.schema("LiveBuiltInVoice").get("enum")));
    }

    private static List<String> values(List<? extends OpenEnum> constants) {
        return constants.stream().map(OpenEnum::value).toList();
    }
}
