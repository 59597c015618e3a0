package dev.realtimesessions.consumer;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.adapter.RealtimeSessionsFutures;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.model.AudioOutputConfig;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.Voice;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Mints through both endpoints against the local endpoint and fails loudly if anything is off. */
public final class Consumer {

    private Consumer() {
    }

    @SuppressWarnings("deprecation") // checks that the beta endpoint still works for a consumer
    public static void main(String[] args) throws InterruptedException, ExecutionException, TimeoutException {
        String where = Consumer.class.getModule().isNamed() ? "module path" : "class path";
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
                RealtimeSessions sessions = RealtimeSessions.builder()
                        .apiKey(LocalRealtimeEndpoint.API_KEY)
                        .baseUrl(endpoint.baseUrl())
                        .build()) {
            ClientSecretCreateResponse secret = sessions.createClientSecret(ClientSecretCreateRequest.builder()
                    .expiresAfter(Duration.ofMinutes(1))
                    .session(RealtimeSessionConfig.builder().model(RealtimeModel.GPT_REALTIME)
                            .audioOutput(AudioOutputConfig.ofVoice(Voice.MARIN)).build())
                    .build()).block(Duration.ofSeconds(30));
            RealtimeSession session = sessions.create(RealtimeSessionCreateRequest.builder()
                    .model(RealtimeModel.GPT_REALTIME).build()).block(Duration.ofSeconds(30));
            check(secret != null && secret.value().startsWith("ek_local_"), "GA secret minted");
            check(session != null && session.clientSecret().value().startsWith("ek_local_"), "beta session minted");
            check(!String.valueOf(secret).contains(secret.value()), "GA secret redacted in toString");
            ClientSecretCreateResponse viaFuture = RealtimeSessionsFutures.of(sessions)
                    .createClientSecret(ClientSecretCreateRequest.of(RealtimeSessionConfig.builder().build()))
                    .get(30, TimeUnit.SECONDS);
            check(viaFuture.value().startsWith("ek_local_"), "future facade minted without Spring or RxJava");
            check(!isPresent("org.springframework.context.ApplicationContext")
                    && !isPresent("io.reactivex.rxjava3.core.Single"), "no Spring or RxJava on the path");
            check(!isReachable("dev.realtimesessions.internal.CallExecutor") || !Consumer.class.getModule().isNamed(),
                    "internal package not exported");
            System.out.println("consumer OK on the " + where);
        }
    }

    private static boolean isReachable(String className) {
        try {
            Class<?> type = Class.forName(className);
            return Consumer.class.getModule().canRead(type.getModule()) && type.getModule().isExported(
                    type.getPackageName(), Consumer.class.getModule());
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("consumer check failed: " + what);
        }
    }
}
