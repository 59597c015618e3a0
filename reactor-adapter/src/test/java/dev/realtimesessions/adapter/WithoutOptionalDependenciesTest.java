package dev.realtimesessions.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.adapter.testing.Upstream;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Runs in its own surefire execution whose class path has no Spring, no RxJava, no Micrometer and
 * no Azure SDK (see the pom): the module loads and its non-Spring bridges work.
 */
class WithoutOptionalDependenciesTest {

    @Test
    void springAndRxJavaAreReallyAbsent() {
        for (String name : new String[] {"org.springframework.web.reactive.function.server.RouterFunction",
                "org.springframework.boot.autoconfigure.AutoConfiguration", "org.springframework.core.io.Resource",
                "io.reactivex.rxjava3.core.Single", "io.micrometer.context.ContextRegistry",
                "com.azure.core.credential.TokenCredential", "com.azure.identity.DefaultAzureCredential"}) {
            assertThatThrownBy(() -> Class.forName(name)).as(name).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void theBridgesLoadAndMint() throws Exception {
        for (String bridge : new String[] {"RealtimeSessionsFutures", "RealtimeSessionsBlocking", "RealtimeSessionsFlow",
                "RealtimeSessionsContext"}) {
            assertThat(Class.forName("dev.realtimesessions.adapter." + bridge)).isNotNull();
        }
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = RealtimeSessions.builder().apiKey("sk-wrong-key")
                     .baseUrl(endpoint.baseUrl()).build()) {
            RequestOptions tenant = RequestOptions.builder().apiKey(LocalRealtimeEndpoint.API_KEY).build();
            assertThat(RealtimeSessionsFutures.of(sessions).createClientSecret(Upstream.request(), tenant)
                    .get(10, TimeUnit.SECONDS).value()).startsWith("ek_local_");
            assertThat(RealtimeSessionsBlocking.of(sessions, Duration.ofSeconds(10))
                    .createClientSecret(Upstream.request(), tenant).value()).startsWith("ek_local_");
            StepVerifier.create(Mono.from(reactor.adapter.JdkFlowAdapter.flowPublisherToFlux(
                            RealtimeSessionsFlow.of(sessions).createClientSecret(Upstream.request(), tenant))))
                    .assertNext(secret -> assertThat(secret.value()).startsWith("ek_local_")).verifyComplete();
            StepVerifier.create(sessions.createClientSecret(Upstream.request())
                            .contextWrite(RealtimeSessionsContext.withRequestOptions(tenant)))
                    .assertNext(secret -> assertThat(secret.value()).startsWith("ek_local_")).verifyComplete();
        }
    }
}
