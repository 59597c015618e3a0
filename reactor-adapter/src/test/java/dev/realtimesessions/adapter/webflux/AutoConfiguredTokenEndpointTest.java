package dev.realtimesessions.adapter.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.adapter.boot.RealtimeSessionsAutoConfiguration;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import java.time.Duration;
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

/** The endpoint as an application gets it from properties alone, plus one authorizer bean. */
class AutoConfiguredTokenEndpointTest {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
            WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class, RealtimeSessionsAutoConfiguration.class})
    static class App {
        @Bean
        RealtimeTokenAuthorizer realtimeTokenAuthorizer() {
            return request -> Mono.just(request.headers().header("X-Caller").contains("alice"));
        }
    }

    @Test
    void propertiesAndAnAuthorizerAreAllItTakes() {
        try (LocalRealtimeEndpoint local = LocalRealtimeEndpoint.start();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(App.class)
                     .web(WebApplicationType.REACTIVE)
                     .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
                             "realtime.openai.api-key=" + LocalRealtimeEndpoint.API_KEY,
                             "realtime.openai.base-url=" + local.baseUrl(),
                             "realtime.openai.endpoint.enabled=true",
                             "realtime.openai.endpoint.voice=marin",
                             "realtime.openai.endpoint.instructions=Be brief.")
                     .run()) {
            WebTestClient client = WebTestClient.bindToServer()
                    .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
                    .responseTimeout(Duration.ofSeconds(20)).build();
            client.post().uri("/realtime/session").header("X-Caller", "alice").exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("Cache-Control", "no-store")
                    .expectBody()
                    .jsonPath("$.value").value(String.class, value -> assertThat(value).startsWith("ek_local_"))
                    .jsonPath("$.session.voice").isEqualTo("marin")
                    .jsonPath("$.session.model").isEqualTo("gpt-realtime");
            client.post().uri("/realtime/session").header("X-Caller", "mallory").exchange()
                    .expectStatus().isForbidden()
                    .expectBody().returnResult(); // read the body: an unread one would hold a pooled buffer
        }
    }
}
