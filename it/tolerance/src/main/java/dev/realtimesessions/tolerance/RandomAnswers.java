package dev.realtimesessions.tolerance;

import dev.realtimesessions.ApiException;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RetryPolicy;
import dev.realtimesessions.model.ClientSecret;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.TranscriptionSessionCreateRequest;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Mints {@code count} secrets through each endpoint against mock servers that answer every
 * request with a random answer valid under OpenAI's published schema (Stoplight Prism in dynamic
 * mode), and fails unless every answer decodes with its secret readable. An answer the mock could
 * not generate (its own 5xx) is counted apart: it is not an answer of the schema.
 *
 * <p>Arguments: the base URL of a mock of the 2026-08 spec (the GA endpoint), that of a mock of
 * the 2025-04 spec (the beta endpoints), and the number of calls per endpoint.
 */
public final class RandomAnswers {

    private RandomAnswers() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args[2]);
        boolean passed = check("POST /realtime/client_secrets (2026-08 spec)", args[0], count,
                sessions -> sessions.createClientSecret(ClientSecretCreateRequest.of(RealtimeSessionConfig.builder()
                        .model(RealtimeModel.GPT_REALTIME).build())).map(response -> response.value()));
        // The 2025-04 request schema lists only the preview models.
        passed &= check("POST /realtime/sessions (2025-04 spec)", args[1], count,
                sessions -> sessions.create(RealtimeSessionCreateRequest.builder()
                        .model(RealtimeModel.GPT_4O_REALTIME_PREVIEW).build()).map(session -> session.clientSecret().value()));
        passed &= check("POST /realtime/transcription_sessions (2025-04 spec)", args[1], count,
                sessions -> sessions.createTranscriptionSession(TranscriptionSessionCreateRequest.builder().build())
                        .map(session -> {
                            ClientSecret secret = session.clientSecret();
                            return secret == null ? "" : secret.value();
                        }));
        if (!passed) {
            System.exit(1);
        }
    }

    private static boolean check(String what, String baseUrl, int count,
            Function<RealtimeSessions, Mono<String>> mint) {
        int decoded = 0;
        int notGenerated = 0;
        Map<String, Integer> failures = new TreeMap<>();
        try (RealtimeSessions sessions = RealtimeSessions.builder().apiKey("sk-tolerance-check").baseUrl(baseUrl)
                .retryPolicy(RetryPolicy.none()).rateGate(false).build()) {
            for (int i = 0; i < count; i++) {
                try {
                    String secret = mint.apply(sessions).block(Duration.ofSeconds(30));
                    if (secret == null) {
                        failures.merge("no secret", 1, Integer::sum);
                    } else {
                        decoded++;
                    }
                } catch (ApiException e) {
                    if (e.status() >= 500) {
                        notGenerated++;
                    } else {
                        failures.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
                    }
                } catch (RuntimeException e) {
                    failures.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
                }
            }
        }
        int answers = count - notGenerated;
        System.out.printf("%s: %d of %d answers decoded, secret readable (%d calls; %d the mock could not generate)%n",
                what, decoded, answers, count, notGenerated);
        failures.forEach((failure, times) -> System.out.printf("  %d x %s%n", times, failure));
        return decoded == answers && answers > count / 2;
    }
}
