package dev.realtimesessions.adapter.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RetryPolicy;
import dev.realtimesessions.ValidationException;
import dev.realtimesessions.adapter.testing.FakeCallsApi;
import dev.realtimesessions.adapter.testing.Upstream;
import dev.realtimesessions.adapter.webflux.RealtimeCallEndpoint;
import dev.realtimesessions.adapter.webflux.RealtimeTokenAuthorizer;
import dev.realtimesessions.adapter.webflux.TokenGuardrails;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The gauges of a call endpoint's open calls, and the metrics of the calls API through the client's
 * {@link MicrometerCallListener}: endpoints named by their path templates, and no call id or user in
 * any tag.
 */
class RealtimeCallEndpointMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final FakeCallsApi api = new FakeCallsApi();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ObservationRegistry observations = ObservationRegistry.create();
    private final RealtimeSessions sessions;
    private final RealtimeCallEndpoint endpoint;

    RealtimeCallEndpointMetricsTest() {
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        sessions = RealtimeSessions.builder().apiKey(Upstream.MOCK_API_KEY).baseUrl(api.baseUrl())
                .retryPolicy(RetryPolicy.none())
                .callListener(MicrometerCallListener.builder().observationRegistry(observations).meterRegistry(meters)
                        .build())
                .build();
        endpoint = RealtimeCallEndpoint.builder(sessions).authorizer(RealtimeTokenAuthorizer.permitAll())
                .guardrails(TokenGuardrails.builder()
                        .user(request -> Mono.justOrEmpty(request.headers().firstHeader("X-Caller"))).build())
                .build();
    }

    @AfterEach
    void stop() {
        endpoint.hangupAll().block(WAIT);
        sessions.close();
        api.close();
    }

    private void start(String user) {
        MockServerRequest offer = MockServerRequest.builder().method(HttpMethod.POST).uri(URI.create("/realtime/call"))
                .header("X-Caller", user).header("Content-Type", "application/sdp")
                .body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(
                        FakeCallsApi.OFFER.getBytes(StandardCharsets.UTF_8))));
        assertThat(endpoint.handle(offer).block(WAIT).statusCode().value()).isEqualTo(201);
    }

    private double gauge(String name) {
        return meters.get(name).tag("endpoint", "/realtime/call").gauge().value();
    }

    @Test
    void theGaugesFollowTheOpenCalls() throws Exception {
        new RealtimeCallEndpointMetrics(endpoint).bindTo(meters);
        assertThat(gauge(RealtimeCallEndpointMetrics.OPEN)).isZero();
        start("alice");
        start("alice");
        start("bob");
        assertThat(gauge(RealtimeCallEndpointMetrics.OPEN)).isEqualTo(3);
        assertThat(gauge(RealtimeCallEndpointMetrics.USERS)).isEqualTo(2);
        assertThat(gauge(RealtimeCallEndpointMetrics.MOST_PER_USER)).isEqualTo(2);

        assertThat(endpoint.revokeUser("alice").block(WAIT)).isEqualTo(2);
        assertThat(gauge(RealtimeCallEndpointMetrics.OPEN)).isEqualTo(1);
        assertThat(gauge(RealtimeCallEndpointMetrics.USERS)).isEqualTo(1);
        assertThat(gauge(RealtimeCallEndpointMetrics.MOST_PER_USER)).isEqualTo(1);

        endpoint.hangupAll().block(WAIT);
        assertThat(gauge(RealtimeCallEndpointMetrics.OPEN)).isZero();
        assertThat(gauge(RealtimeCallEndpointMetrics.USERS)).isZero();
        assertThat(gauge(RealtimeCallEndpointMetrics.MOST_PER_USER)).isZero();
    }

    @Test
    void noTagHoldsACallIdOrAUserAndTheCallsApiIsNamedByItsTemplates() throws Exception {
        new RealtimeCallEndpointMetrics(endpoint).bindTo(meters);
        start("alice");
        String callId = api.lastCallId();
        endpoint.revokeUser("alice").block(WAIT);
        sessions.acceptCall(callId, dev.realtimesessions.model.RealtimeSessionConfig.builder().model("gpt-realtime")
                .build()).onErrorResume(e -> Mono.empty()).block(WAIT);

        List<String> tagValues = new ArrayList<>();
        for (Meter meter : meters.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                tagValues.add(tag.getValue());
            }
        }
        assertThat(tagValues).as("no call id or user in any tag").noneMatch(value -> value.contains("rtc_"))
                .noneMatch(value -> value.contains("alice"));
        assertThat(tagValues).contains("/realtime/calls", "/realtime/calls/{call_id}/hangup",
                "/realtime/calls/{call_id}/accept", "/realtime/call");
        assertThat(meters.get(MicrometerCallListener.CALL).tag("endpoint", "/realtime/calls/{call_id}/hangup")
                .tag("outcome", "SUCCESS").timer().count()).isEqualTo(1);
    }

    @Test
    void aNullEndpointIsRefused() {
        assertThat(catchThrowable(() -> new RealtimeCallEndpointMetrics(null))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("endpoint");
    }
}
