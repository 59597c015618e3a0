package dev.realtimesessions.examples;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.adapter.boot.RealtimeSessionsAutoConfiguration;
import dev.realtimesessions.adapter.boot.RealtimeSessionsProperties;
import dev.realtimesessions.adapter.webflux.RealtimeCallEndpoint;
import dev.realtimesessions.adapter.webflux.RealtimeTokenAuthorizer;
import dev.realtimesessions.adapter.webflux.RealtimeTokenEndpoint;
import dev.realtimesessions.adapter.webflux.RealtimeTokenQuota;
import dev.realtimesessions.adapter.webflux.TokenGuardrails;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.redis.boot.RealtimeRedisAutoConfiguration;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
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
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.web.reactive.function.server.RouterFunction;

/**
 * A Spring Boot 4 WebFlux app that starts Realtime sessions for a browser in both of OpenAI's ways,
 * with the reactor adapter's endpoints configured by their Boot properties
 * ({@code realtime.openai.endpoint.*}, {@code realtime.openai.call-endpoint.*}):
 * <ul>
 *   <li>the token page at {@code /} asks the {@link RealtimeTokenEndpoint} ({@code POST
 *       /realtime/session}) for a client secret and shows its voice, model and a live countdown to
 *       its expiry; when the app mints against OpenAI it also offers to open the WebRTC connection
 *       with the ephemeral key;</li>
 *   <li>the call page at {@code /call} makes a WebRTC offer in the browser and posts it to the
 *       {@link RealtimeCallEndpoint} ({@code POST /realtime/call}), which starts the call with the
 *       API key and answers with the SDP answer alone; the page applies it and shows the signaling
 *       state and the time left before the app's limit ({@value #CALL_MAX_DURATION_PROPERTY},
 *       2 minutes here), hangs up with {@code DELETE} of the answer's {@code Location}, and revokes the
 *       user's calls, as a logout would, with {@code POST /demo/revoke}, which hangs up every call of
 *       the user ({@link RealtimeCallEndpoint#revokeUser(String)}).</li>
 * </ul>
 * Sessions start against OpenAI when {@code OPENAI_API_KEY} is set, and against the embedded local
 * endpoint otherwise (which answers offers but sends no media).
 *
 * <p>Who may start a session: serving a page sets an {@code HttpOnly} demo cookie, standing in for
 * a real login, and both endpoints' authorizer checks it. {@code /?deny}, or the token page's "Ask
 * without the demo cookie" button, calls the endpoint without it, and the page shows the
 * endpoint's {@code 403} as a readable error.
 *
 * <p>A per-user quota is off until {@code realtime.openai.endpoint.guardrails.quota.requests} (and
 * {@code .per}, default {@code 1m}) is set, as a system property, an environment variable or an
 * argument: counted in memory, or, with {@code realtime.openai.redis.url} too, in Redis, shared by
 * every TokenServer on that Redis (the redis module's auto-configuration). The quota counts the
 * signed-in user, {@code demo-user}, or the user a {@value #DEMO_USER_HEADER} header names: the
 * demo's stand-in for a login's user name, for scripts that play several users.
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:java -Dexample=TokenServer                      # http://localhost:8080/
 * mvn -q -pl examples -am compile exec:java -Dexample=TokenServer -Dexec.args="9090"   # another port
 * mvn -q -pl examples -am compile exec:java -Dexample=TokenServer \
 *     -Dexec.args="--realtime.openai.call-endpoint.max-duration=30s"                   # calls end after 30 s
 * mvn -q -pl examples -am compile exec:java -Dexample=TokenServer \
 *     -Drealtime.openai.endpoint.guardrails.quota.requests=5 -Drealtime.openai.redis.url=redis://127.0.0.1:6379
 * </pre>
 */
public final class TokenServer implements AutoCloseable {

    /** The cookie the pages' responses set and the endpoints' authorizer requires. */
    public static final String DEMO_COOKIE = "demo_session";

    /** The header naming the user the quota counts: the demo's stand-in for a login's user name. */
    public static final String DEMO_USER_HEADER = "X-Demo-User";

    /** The port {@link #main(String[])} listens on unless given another. */
    public static final int DEFAULT_PORT = 8080;

    /** The Boot property that sets how long a call may last before the app hangs it up. */
    public static final String CALL_MAX_DURATION_PROPERTY = "realtime.openai.call-endpoint.max-duration";

    /** How long each minted secret lives: long enough to connect, short enough to watch it run out. */
    static final Duration SECRET_LIFETIME = Duration.ofMinutes(2);

    /** How long a call may last unless {@value #CALL_MAX_DURATION_PROPERTY} says otherwise: short, to watch it. */
    static final Duration CALL_MAX_DURATION = Duration.ofMinutes(2);

    /** The sessions' instructions: they stay on the server, whichever way the session starts. */
    static final String INSTRUCTIONS = "You are a friendly assistant. Keep your answers short.";

    private final ExampleClients clients;
    private final AtomicReference<String> quota = new AtomicReference<>("none");
    private final ConfigurableApplicationContext app;
    private final int port;

    private TokenServer(ExampleClients clients, int port, boolean offerWebRtc, String... properties) {
        this.clients = clients;
        try {
            DemoLogin login = new DemoLogin();
            this.app = new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE)
                    .properties(defaults(port))
                    .initializers(context -> {
                        GenericApplicationContext generic = (GenericApplicationContext) context;
                        // The auto-configuration backs off for the application's own client. ExampleClients
                        // owns it and closes it after the app, whose call endpoint hangs up with it at shutdown.
                        generic.registerBean(RealtimeSessions.class, clients::sessions,
                                definition -> definition.setDestroyMethodName(""));
                        generic.registerBean(RealtimeTokenAuthorizer.class, login::authorizer);
                        generic.registerBean(TokenGuardrails.class, () -> {
                            RealtimeTokenQuota configured = quota(generic);
                            quota.set(String.valueOf(configured == null ? "none" : configured));
                            return login.guardrails(configured);
                        });
                        generic.registerBean("tokenServerPages", RouterFunction.class, () -> DemoPages.routes(login,
                                offerWebRtc, generic.getBean(RealtimeCallEndpoint.class)));
                        // The server's own event loops rather than Reactor Netty's global ones, which
                        // Spring would dispose at close, under any other app or client in the JVM.
                        generic.registerBean(ReactorResourceFactory.class, () -> {
                            ReactorResourceFactory resources = new ReactorResourceFactory();
                            resources.setUseGlobalResources(false);
                            resources.setShutdownQuietPeriod(Duration.ZERO);
                            return resources;
                        });
                    })
                    .run(properties);
            this.port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        } catch (RuntimeException e) {
            clients.close();
            throw e;
        }
    }

    /**
     * The app's configuration, each value a default that a command-line argument
     * ({@code --realtime.openai.call-endpoint.max-duration=30s}) or an environment variable
     * ({@code REALTIME_OPENAI_CALLENDPOINT_MAXDURATION=30s}) overrides. Both endpoints start the same
     * session; the call endpoint's time limit and the secrets' lifetime are short, to watch them run out.
     */
    private static Map<String, Object> defaults(int port) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("server.port", port);
        defaults.put("server.address", "127.0.0.1");
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("realtime.openai.endpoint.enabled", true);
        defaults.put("realtime.openai.endpoint.model", "gpt-realtime");
        defaults.put("realtime.openai.endpoint.instructions", INSTRUCTIONS);
        defaults.put("realtime.openai.endpoint.voice", "marin");
        defaults.put("realtime.openai.endpoint.secret-lifetime", SECRET_LIFETIME.toSeconds() + "s");
        defaults.put("realtime.openai.call-endpoint.enabled", true);
        defaults.put(CALL_MAX_DURATION_PROPERTY, CALL_MAX_DURATION.toSeconds() + "s");
        return defaults;
    }

    /**
     * Starts the app on loopback, starting sessions with OpenAI when {@code OPENAI_API_KEY} is set
     * and with an embedded local endpoint otherwise.
     *
     * @param port the port to listen on, {@code 0} for any free one
     * @param properties Spring Boot command-line arguments that override the app's defaults, such as
     *     {@code --realtime.openai.call-endpoint.max-duration=30s}
     * @return the running app; {@link #close()} stops it
     */
    public static TokenServer start(int port, String... properties) {
        ExampleClients clients = ExampleClients.start(builder -> { });
        return new TokenServer(clients, port, !clients.isLocal(), properties);
    }

    /**
     * Starts the app against the embedded local endpoint whatever the environment says: for tests.
     * With {@code offerWebRtc} the token page behaves as with a real key and offers the WebRTC
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
     * The token page's address.
     *
     * @return {@code http://localhost:<port>/}
     */
    public String url() {
        return "http://localhost:" + port + "/";
    }

    /**
     * The call page's address.
     *
     * @return {@code http://localhost:<port>/call}
     */
    public String callUrl() {
        return url() + "call";
    }

    /**
     * Whether sessions start at the embedded local endpoint rather than OpenAI (the token page then
     * does not offer the WebRTC connection, and calls carry no media).
     *
     * @return {@code true} without {@code OPENAI_API_KEY}
     */
    public boolean isLocal() {
        return clients.isLocal();
    }

    /**
     * The quota the endpoints count with, as configured.
     *
     * @return a description such as {@code RedisTokenQuota(5 per PT1M, ...)}, or {@code none}
     */
    public String quota() {
        return quota.get();
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
        return Binder.get(context.getEnvironment()).bind(RealtimeSessionsProperties.PREFIX + ".endpoint.guardrails.quota",
                        RealtimeSessionsProperties.Quota.class)
                .map(quota -> quota.requests() == null ? null : RealtimeTokenQuota.inMemory(quota.requests(), quota.per()))
                .orElse(null);
    }

    /** The embedded endpoint the app starts sessions with, or null when it uses OpenAI: for tests. */
    @Nullable LocalRealtimeEndpoint local() {
        return clients.local();
    }

    /** The app's call endpoint: for tests, to see its open calls. */
    RealtimeCallEndpoint callEndpoint() {
        return app.getBean(RealtimeCallEndpoint.class);
    }

    /** Stops the app (its call endpoint hangs up the calls still open), then the client and the embedded endpoint, if any. */
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
     * @param args optionally the port first (default {@value #DEFAULT_PORT}), then Spring Boot
     *     command-line arguments such as {@code --realtime.openai.call-endpoint.max-duration=30s}
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        boolean portGiven = args.length > 0 && !args[0].startsWith("--");
        int port = portGiven ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        TokenServer server = start(port, portGiven ? Arrays.copyOfRange(args, 1, args.length) : args);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "token-server-shutdown"));
        System.out.println("TokenServer: open " + server.url() + " for a client secret (" + server.url()
                + "?deny shows a refused call) or " + server.callUrl() + " for a call through the app (calls end after "
                + server.callEndpoint().maxDuration().toSeconds() + " s); quota: " + server.quota() + "; Ctrl-C stops it");
        stopped.await();
    }

    /**
     * Only what a WebFlux app on Reactor Netty needs (the server, the handler, WebFlux and its
     * codecs) and the library's auto-configuration, which registers both endpoints from their
     * properties, and the Redis quota when it is configured.
     */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
            WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class, RealtimeSessionsAutoConfiguration.class,
            RealtimeRedisAutoConfiguration.class})
    static class App {
    }
}
