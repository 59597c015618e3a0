package dev.realtimesessions.adapter.webflux;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.RetryPolicy;
import dev.realtimesessions.adapter.testing.CountingVirtualTimer;
import dev.realtimesessions.adapter.testing.FakeCallsApi;
import dev.realtimesessions.adapter.testing.Upstream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A real Spring WebFlux app on a random loopback port serving call endpoints, a {@link FakeCallsApi}
 * standing in for OpenAI, the client between them (no retries, the mock API key), and the virtual
 * timer the endpoints' time limits run on. Callers name themselves in {@code X-Caller}: alice, bob
 * and carol are allowed, anyone else is refused. {@code X-Tenant: acme} makes the customizer use
 * {@link #TENANT_KEY} for the call.
 */
final class CallEndpointApp implements AutoCloseable {

    static final String TENANT_KEY = "sk-tenant-acme-0123456789";

    static final RealtimeTokenAuthorizer BY_HEADER = request -> Mono.just(
            List.of("alice", "bob", "carol").contains(request.headers().firstHeader("X-Caller")));

    /** Per-tenant options by header, and the configured session otherwise. */
    static final RealtimeTokenCustomizer TENANTS = new RealtimeTokenCustomizer() {
        @Override
        public Mono<RequestOptions> requestOptions(ServerRequest request) {
            return Mono.justOrEmpty(request.headers().firstHeader("X-Tenant"))
                    .map(tenant -> RequestOptions.builder().apiKey(TENANT_KEY).project("proj_" + tenant).build());
        }
    };

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
            WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class})
    static class App {
    }

    final FakeCallsApi api = new FakeCallsApi();
    final CountingVirtualTimer timer = new CountingVirtualTimer();
    final RealtimeSessions sessions = RealtimeSessions.builder().apiKey(Upstream.MOCK_API_KEY).baseUrl(api.baseUrl())
            .retryPolicy(RetryPolicy.none()).build();
    final ConfigurableApplicationContext app;
    final String baseUrl;
    final WebTestClient client;

    CallEndpointApp(Function<CallEndpointApp, RouterFunction<ServerResponse>> routes) {
        RouterFunction<ServerResponse> router = routes.apply(this);
        app = new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off")
                .initializers(context -> ((GenericApplicationContext) context).registerBean("realtimeCallRoutes",
                        RouterFunction.class, () -> router))
                .run();
        baseUrl = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        client = WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(20)).build();
    }

    /** An endpoint on this app's client and timer: the header authorizer, users by header, the tenants' customizer. */
    RealtimeCallEndpoint.Builder endpoint(String path) {
        return RealtimeCallEndpoint.builder(sessions).path(path).authorizer(BY_HEADER).customizer(TENANTS)
                .guardrails(usersByHeader().build()).timer(timer);
    }

    /** Guardrails whose user is the {@code X-Caller} header. */
    static TokenGuardrails.Builder usersByHeader() {
        return TokenGuardrails.builder().user(request -> Mono.justOrEmpty(request.headers().firstHeader("X-Caller")));
    }

    /** Posts {@code offer} as {@code application/sdp} to {@code path} as {@code caller}. */
    WebTestClient.ResponseSpec offer(String path, String caller, String offer) {
        return client.post().uri(path).header("X-Caller", caller).header("Content-Type", "application/sdp")
                .bodyValue(offer).exchange();
    }

    /** Starts a call as {@code caller} and returns the {@code Location} the browser got. */
    String startCall(String path, String caller) {
        return offer(path, caller, FakeCallsApi.OFFER).expectStatus().isCreated().expectBody(String.class)
                .returnResult().getResponseHeaders().getLocation().toString();
    }

    /** A browser's offer as it reaches the handler, for tests calling {@link RealtimeCallEndpoint#handle} directly. */
    static ServerRequest offerRequest(String path, String caller) {
        DataBuffer body = DefaultDataBufferFactory.sharedInstance
                .wrap(FakeCallsApi.OFFER.getBytes(StandardCharsets.UTF_8));
        return MockServerRequest.builder().method(HttpMethod.POST).uri(URI.create(path)).header("X-Caller", caller)
                .header("Content-Type", "application/sdp").body(Flux.just(body));
    }

    @Override
    public void close() {
        app.close();
        sessions.close();
        api.close();
        timer.dispose();
    }
}
