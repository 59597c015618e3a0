package dev.realtimesessions.adapter.webflux;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RetryPolicy;
import dev.realtimesessions.adapter.testing.CountingVirtualTimer;
import dev.realtimesessions.local.LocalCall;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.local.SipHeader;
import dev.realtimesessions.local.WebhookDelivery;
import dev.realtimesessions.webhooks.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A real Spring WebFlux app on a random loopback port serving webhook endpoints, the local endpoint
 * playing OpenAI (it rings SIP calls into the app with {@link #SECRET} and records the accept,
 * reject, refer and hangup it gets), the client between them, and the virtual timer the endpoints'
 * handler timeouts and time limits run on.
 */
final class WebhookApp implements AutoCloseable {

    /** The webhook's signing secret, as OpenAI shows it: {@code whsec_} and base64. */
    static final String SECRET = "whsec_" + Base64.getEncoder()
            .encodeToString("the test webhook secret, 32 bytes".getBytes(StandardCharsets.UTF_8));

    static final Duration WAIT = Duration.ofSeconds(20);

    final LocalRealtimeEndpoint openai = LocalRealtimeEndpoint.start();
    final CountingVirtualTimer timer = new CountingVirtualTimer();
    /** Without retries: a control the local endpoint refuses is sent once. */
    final RealtimeSessions sessions = RealtimeSessions.builder().apiKey(LocalRealtimeEndpoint.API_KEY)
            .baseUrl(openai.baseUrl()).retryPolicy(RetryPolicy.none()).build();
    final ConfigurableApplicationContext app;
    final String baseUrl;
    final WebTestClient client;
    private final AtomicInteger tags = new AtomicInteger();

    WebhookApp(Function<WebhookApp, RouterFunction<ServerResponse>> routes) {
        RouterFunction<ServerResponse> router = routes.apply(this);
        app = new SpringApplicationBuilder(CallEndpointApp.App.class).web(WebApplicationType.REACTIVE)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off")
                .initializers(context -> ((GenericApplicationContext) context).registerBean("realtimeWebhookRoutes",
                        RouterFunction.class, () -> router))
                .run();
        baseUrl = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        client = WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(WAIT).build();
    }

    /** An endpoint on this app's client and timer, verifying with {@link #SECRET}. */
    RealtimeWebhookEndpoint.Builder endpoint(String path, IncomingCallHandler handler) {
        return RealtimeWebhookEndpoint.builder(sessions).path(path).verifier(WebhookVerifier.of(SECRET))
                .callHandler(handler).timer(timer);
    }

    String url(String path) {
        return baseUrl + path;
    }

    /** The INVITE's headers of a call from {@code number}, with a new tag each time, as a phone sends them. */
    List<SipHeader> from(String number) {
        List<SipHeader> headers = new ArrayList<>();
        headers.add(SipHeader.of("Via", "SIP/2.0/TLS 198.51.100.7:5061;branch=z9hG4bK" + tags.incrementAndGet()));
        headers.add(SipHeader.of("From", "\"Caller\" <sip:" + number + "@carrier.example>;tag=t" + tags.get()));
        headers.add(SipHeader.of("To", "<sip:+18005550100@sip.api.openai.com>"));
        return headers;
    }

    /** Rings a call from {@code number} into {@code path} with the right secret and waits for the app's answer. */
    WebhookDelivery ring(String path, String number) {
        return openai.ringSip(url(path), SECRET, from(number)).block(WAIT);
    }

    /** Rings without waiting: for a test that moves the virtual clock while the app decides. */
    CompletableFuture<WebhookDelivery> ringLater(String path, String number) {
        return openai.ringSip(url(path), SECRET, from(number)).toFuture();
    }

    /** The call as the local endpoint has it now. */
    LocalCall call(String callId) {
        return openai.call(callId).orElseThrow();
    }

    /** Waits until the call has reached {@code state} at the local endpoint. */
    LocalCall await(String callId, LocalCall.State state) {
        return openai.awaitCall(callId, state).block(WAIT);
    }

    /** Waits until the timer holds {@code count} tasks (a bound, not a timing assertion). */
    void awaitScheduled(int count) throws InterruptedException {
        for (long end = System.nanoTime() + WAIT.toNanos(); timer.waiting() != count; Thread.sleep(5)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("expected " + count + " scheduled task(s), found " + timer.waiting());
            }
        }
    }

    @Override
    public void close() {
        app.close();
        sessions.close();
        openai.close();
        timer.dispose();
    }
}
