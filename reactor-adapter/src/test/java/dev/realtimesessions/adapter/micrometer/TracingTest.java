package dev.realtimesessions.adapter.micrometer;

import static dev.realtimesessions.adapter.testing.Upstream.MOCK_API_KEY;
import static dev.realtimesessions.adapter.testing.Upstream.request;
import static org.assertj.core.api.Assertions.assertThat;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.B3Propagation;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.propagation.TraceContext;
import brave.sampler.Sampler;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RetryPolicy;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With Micrometer Tracing (Brave here) on the observation registry, calls and attempts become
 * spans under the caller's span, and each attempt's request carries the trace context.
 */
class TracingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SECRET = "ek_traced_secret_value";

    private final MockWebServer server = new MockWebServer();
    private final List<MutableSpan> spans = new CopyOnWriteArrayList<>();
    private Tracing tracing;
    private ObservationRegistry registry;

    @BeforeEach
    void start() throws Exception {
        server.start();
        ThreadLocalCurrentTraceContext current = ThreadLocalCurrentTraceContext.newBuilder().build();
        tracing = Tracing.newBuilder()
                .localServiceName("token-service")
                .currentTraceContext(current)
                .propagationFactory(B3Propagation.newFactoryBuilder().injectFormat(B3Propagation.Format.MULTI).build())
                .sampler(Sampler.ALWAYS_SAMPLE)
                .addSpanHandler(new SpanHandler() {
                    @Override
                    public boolean end(TraceContext context, MutableSpan span, Cause cause) {
                        spans.add(span);
                        return true;
                    }
                })
                .build();
        BraveTracer tracer = new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(current),
                new BraveBaggageManager());
        registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                new PropagatingSenderTracingObservationHandler<>(tracer, new BravePropagator(tracing)),
                new DefaultTracingObservationHandler(tracer)));
    }

    @AfterEach
    void stop() {
        server.close();
        tracing.close();
    }

    @Test
    void eachAttemptIsAClientSpanUnderTheCallSpanUnderTheCallersSpanAndCarriesTheTraceContext() throws Exception {
        server.enqueue(new MockResponse.Builder().code(500).addHeader("content-type", "application/json")
                .body("{\"error\":{\"message\":\"boom\",\"type\":\"server_error\",\"param\":null,\"code\":null}}").build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                .addHeader("x-request-id", "req_traced")
                .body("{\"value\":\"" + SECRET + "\",\"expires_at\":1756310470,\"session\":{\"type\":\"realtime\"}}")
                .build());
        Observation caller = Observation.start("http.server.requests", registry);
        try (RealtimeSessions sessions = RealtimeSessions.builder().apiKey(MOCK_API_KEY)
                .baseUrl(server.url("/v1").toString())
                .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(10)))
                .callListener(MicrometerCallListener.builder().observationRegistry(registry).build()).build()) {
            sessions.createClientSecret(request())
                    .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, caller))
                    .block(WAIT);
        }
        caller.stop();

        MutableSpan callerSpan = span("http.server.requests");
        MutableSpan call = span("realtime.sessions /realtime/client_secrets");
        List<MutableSpan> attempts = spans.stream().filter(span -> "POST /realtime/client_secrets".equalsIgnoreCase(span.name()))
                .toList();
        assertThat(attempts).hasSize(2);
        assertThat(call.traceId()).isEqualTo(callerSpan.traceId());
        assertThat(call.parentId()).isEqualTo(callerSpan.id());
        assertThat(attempts).allSatisfy(attempt -> {
            assertThat(attempt.traceId()).isEqualTo(callerSpan.traceId());
            assertThat(attempt.parentId()).isEqualTo(call.id());
            assertThat(attempt.kind()).isEqualTo(brave.Span.Kind.CLIENT);
            assertThat(attempt.remoteServiceName()).isEqualTo("openai");
        });
        assertThat(attempts.get(0).tag("outcome")).isEqualTo("SERVER_ERROR");
        assertThat(attempts.get(0).error()).isNotNull();
        assertThat(attempts.get(1).tag("request.id")).isEqualTo("req_traced");

        for (MutableSpan attempt : attempts) {
            RecordedRequest sent = server.takeRequest();
            assertThat(sent.getHeaders().get("X-B3-TraceId")).isEqualTo(callerSpan.traceId());
            assertThat(sent.getHeaders().get("X-B3-SpanId")).isEqualTo(attempt.id());
        }
        for (MutableSpan span : spans) {
            assertThat(span.toString()).doesNotContain(MOCK_API_KEY).doesNotContain(SECRET);
            for (Map.Entry<String, String> tag : span.tags().entrySet()) {
                assertThat(tag.getValue()).doesNotContain("sk-").doesNotContain("ek_");
            }
        }
    }

    private MutableSpan span(String name) {
        return spans.stream().filter(span -> name.equalsIgnoreCase(span.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no span named " + name + " in " + spans));
    }
}
