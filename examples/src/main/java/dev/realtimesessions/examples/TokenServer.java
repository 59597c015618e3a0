package dev.realtimesessions.examples;

import dev.realtimesessions.adapter.boot.RealtimeSessionsProperties;
import dev.realtimesessions.adapter.webflux.RealtimeTokenAuthorizer;
import dev.realtimesessions.adapter.webflux.RealtimeTokenEndpoint;
import dev.realtimesessions.adapter.webflux.RealtimeTokenQuota;
import dev.realtimesessions.adapter.webflux.TokenGuardrails;
import dev.realtimesessions.model.AudioOutputConfig;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.Voice;
import dev.realtimesessions.redis.boot.RealtimeRedisAutoConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpCookie;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * A Spring Boot 4 WebFlux app that hands Realtime client secrets to a browser: it serves a small
 * page at {@code /} and the reactor adapter's {@link RealtimeTokenEndpoint} (GA mode) at
 * {@code POST /realtime/session}. The page asks the endpoint for a session and shows its voice,
 * model and a live countdown to the secret's expiry; when the app mints against OpenAI
 * ({@code OPENAI_API_KEY} set) it also offers to open the WebRTC connection to OpenAI Realtime
 * with the ephemeral key. Without a key it mints against the embedded local endpoint.
 *
 * <p>Who may have a secret: the page's response sets an {@code HttpOnly} demo cookie, standing in
 * for a real login session, and the endpoint's authorizer checks it. {@code /?deny}, or the page's
 * "Ask without the demo cookie" button, calls the endpoint without it, and the page shows the
 * endpoint's {@code 403} as a readable error.
 *
 * <p>A per-user quota is off until {@code realtime.openai.endpoint.guardrails.quota.requests} (and
 * {@code .per}, default {@code 1m}) is set, as a system property or environment variable: counted in
 * memory, or, with {@code realtime.openai.redis.url} too, in Redis, shared by every TokenServer on
 * that Redis (the redis module's auto-configuration). The demo has no login, so the quota counts
 * the user named by the {@value #DEMO_USER_HEADER} header, standing in for a login's user name as
 * the cookie stands in for the login; without it, all callers are one user,
 * {@value TokenGuardrails#ANONYMOUS}.
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:java -Dexample=TokenServer                      # http://localhost:8080/
 * mvn -q -pl examples -am compile exec:java -Dexample=TokenServer -Dexec.args="9090"   # another port
 * mvn -q -pl examples -am compile exec:java -Dexample=TokenServer \
 *     -Drealtime.openai.endpoint.guardrails.quota.requests=5 -Drealtime.openai.redis.url=redis://127.0.0.1:6379
 * </pre>
 */
public final class TokenServer implements AutoCloseable {

    /** The cookie the page's response sets and the token endpoint's authorizer requires. */
    public static final String DEMO_COOKIE = "demo_session";

    /** The header naming the user the quota counts: the demo's stand-in for a login's user name. */
    public static final String DEMO_USER_HEADER = "X-Demo-User";

    /** The port {@link #main(String[])} listens on unless given another. */
    public static final int DEFAULT_PORT = 8080;

    /** How long each minted secret lives: long enough to connect, short enough to watch it run out. */
    static final Duration SECRET_LIFETIME = Duration.ofMinutes(2);

    private static final String RESOURCES = "/tokenserver/";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " connect-src 'self' https://api.openai.com; img-src 'self' data:; media-src 'self' blob:;"
            + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final ExampleClients clients;
    private final AtomicReference<String> quota = new AtomicReference<>("none");
    private final ConfigurableApplicationContext app;
    private final int port;

    private TokenServer(ExampleClients clients, int port, boolean offerWebRtc, String... properties) {
        this.clients = clients;
        try {
            String demoCredential = newDemoCredential();
            this.app = new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE)
                    .properties("server.port=" + port, "server.address=127.0.0.1", "spring.main.banner-mode=off")
                    .properties(properties)
                    .initializers(context -> {
                        GenericApplicationContext generic = (GenericApplicationContext) context;
                        generic.registerBean("tokenServerRoutes", RouterFunction.class, () -> {
                            RealtimeTokenQuota configured = quota(generic);
                            quota.set(String.valueOf(configured == null ? "none" : configured));
                            return routes(clients, demoCredential, offerWebRtc, configured);
                        });
                        // The server's own event loops rather than Reactor Netty's global ones, which
                        // Spring would dispose at close, under any other app or client in the JVM.
                        generic.registerBean(ReactorResourceFactory.class, () -> {
                            ReactorResourceFactory resources = new ReactorResourceFactory();
                            resources.setUseGlobalResources(false);
                            resources.setShutdownQuietPeriod(Duration.ZERO);
                            return resources;
                        });
                    })
                    .run();
            this.port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        } catch (RuntimeException e) {
            clients.close();
            throw e;
        }
    }

    /**
     * Starts the app on loopback, minting against OpenAI when {@code OPENAI_API_KEY} is set and
     * against an embedded local endpoint otherwise.
     *
     * @param port the port to listen on, {@code 0} for any free one
     * @return the running app; {@link #close()} stops it
     */
    public static TokenServer start(int port) {
        ExampleClients clients = ExampleClients.start(builder -> { });
        return new TokenServer(clients, port, !clients.isLocal());
    }

    /**
     * Starts the app against the embedded local endpoint whatever the environment says: for tests.
     * With {@code offerWebRtc} the page behaves as with a real key and offers the WebRTC
     * connection (a test must not click it).
     */
    static TokenServer startLocal(int port, boolean offerWebRtc, String... properties) {
        return new TokenServer(ExampleClients.startLocal(builder -> { }), port, offerWebRtc, properties);
    }

    /**
     * The port the app listens on.
     *
     * @return the port, resolved when {@code 0} was asked for
     */
    public int port() {
        return port;
    }

    /**
     * The page's address.
     *
     * @return {@code http://localhost:<port>/}
     */
    public String url() {
        return "http://localhost:" + port + "/";
    }

    /**
     * Whether secrets come from the embedded local endpoint rather than OpenAI (the page then does
     * not offer the WebRTC connection).
     *
     * @return {@code true} without {@code OPENAI_API_KEY}
     */
    public boolean isLocal() {
        return clients.isLocal();
    }

    /**
     * The quota the endpoint counts with, as configured.
     *
     * @return a description such as {@code RedisTokenQuota(5 per PT1M, ...)}, or {@code none}
     */
    public String quota() {
        return quota.get();
    }

    /** Stops the app, then the client and the embedded endpoint, if any. */
    @Override
    public void close() {
        try {
            app.close();
        } finally {
            clients.close();
        }
    }

    /**
     * Runs the app until the JVM is stopped (Ctrl-C).
     *
     * @param args optionally the port (default {@value #DEFAULT_PORT})
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        TokenServer server = start(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "token-server-shutdown"));
        System.out.println("TokenServer: open " + server.url() + " (" + server.url()
                + "?deny shows a refused call); quota: " + server.quota() + "; Ctrl-C stops it");
        stopped.await();
    }

    /**
     * The Redis quota when the redis module's auto-configuration made one, else an in-memory one when
     * {@code realtime.openai.endpoint.guardrails.quota.requests} is set, else none.
     */
    private static @Nullable RealtimeTokenQuota quota(GenericApplicationContext context) {
        RealtimeTokenQuota shared = context.getBeanProvider(RealtimeTokenQuota.class).getIfUnique();
        if (shared != null) {
            return shared;
        }
        Environment environment = context.getEnvironment();
        return Binder.get(environment).bind(RealtimeSessionsProperties.PREFIX + ".endpoint.guardrails.quota",
                        RealtimeSessionsProperties.Quota.class)
                .map(quota -> quota.requests() == null ? null : RealtimeTokenQuota.inMemory(quota.requests(), quota.per()))
                .orElse(null);
    }

    private static RouterFunction<ServerResponse> routes(ExampleClients clients, String demoCredential,
            boolean offerWebRtc, @Nullable RealtimeTokenQuota quota) {
        TokenGuardrails.Builder guardrails = TokenGuardrails.builder()
                .user(request -> Mono.justOrEmpty(request.headers().firstHeader(DEMO_USER_HEADER)));
        if (quota != null) {
            guardrails.quota(quota);
        }
        RealtimeTokenEndpoint endpoint = RealtimeTokenEndpoint.builder(clients.sessions())
                .authorizer(hasCookie(demoCredential))
                .guardrails(guardrails.build())
                .clientSecretRequest(ClientSecretCreateRequest.builder()
                        .expiresAfter(SECRET_LIFETIME)
                        .session(RealtimeSessionConfig.builder()
                                .model(RealtimeModel.GPT_REALTIME)
                                .instructions("You are a friendly assistant. Keep your answers short.")
                                .audioOutput(AudioOutputConfig.ofVoice(Voice.MARIN))
                                .build())
                        .build())
                .build();
        // The page and its assets are read once, here, so that serving them never touches the disk on an event loop.
        String page = resource("index.html").replace("{{UPSTREAM}}", offerWebRtc ? "openai" : "local");
        String script = resource("token-page.js");
        String style = resource("token-page.css");
        ResponseCookie cookie = ResponseCookie.from(DEMO_COOKIE, demoCredential)
                .httpOnly(true).sameSite("Strict").path("/").build();
        return RouterFunctions.route(RequestPredicates.GET("/"),
                        request -> asset(MediaType.TEXT_HTML, page, builder -> builder.cookie(cookie)))
                .andRoute(RequestPredicates.GET("/token-page.js"),
                        request -> asset(MediaType.valueOf("text/javascript;charset=UTF-8"), script, builder -> { }))
                .andRoute(RequestPredicates.GET("/token-page.css"),
                        request -> asset(MediaType.valueOf("text/css;charset=UTF-8"), style, builder -> { }))
                .and(endpoint.routerFunction());
    }

    /** The demo's authorization: the caller must send back the cookie the page's response set. */
    private static RealtimeTokenAuthorizer hasCookie(String demoCredential) {
        byte[] expected = demoCredential.getBytes(StandardCharsets.US_ASCII);
        return request -> {
            HttpCookie cookie = request.cookies().getFirst(DEMO_COOKIE);
            return Mono.just(cookie != null
                    && MessageDigest.isEqual(expected, cookie.getValue().getBytes(StandardCharsets.US_ASCII)));
        };
    }

    private static Mono<ServerResponse> asset(MediaType type, String body, Consumer<ServerResponse.BodyBuilder> extra) {
        ServerResponse.BodyBuilder builder = ServerResponse.ok()
                .contentType(type.getCharset() == null ? new MediaType(type, StandardCharsets.UTF_8) : type)
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
        extra.accept(builder);
        return builder.bodyValue(body);
    }

    private static String newDemoCredential() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String resource(String name) {
        try (InputStream in = TokenServer.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Only what a WebFlux app on Reactor Netty needs (the server, the handler, WebFlux and its
     * codecs), and the Redis quota when it is configured.
     */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
            WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class, RealtimeRedisAutoConfiguration.class})
    static class App {
    }
}
