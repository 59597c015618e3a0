package dev.realtimesessions.examples;

import dev.realtimesessions.adapter.boot.RealtimeSessionsAutoConfiguration;
import dev.realtimesessions.adapter.webflux.IncomingCallDecision;
import dev.realtimesessions.adapter.webflux.IncomingCallHandler;
import dev.realtimesessions.adapter.webflux.RealtimeWebhookEndpoint;
import dev.realtimesessions.local.LocalCall;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.local.SipHeader;
import dev.realtimesessions.local.WebhookDelivery;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.core.publisher.Mono;

/**
 * A Spring Boot 4 WebFlux app that answers phone calls: the reactor adapter's
 * {@link RealtimeWebhookEndpoint}, configured by {@code realtime.openai.*} properties, receives
 * OpenAI's {@code realtime.call.incoming} webhooks, and one {@link IncomingCallHandler} bean decides:
 * calls from one number are accepted with the configured session, all others rejected with
 * {@code 486 Busy Here}.
 *
 * <p>Without {@code OPENAI_API_KEY} and {@code OPENAI_WEBHOOK_SECRET} it runs the whole loop offline:
 * an embedded {@link LocalRealtimeEndpoint} plays OpenAI's SIP side, ringing calls into the app with
 * signed webhooks and recording the accept or reject the app sends back, and the program prints what
 * happened, including a replayed and a forged webhook. With both set it is a real webhook receiver;
 * expose it over https (see {@link #main(String[])}).
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:java -Dexample=IncomingCall                 # offline
 * OPENAI_API_KEY=sk-... OPENAI_WEBHOOK_SECRET=whsec_... mvn -q -pl examples -am compile exec:java \
 *     -Dexample=IncomingCall -Dexec.args="--port 8080 --accept-from +14155550123"    # a real receiver
 * </pre>
 */
public final class IncomingCall implements AutoCloseable {

    /** The number whose calls the offline run accepts. */
    public static final String KNOWN_CALLER = "+14155550123";

    /** A number whose calls the offline run rejects. */
    public static final String OTHER_CALLER = "+14155550199";

    /** The port {@link #main(String[])} listens on as a real receiver unless given another. */
    public static final int DEFAULT_PORT = 8080;

    static final String INSTRUCTIONS = "You answer the phone for Example Corp. Greet the caller and keep your"
            + " answers short.";

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ConfigurableApplicationContext app;
    private final int port;

    private IncomingCall(int port, String apiKey, @Nullable String baseUrl, String webhookSecret,
            @Nullable String acceptFrom, boolean auditLines) {
        List<String> properties = new ArrayList<>(List.of("server.port=" + port, "server.address=127.0.0.1",
                "spring.main.banner-mode=off",
                "realtime.openai.api-key=" + apiKey,
                "realtime.openai.endpoint.model=gpt-realtime",
                "realtime.openai.endpoint.voice=marin",
                "realtime.openai.endpoint.instructions=" + INSTRUCTIONS,
                "realtime.openai.webhook.enabled=true",
                "realtime.openai.webhook.secrets=" + webhookSecret,
                "realtime.openai.webhook.max-duration=15m"));
        if (baseUrl != null) {
            properties.add("realtime.openai.base-url=" + baseUrl);
        }
        if (acceptFrom != null) {
            properties.add("incoming-call.accept-from=" + acceptFrom);
        }
        if (auditLines) {
            properties.add("logging.level.dev.realtimesessions.adapter.audit=INFO");
        }
        this.app = new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE)
                .properties(properties.toArray(String[]::new))
                // The server's own event loops rather than Reactor Netty's global ones, which Spring
                // would dispose at close, under the embedded local endpoint.
                .initializers(context -> ((GenericApplicationContext) context).registerBean(
                        ReactorResourceFactory.class, () -> {
                            ReactorResourceFactory resources = new ReactorResourceFactory();
                            resources.setUseGlobalResources(false);
                            resources.setShutdownQuietPeriod(Duration.ZERO);
                            return resources;
                        }))
                .run();
        this.port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    /**
     * Starts the app on loopback, answering calls through the API at {@code baseUrl}.
     *
     * @param port the port, {@code 0} for any free one
     * @param apiKey the API key the calls are accepted and rejected with
     * @param baseUrl the API's base URL, or {@code null} for OpenAI's
     * @param webhookSecret the webhook's signing secret
     * @param acceptFrom the number whose calls are accepted, or {@code null} to accept every call
     * @return the running app; {@link #close()} stops it and hangs up the calls still open
     */
    public static IncomingCall start(int port, String apiKey, @Nullable String baseUrl, String webhookSecret,
            @Nullable String acceptFrom) {
        return new IncomingCall(port, apiKey, baseUrl, webhookSecret, acceptFrom, false);
    }

    /**
     * The webhook URL on this machine.
     *
     * @return {@code http://127.0.0.1:<port>/realtime/webhook}
     */
    public String webhookUrl() {
        return "http://127.0.0.1:" + port + RealtimeWebhookEndpoint.DEFAULT_PATH;
    }

    /** Stops the app; its webhook endpoint hangs up the calls it accepted and that are still open. */
    @Override
    public void close() {
        app.close();
    }

    /**
     * Runs offline, or as a real webhook receiver when {@code OPENAI_API_KEY} and
     * {@code OPENAI_WEBHOOK_SECRET} are both set. A real receiver listens on loopback; to let OpenAI
     * reach it, expose it over https with a tunnel ({@code ngrok http 8080}, or
     * {@code cloudflared tunnel --url http://localhost:8080}), add the tunnel's
     * {@code https://.../realtime/webhook} as a webhook for {@code realtime.call.incoming} in the
     * project's settings at platform.openai.com (its signing secret is {@code OPENAI_WEBHOOK_SECRET}),
     * point a SIP trunk at {@code sip:<project id>@sip.api.openai.com;transport=tls} and call it.
     *
     * @param args {@code --port <port>} (default {@value #DEFAULT_PORT}) and
     *     {@code --accept-from <number>} (default: accept every call), for a real receiver
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        String apiKey = System.getenv("OPENAI_API_KEY");
        String secret = System.getenv("OPENAI_WEBHOOK_SECRET");
        boolean hasKey = apiKey != null && !apiKey.isBlank();
        boolean hasSecret = secret != null && !secret.isBlank();
        if (!hasKey && !hasSecret) {
            System.out.println("OPENAI_API_KEY and OPENAI_WEBHOOK_SECRET are not set: the embedded local endpoint"
                    + " plays OpenAI's SIP side");
            runOffline(System.out);
            return;
        }
        if (!hasKey || !hasSecret) {
            throw new IllegalStateException((hasKey ? "OPENAI_WEBHOOK_SECRET" : "OPENAI_API_KEY") + " is not set:"
                    + " set both OPENAI_API_KEY and OPENAI_WEBHOOK_SECRET to receive OpenAI's webhooks, or neither"
                    + " to run offline");
        }
        int port = DEFAULT_PORT;
        String acceptFrom = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--accept-from" -> acceptFrom = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --port <port> and --accept-from <number>");
            }
        }
        receive(port, apiKey, secret, acceptFrom);
    }

    /**
     * The whole loop offline: rings calls into the app from the embedded local endpoint and prints
     * what the app did with each.
     *
     * @param out where to print
     * @return what the local endpoint recorded
     */
    static OfflineRun runOffline(PrintStream out) {
        String secret = newSecret();
        try (LocalRealtimeEndpoint openai = LocalRealtimeEndpoint.start()) {
            WebhookDelivery known;
            WebhookDelivery other;
            WebhookDelivery replay;
            WebhookDelivery forged;
            try (IncomingCall app = start(0, LocalRealtimeEndpoint.API_KEY, openai.baseUrl(), secret,
                    KNOWN_CALLER)) {
                out.printf("%-26s %s (accepts calls from %s)%n", "webhook endpoint", app.webhookUrl(), KNOWN_CALLER);
                known = openai.ringSip(app.webhookUrl(), secret, invite(KNOWN_CALLER)).block(WAIT);
                LocalCall accepted = openai.call(known.callId()).orElseThrow();
                print(out, "call from " + KNOWN_CALLER, known, accepted.id() + " " + accepted.state()
                        + " with session " + accepted.acceptedSession());
                other = openai.ringSip(app.webhookUrl(), secret, invite(OTHER_CALLER)).block(WAIT);
                LocalCall rejected = openai.call(other.callId()).orElseThrow();
                print(out, "call from " + OTHER_CALLER, other, rejected.id() + " " + rejected.state() + " with SIP "
                        + rejected.rejectStatus());
                replay = openai.redeliver(known).block(WAIT);
                print(out, "the first webhook again", replay, "a replay: "
                        + openai.call(known.callId()).orElseThrow().controls().size() + " accept, not two");
                forged = openai.ringSip(app.webhookUrl(), newSecret(), invite(KNOWN_CALLER)).block(WAIT);
                print(out, "signed with another secret", forged, forged.callId() + " "
                        + openai.call(forged.callId()).orElseThrow().state() + ", nothing done");
            }
            LocalCall afterStop = openai.call(known.callId()).orElseThrow();
            out.printf("%-26s %s %s (the endpoint hangs up the calls it keeps)%n", "app stopped", afterStop.id(),
                    afterStop.state());
            return new OfflineRun(known, afterStop, openai.call(other.callId()).orElseThrow(), replay, forged,
                    openai.call(forged.callId()).orElseThrow());
        }
    }

    /**
     * What the offline run did, as the local endpoint recorded it.
     *
     * @param known the webhook of the call from {@link #KNOWN_CALLER}
     * @param accepted that call, once the app stopped
     * @param rejected the call from {@link #OTHER_CALLER}
     * @param replay the first webhook sent again
     * @param forged a webhook signed with another secret
     * @param ignored the call of the forged webhook
     */
    record OfflineRun(WebhookDelivery known, LocalCall accepted, LocalCall rejected, WebhookDelivery replay,
            WebhookDelivery forged, LocalCall ignored) {
    }

    private static void receive(int port, String apiKey, String secret, @Nullable String acceptFrom)
            throws InterruptedException {
        IncomingCall receiver = new IncomingCall(port, apiKey, null, secret, acceptFrom, true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            receiver.close();
            stopped.countDown();
        }, "incoming-call-shutdown"));
        System.out.println("IncomingCall: receiving OpenAI's webhooks at " + receiver.webhookUrl());
        System.out.println("  1. expose it over https, for example: ngrok http " + receiver.port
                + "   (or: cloudflared tunnel --url http://localhost:" + receiver.port + ")");
        System.out.println("  2. platform.openai.com > Settings > Project > Webhooks: add https://<your tunnel>"
                + RealtimeWebhookEndpoint.DEFAULT_PATH + " for realtime.call.incoming; its signing secret is"
                + " OPENAI_WEBHOOK_SECRET");
        System.out.println("  3. point your SIP trunk at sip:<project id>@sip.api.openai.com;transport=tls, and call");
        System.out.println((acceptFrom == null ? "Every call is accepted" : "Calls from " + acceptFrom
                + " are accepted, others rejected with 486 Busy Here") + "; each decision is logged. Ctrl-C stops it.");
        stopped.await();
    }

    private static void print(PrintStream out, String what, WebhookDelivery delivery, String outcome) {
        out.printf("%-26s webhook %d  %s%n", what, delivery.status(), outcome);
    }

    /** The headers of an INVITE from {@code number}, as a SIP trunk forwards them. */
    private static List<SipHeader> invite(String number) {
        return List.of(SipHeader.of("From", "<sip:" + number + "@trunk.example>;tag=" + number.hashCode()),
                SipHeader.of("To", "<sip:+18005550100@sip.api.openai.com>"));
    }

    /** A webhook signing secret as OpenAI shows one: {@code whsec_} and base64. */
    private static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /**
     * The app: a WebFlux server, the library's auto-configuration, and the handler that decides.
     * Everything else comes from the {@code realtime.openai.*} properties.
     */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
            WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class, RealtimeSessionsAutoConfiguration.class})
    static class App {

        /**
         * Accepts calls from {@code incoming-call.accept-from} (every call without it) with the session
         * of {@code realtime.openai.endpoint.*}; rejects the others with 486 Busy Here.
         */
        @Bean
        IncomingCallHandler incomingCallHandler(Environment environment) {
            String acceptFrom = environment.getProperty("incoming-call.accept-from");
            return call -> Mono.just(acceptFrom == null || call.sipHeaderValues("From").stream()
                    .anyMatch(from -> from.contains(acceptFrom))
                    ? IncomingCallDecision.accept() : IncomingCallDecision.reject(486));
        }
    }
}
