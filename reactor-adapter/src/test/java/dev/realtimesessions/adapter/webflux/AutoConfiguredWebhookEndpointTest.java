package dev.realtimesessions.adapter.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.adapter.boot.RealtimeSessionsAutoConfiguration;
import dev.realtimesessions.local.LocalCall;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.local.SipHeader;
import dev.realtimesessions.local.WebhookDelivery;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
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
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The webhook endpoint as an application gets it from properties and one handler bean, with the
 * local endpoint ringing SIP calls into it: a call is accepted with the session of
 * {@code realtime.openai.endpoint.*}, under its guardrails. At shutdown the webhook and the call
 * endpoints hang up the calls they keep, before Spring stops the event loops their client runs on.
 */
class AutoConfiguredWebhookEndpointTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** A browser's audio offer, with its ICE credentials and fingerprint at session level. */
    private static final String OFFER = String.join("\r\n", "v=0", "o=- 4611731400430051336 2 IN IP4 127.0.0.1",
            "s=-", "t=0 0", "a=group:BUNDLE 0", "a=ice-ufrag:Rk7Q", "a=ice-pwd:hp8eLPWqZLOB9dZyIUa4QWlr",
            "a=fingerprint:sha-256 9C:2B:3E:8A:11:4D:0F:75:C6:1F:8E:20:3A:55:B7:91:0D:64:EE:7A:2C:48:9B:01:F3:6D:58:C2"
                    + ":17:AE:90:33",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 0.0.0.0", "a=setup:actpass", "a=mid:0",
            "a=rtpmap:111 opus/48000/2", "");

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
            WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class, RealtimeSessionsAutoConfiguration.class})
    static class App {
        @Bean
        RealtimeTokenAuthorizer realtimeTokenAuthorizer() {
            return RealtimeTokenAuthorizer.permitAll();
        }

        @Bean
        IncomingCallHandler incomingCallHandler() {
            return call -> Mono.just(call.sipHeaderValues("X-Line").contains("sales")
                    ? IncomingCallDecision.accept() : IncomingCallDecision.reject(486));
        }
    }

    private static ConfigurableApplicationContext start(LocalRealtimeEndpoint openai, String... properties) {
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
                        "realtime.openai.api-key=" + LocalRealtimeEndpoint.API_KEY,
                        "realtime.openai.base-url=" + openai.baseUrl(),
                        "realtime.openai.webhook.enabled=true",
                        "realtime.openai.webhook.secrets=" + WebhookApp.SECRET)
                .properties(properties)
                .run();
    }

    private static String url(ConfigurableApplicationContext app, String path) {
        return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + path;
    }

    @Test
    void propertiesAndAHandlerAreAllItTakes() {
        try (LocalRealtimeEndpoint openai = LocalRealtimeEndpoint.start();
             ConfigurableApplicationContext app = start(openai, "realtime.openai.endpoint.voice=marin",
                     "realtime.openai.endpoint.instructions=Welcome callers to the sales line.",
                     "realtime.openai.endpoint.guardrails.allowed-voices=marin")) {
            String url = url(app, RealtimeWebhookEndpoint.DEFAULT_PATH);

            WebhookDelivery sales = openai.ringSip(url, WebhookApp.SECRET, List.of(
                    SipHeader.of("From", "<sip:+14155550123@carrier.example>;tag=1"),
                    SipHeader.of("X-Line", "sales"))).block(WAIT);
            WebhookDelivery other = openai.ringSip(url, WebhookApp.SECRET, List.of(
                    SipHeader.of("From", "<sip:+14155550124@carrier.example>;tag=2"))).block(WAIT);

            assertThat(sales.status()).isEqualTo(200);
            LocalCall accepted = openai.call(sales.callId()).orElseThrow();
            assertThat(accepted.state()).isEqualTo(LocalCall.State.ACCEPTED);
            assertThat(accepted.acceptedSession()).contains("\"model\":\"gpt-realtime\"")
                    .contains("\"instructions\":\"Welcome callers to the sales line.\"")
                    .contains("\"voice\":\"marin\"");
            assertThat(other.status()).isEqualTo(200);
            assertThat(openai.call(other.callId()).orElseThrow().rejectStatus()).isEqualTo(486);
        }
    }

    @Test
    void atShutdownBothEndpointsHangUpTheirCallsWhileTheEventLoopsStillRun() {
        try (LocalRealtimeEndpoint openai = LocalRealtimeEndpoint.start()) {
            WebhookDelivery sip;
            ConfigurableApplicationContext app = start(openai, "realtime.openai.call-endpoint.enabled=true");
            try {
                sip = openai.ringSip(url(app, RealtimeWebhookEndpoint.DEFAULT_PATH), WebhookApp.SECRET, List.of(
                        SipHeader.of("From", "<sip:+14155550123@carrier.example>"), SipHeader.of("X-Line", "sales")))
                        .block(WAIT);
                WebTestClient.bindToServer().baseUrl(url(app, "")).responseTimeout(WAIT).build()
                        .post().uri(RealtimeCallEndpoint.DEFAULT_PATH).header("Content-Type", "application/sdp")
                        .bodyValue(OFFER).exchange().expectStatus().isCreated().expectBody().returnResult();
            } finally {
                app.close();
            }

            assertThat(openai.calls()).hasSize(2).allSatisfy(call -> assertThat(call.state())
                    .as("%s %s", call.transport(), call.id()).isEqualTo(LocalCall.State.HUNG_UP));
            assertThat(openai.call(sip.callId()).orElseThrow().reached(LocalCall.State.ACCEPTED)).isTrue();
        }
    }
}
