package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.LiveModel;
import dev.realtimesessions.model.LiveSessionConfig;
import dev.realtimesessions.model.LiveSessionCreateRequest;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testing.Fixtures.MockOpenAi;
import dev.realtimesessions.testsupport.LogCapture;
import org.junit.jupiter.api.Test;

/**
 * GPT-Live calls are made with the project's API key itself (no client secret stands in for it),
 * so the key must stay out of every error, log line and wiretap dump of them.
 */
class LiveRedactionTest {

    @Test
    void theWiretapOfACreatedSessionAndItsControlsHoldsNoKey() throws Exception {
        try (LogCapture log = LogCapture.debug("dev.realtimesessions");
                MockOpenAi openAi = new MockOpenAi(builder -> builder.wiretap(true))) {
            openAi.answer(201, LiveSessionsTest.CREATED);
            openAi.answer(200, "");
            openAi.await(openAi.client.createLiveSession(
                    LiveSessionCreateRequest.of(LiveSessionConfig.of(LiveModel.GPT_LIVE_1), LiveSessionsTest.OFFER)));
            openAi.await(openAi.client.hangupLiveSession("live_u0_479a275623b54bdb9b6fbae2f7cbd408"));

            String all = String.join("\n", log.messages());
            assertThat(all).as("the wiretap logged both exchanges").contains("POST /v1/live/sessions ")
                    .contains("/v1/live/sessions/live_u0_479a275623b54bdb9b6fbae2f7cbd408/hangup")
                    .contains("authorization: Bearer ***");
            assertThat(all).doesNotContain(Fixtures.API_KEY).doesNotContain(Fixtures.API_KEY.substring(3));
        }
    }

    @Test
    void anErrorAnswerThatEchoesTheKeyIsMaskedInTheException() {
        try (MockOpenAi openAi = new MockOpenAi()) {
            openAi.server.enqueue(Fixtures.error(401, "invalid_request_error", "invalid_api_key", null,
                    "Incorrect API key provided: " + Fixtures.API_KEY));
            openAi.server.enqueue(Fixtures.error(400, "invalid_request_error", "invalid_value", "status_code",
                    "Bad status for key " + Fixtures.API_KEY));

            Throwable create = Fixtures.failure(openAi.client.createLiveSession(
                    LiveSessionCreateRequest.of(LiveSessionConfig.of(LiveModel.GPT_LIVE_1), LiveSessionsTest.OFFER)));
            Throwable reject = Fixtures.failure(openAi.client.rejectLiveSession("live_1", 486));

            assertThat(create).isInstanceOf(AuthenticationException.class);
            assertThat(reject).isInstanceOfSatisfying(BadRequestException.class,
                    bad -> assertThat(bad.param()).contains("status_code"));
            for (Throwable error : new Throwable[] {create, reject}) {
                assertThat(error.getMessage()).doesNotContain(Fixtures.API_KEY).contains("***");
                assertThat(error.toString()).doesNotContain(Fixtures.API_KEY);
            }
        }
    }
}
