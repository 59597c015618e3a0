package dev.realtimesessions.examples;

import dev.realtimesessions.ApiResponse;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RealtimeSessionsException;
import dev.realtimesessions.model.AudioInputConfig;
import dev.realtimesessions.model.AudioOutputConfig;
import dev.realtimesessions.model.ClientSecret;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.RealtimeSessionDetails;
import dev.realtimesessions.model.TurnDetection;
import dev.realtimesessions.model.Voice;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Mints one Realtime client secret and prints it: through the GA {@code POST /realtime/client_secrets}
 * by default, through the beta {@code POST /realtime/sessions} with {@code --beta}. Uses OpenAI when
 * {@code OPENAI_API_KEY} is set, and the embedded local endpoint otherwise. The secret
 * is redacted unless {@code --show-secret} is given.
 */
public final class MintToken {

    private static final String INSTRUCTIONS = "You are a friendly assistant.";

    private MintToken() {
    }

    /**
     * Mints one secret and prints it.
     *
     * @param args {@code --show-secret} to print the secret, {@code --beta} to use the beta endpoint
     */
    public static void main(String[] args) {
        List<String> options = Arrays.asList(args);
        boolean showSecret = options.contains("--show-secret");
        boolean beta = options.contains("--beta");
        try (ExampleClients clients = ExampleClients.start(builder -> { })) {
            if (beta) {
                mintBeta(clients.sessions(), showSecret);
            } else {
                mint(clients.sessions(), showSecret);
            }
        } catch (RealtimeSessionsException e) {
            System.err.println("Could not mint a client secret: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The GA endpoint: what new code should use. */
    private static void mint(RealtimeSessions sessions, boolean showSecret) {
        ClientSecretCreateRequest request = ClientSecretCreateRequest.builder()
                .expiresAfter(Duration.ofMinutes(2))
                .session(RealtimeSessionConfig.builder()
                        .model(RealtimeModel.GPT_REALTIME)
                        .instructions(INSTRUCTIONS)
                        .audioInput(AudioInputConfig.builder()
                                .turnDetection(TurnDetection.serverVad().silenceDurationMs(500).build())
                                .build())
                        .audioOutput(AudioOutputConfig.ofVoice(Voice.VERSE))
                        .build())
                .build();
        ApiResponse<ClientSecretCreateResponse> response = sessions.createClientSecretWithResponse(request).block();
        ClientSecretCreateResponse secret = response.value();
        System.out.println("endpoint    POST /realtime/client_secrets (GA)");
        if (secret.session() instanceof RealtimeSessionDetails session) {
            System.out.println("session     " + session.id());
            System.out.println("model       " + session.model());
            System.out.println("voice       " + (session.audio() == null || session.audio().output() == null
                    ? "(server default)" : session.audio().output().voice()));
        }
        print(secret.clientSecret(), showSecret, response);
    }

    /** The beta endpoint the library was first asked for, which OpenAI has deprecated. */
    @SuppressWarnings("deprecation") // shows the beta endpoint on purpose, with --beta
    private static void mintBeta(RealtimeSessions sessions, boolean showSecret) {
        RealtimeSessionCreateRequest request = RealtimeSessionCreateRequest.builder()
                .model(RealtimeModel.GPT_REALTIME)
                .voice(Voice.VERSE)
                .instructions(INSTRUCTIONS)
                .turnDetection(TurnDetection.serverVad().silenceDurationMs(500).build())
                .clientSecretExpiresAfter(Duration.ofMinutes(2))
                .build();
        ApiResponse<RealtimeSession> response = sessions.createWithResponse(request).block();
        RealtimeSession session = response.value();
        System.out.println("endpoint    POST /realtime/sessions (beta)");
        System.out.println("session     " + session.id());
        System.out.println("model       " + session.model());
        System.out.println("voice       " + session.voice());
        print(session.clientSecret(), showSecret, response);
    }

    private static void print(ClientSecret secret, boolean showSecret, ApiResponse<?> response) {
        long secondsLeft = Duration.between(Instant.now(), secret.expiresAt()).toSeconds();
        System.out.println("secret      " + (showSecret ? secret.value() : secret + "  (pass --show-secret to print it)"));
        System.out.println("expires at  " + secret.expiresAt() + " (in " + secondsLeft + " s)");
        System.out.println("request id  " + response.requestId().orElse("-") + ", attempts " + response.attempts());
    }
}
