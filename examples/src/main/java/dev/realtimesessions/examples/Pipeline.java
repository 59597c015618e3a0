package dev.realtimesessions.examples;

import dev.realtimesessions.ApiTimeoutException;
import dev.realtimesessions.RateLimitException;
import dev.realtimesessions.RealtimeSessionsException;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.RetryPolicy;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.model.AudioOutputConfig;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.RealtimeSessionDetails;
import dev.realtimesessions.model.Voice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Token issuance composed into a Reactor pipeline: authenticate the caller, choose instructions and
 * voice per user, mint with a deadline and retries tuned for a waiting person, fall back gracefully
 * when OpenAI is busy, and map the answer to the app's own DTO. The API key comes from the
 * subscriber's {@link Context}: one app, many tenants.
 */
public final class Pipeline {

    /** What the app returns to its browser. */
    record TokenDto(String user, String secret, Instant expiresAt, String voice) {
        @Override
        public String toString() {
            return "TokenDto[user=" + user + ", secret=ek_***, expiresAt=" + expiresAt + ", voice=" + voice + "]";
        }
    }

    /** What the app returns when it cannot mint right now. */
    record BusyDto(String user, String reason, Duration retryAfter) {
    }

    /** A signed-in user of the app. */
    record User(String name, String language, boolean premium) {
    }

    private static final Map<String, User> USERS = Map.of(
            "token-ana", new User("ana", "Spanish", true),
            "token-bo", new User("bo", "English", false));

    private Pipeline() {
    }

    /**
     * Runs the pipeline for a few callers, one of them not signed in.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        // The key is read from the subscriber's Context on every call, so each tenant's calls use its own key.
        try (ExampleClients clients = ExampleClients.start(builder -> builder
                .apiKey(Mono.deferContextual(context -> Mono.just(context.<String>get("openai-key")))))) {
            String tenantKey = clients.isLocal() ? LocalRealtimeEndpoint.API_KEY : System.getenv("OPENAI_API_KEY");
            Flux.fromIterable(List.of("token-ana", "token-bo", "token-nobody"))
                    .concatMap(bearer -> mintFor(clients, bearer)
                            .map(Object::toString)
                            .onErrorResume(SecurityException.class, e -> Mono.just("401 for " + bearer + ": " + e.getMessage())))
                    .contextWrite(Context.of("openai-key", tenantKey))
                    .doOnNext(System.out::println)
                    .blockLast();
        } catch (RealtimeSessionsException e) {
            System.err.println("Could not mint: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The whole pipeline for one request of the app. */
    static Mono<Object> mintFor(ExampleClients clients, String bearer) {
        return authenticate(bearer)
                .map(Pipeline::requestFor)
                .flatMap(request -> clients.sessions().createClientSecret(request, optionsFor(bearer)))
                .<Object>map(secret -> toDto(USERS.get(bearer), secret))
                .onErrorResume(RateLimitException.class, e -> Mono.just(new BusyDto(USERS.get(bearer).name(),
                        "rate limited", e.retryAfter().orElse(Duration.ofSeconds(5)))))
                .onErrorResume(ApiTimeoutException.class, e -> Mono.just(new BusyDto(USERS.get(bearer).name(),
                        "OpenAI is slow", Duration.ofSeconds(2))));
    }

    private static Mono<User> authenticate(String bearer) {
        return Mono.justOrEmpty(Optional.ofNullable(USERS.get(bearer)))
                .switchIfEmpty(Mono.error(() -> new SecurityException("unknown user")));
    }

    private static ClientSecretCreateRequest requestFor(User user) {
        return ClientSecretCreateRequest.builder()
                .expiresAfter(Duration.ofMinutes(user.premium() ? 10 : 2))
                .session(RealtimeSessionConfig.builder()
                        .model(RealtimeModel.GPT_REALTIME)
                        .instructions("You are a friendly tutor. Speak " + user.language() + " with " + user.name() + ".")
                        .audioOutput(AudioOutputConfig.ofVoice(user.premium() ? Voice.MARIN : Voice.ALLOY))
                        .build())
                .build();
    }

    /** A person is waiting: a short deadline and one retry, whatever the client's defaults. */
    private static RequestOptions optionsFor(String bearer) {
        return RequestOptions.builder()
                .timeout(Duration.ofSeconds(4))
                .attemptTimeout(Duration.ofSeconds(3))
                .retryPolicy(RetryPolicy.defaults().withMaxRetries(1))
                .header("X-App-User", USERS.get(bearer).name())
                .build();
    }

    private static TokenDto toDto(User user, ClientSecretCreateResponse secret) {
        String voice = secret.session() instanceof RealtimeSessionDetails session && session.audio() != null
                && session.audio().output() != null ? String.valueOf(session.audio().output().voice()) : "default";
        return new TokenDto(user.name(), secret.value(), secret.expiresAt(), voice);
    }
}
