package dev.realtimesessions.examples;

import dev.realtimesessions.ApiResponse;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RealtimeSessionsException;
import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.TurnDetection;
import dev.realtimesessions.model.Voice;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Mints one Realtime session and prints it. Uses OpenAI when {@code OPENAI_API_KEY} is set, and the
 * embedded {@link LocalRealtimeEndpoint} otherwise. The secret is redacted unless
 * {@code --show-secret} is given.
 */
public final class MintToken {

    private MintToken() {
    }

    public static void main(String[] args) {
        boolean showSecret = Arrays.asList(args).contains("--show-secret");
        String apiKey = System.getenv("OPENAI_API_KEY");
        LocalRealtimeEndpoint local = apiKey == null || apiKey.isBlank() ? LocalRealtimeEndpoint.start() : null;
        RealtimeSessions.Builder builder = RealtimeSessions.builder();
        if (local != null) {
            builder.apiKey(LocalRealtimeEndpoint.API_KEY).baseUrl(local.baseUrl());
            System.out.println("OPENAI_API_KEY is not set: minting against the embedded local endpoint at "
                    + local.baseUrl());
        } else {
            builder.apiKey(apiKey);
            System.out.println("Minting against " + RealtimeSessions.DEFAULT_BASE_URL);
        }
        try (RealtimeSessions sessions = builder.build()) {
            RealtimeSessionCreateRequest request = RealtimeSessionCreateRequest.builder()
                    .model("gpt-realtime")
                    .voice(Voice.VERSE)
                    .instructions("You are a friendly assistant.")
                    .turnDetection(TurnDetection.serverVad().silenceDurationMs(500).build())
                    .clientSecretExpiresAfter(Duration.ofMinutes(2))
                    .build();
            ApiResponse<RealtimeSession> response = sessions.createWithResponse(request).block();
            RealtimeSession session = response.value();
            long secondsLeft = Duration.between(Instant.now(), session.clientSecret().expiresAt()).toSeconds();
            System.out.println("session     " + session.id());
            System.out.println("model       " + session.model());
            System.out.println("voice       " + session.voice());
            System.out.println("secret      " + (showSecret ? session.clientSecret().value() : session.clientSecret()
                    + "  (pass --show-secret to print it)"));
            System.out.println("expires at  " + session.clientSecret().expiresAt() + " (in " + secondsLeft + " s)");
            System.out.println("request id  " + response.requestId().orElse("-") + ", attempts " + response.attempts());
        } catch (RealtimeSessionsException e) {
            System.err.println("Could not mint a session: " + e.getMessage());
            System.exit(1);
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }
}
