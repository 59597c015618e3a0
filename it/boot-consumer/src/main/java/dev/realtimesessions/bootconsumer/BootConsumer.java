package dev.realtimesessions.bootconsumer;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import java.time.Duration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** A Spring Boot 4 app with nothing but the adapter and an api-key property: the client bean must be there and mint. */
@SpringBootApplication
public class BootConsumer {

    public static void main(String[] args) {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start()) {
            SpringApplication application = new SpringApplication(BootConsumer.class);
            application.setWebApplicationType(WebApplicationType.NONE);
            try (ConfigurableApplicationContext context = application.run(
                    "--realtime.openai.api-key=" + LocalRealtimeEndpoint.API_KEY,
                    "--realtime.openai.base-url=" + endpoint.baseUrl())) {
                RealtimeSessions sessions = context.getBean(RealtimeSessions.class);
                ClientSecretCreateResponse secret = sessions.createClientSecret(ClientSecretCreateRequest.of(
                        RealtimeSessionConfig.builder().model(RealtimeModel.GPT_REALTIME).build()))
                        .block(Duration.ofSeconds(30));
                if (secret == null || !secret.value().startsWith("ek_local_")) {
                    throw new IllegalStateException("boot consumer check failed: no secret minted");
                }
                System.out.println("boot consumer OK: the auto-configured RealtimeSessions bean minted a secret");
            }
        }
    }
}
