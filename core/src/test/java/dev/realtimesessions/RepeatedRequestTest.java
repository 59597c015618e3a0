package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testing.Fixtures.MockOpenAi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * A request sent again (the same instance) goes on the wire exactly as it did the first time,
 * whether it is written anew or from the JSON the client kept of it: in turn with other requests,
 * in a retry, and from many calls at once.
 */
class RepeatedRequestTest {

    @AutoClose
    private final MockOpenAi openAi = new MockOpenAi(builder -> builder
            .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(5))));
    private final ClientSecretCreateRequest first = request("first");
    private final ClientSecretCreateRequest second = request("second");

    private static ClientSecretCreateRequest request(String instructions) {
        return ClientSecretCreateRequest.builder()
                .expiresAfter(Duration.ofMinutes(2))
                .session(RealtimeSessionConfig.builder().model(RealtimeModel.GPT_REALTIME).instructions(instructions)
                        .build())
                .build();
    }

    private String send(ClientSecretCreateRequest request) {
        openAi.answer(200, Fixtures.MINIMAL_CLIENT_SECRET);
        assertThat(openAi.await(openAi.client.createClientSecret(request)).value()).isEqualTo("ek_test_minimal_secret");
        return openAi.takeRequest().getBody().utf8();
    }

    @Test
    void eachRequestGoesOutAsItsOwnJsonWhateverWasSentBeforeIt() {
        String firstJson = send(first);
        String secondJson = send(second);
        assertThat(Fixtures.json(firstJson).path("session").path("instructions").asString()).isEqualTo("first");
        assertThat(Fixtures.json(secondJson).path("session").path("instructions").asString()).isEqualTo("second");

        List<String> sent = new ArrayList<>();
        for (ClientSecretCreateRequest request : List.of(first, first, first, second, first, second, second, first)) {
            sent.add(send(request));
        }

        assertThat(sent).containsExactly(firstJson, firstJson, firstJson, secondJson, firstJson, secondJson, secondJson,
                firstJson);
        // An equal request made anew writes the same bytes as the instance sent many times.
        assertThat(send(request("first"))).isEqualTo(firstJson);
    }

    @Test
    void aRetryOfARequestSentBeforeSendsTheSameBody() {
        ClientSecretCreateRequest request = request("retried");
        String json = send(request);
        openAi.answer(503, "{\"error\":{\"message\":\"busy\",\"type\":\"server_error\"}}");
        openAi.answer(200, Fixtures.MINIMAL_CLIENT_SECRET);

        openAi.await(openAi.client.createClientSecret(request));

        assertThat(openAi.takeRequest().getBody().utf8()).isEqualTo(json);
        assertThat(openAi.takeRequest().getBody().utf8()).isEqualTo(json);
    }

    @Test
    void manyCallsAtOnceAlternatingTwoRequestsEachSendTheirOwn() {
        String firstJson = send(first);
        String secondJson = send(second);
        int calls = 400;
        for (int i = 0; i < calls; i++) {
            openAi.answer(200, Fixtures.MINIMAL_CLIENT_SECRET);
        }

        List<String> values = Flux.range(0, calls)
                .flatMap(i -> openAi.client.createClientSecret(i % 3 == 0 ? second : first), 64)
                .map(response -> response.value())
                .collectList()
                .block(Fixtures.WAIT);

        assertThat(values).hasSize(calls);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            bodies.add(openAi.takeRequest().getBody().utf8());
        }
        Map<String, Long> byBody = bodies.stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        assertThat(byBody).containsOnlyKeys(firstJson, secondJson);
        assertThat(byBody.get(secondJson)).isEqualTo(134L); // i % 3 == 0 for 0, 3, ..., 399
        assertThat(byBody.get(firstJson)).isEqualTo(266L);
    }
}
