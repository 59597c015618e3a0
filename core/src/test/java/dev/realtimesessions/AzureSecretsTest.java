package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testing.HostileServer;
import dev.realtimesessions.testsupport.LogCapture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * An Azure key and an Entra ID token never show: not in the wiretap at DEBUG (with Reactor Netty
 * and Netty at DEBUG too, and the server echoing them back in pieces), not in exception messages,
 * not in any {@code toString()}.
 */
class AzureSecretsTest {

    private static final String AZURE_KEY = "5f1d2c3b4a59687766554433221100ff";
    /** A JSON Web Token as long as a real Entra ID access token (about 1,600 characters). */
    private static final String TOKEN = jwt(new Random(7), 1_150);
    /** Another caller's token, which the server quotes back. */
    private static final String FOREIGN_TOKEN = jwt(new Random(11), 900);

    private static String jwt(Random random, int payloadBytes) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        byte[] payload = new byte[payloadBytes];
        random.nextBytes(payload);
        byte[] signature = new byte[256];
        random.nextBytes(signature);
        return base64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(("{\"aud\":\"https://cognitiveservices.azure.com\",\"x\":\""
                        + base64.encodeToString(payload) + "\"}").getBytes(StandardCharsets.UTF_8))
                + "." + base64.encodeToString(signature);
    }

    private static List<HostileServer.Behaviour> scenarios() {
        String echo = "Access denied for api-key: " + AZURE_KEY + " and token " + TOKEN + " (also " + FOREIGN_TOKEN + ")";
        List<HostileServer.Behaviour> all = new ArrayList<>();
        all.add(HostileServer.json(200, Fixtures.MINIMAL_CLIENT_SECRET));
        all.add(HostileServer.error(401, "invalid_request_error", "401", null, echo));
        all.add(HostileServer.error(500, "server_error", null, null, echo));
        all.add(HostileServer.body(502, "text/html", "<html>" + echo + "</html>"));
        all.add(HostileServer.body(400, "text/plain", "api-key: " + AZURE_KEY + "\nAuthorization: Bearer " + TOKEN));
        // The echo split across chunks (and so across reads): each piece must still be masked.
        for (int piece : new int[] {7, 64, 700}) {
            all.add(HostileServer.chunked("{\"error\":{\"message\":\"" + echo + "\"}}", piece, Duration.ofMillis(1)));
        }
        return all;
    }

    private static BearerTokenSource tokens() {
        return () -> Mono.just(new BearerToken(TOKEN, Instant.now().plus(Duration.ofHours(1))));
    }

    private static String resourceUrl(HostileServer server) {
        return server.baseUrl().replaceAll("/v1$", "");
    }

    /** Runs every scenario, one call each; returns the calls' errors as text. */
    private static List<String> runAll(RealtimeSessions sessions, HostileServer server) {
        List<String> errors = new ArrayList<>();
        for (HostileServer.Behaviour scenario : scenarios()) {
            server.enqueue(scenario);
            sessions.createClientSecret(ClientSecretCreateRequest.builder().build())
                    .onErrorResume(e -> {
                        errors.add(e.toString());
                        return Mono.empty();
                    })
                    .block(Duration.ofSeconds(30));
        }
        return errors;
    }

    private static void holdsNoSecret(String text) {
        assertThat(text).doesNotContain(AZURE_KEY).doesNotContain(TOKEN).doesNotContain(FOREIGN_TOKEN);
        for (String secret : List.of(AZURE_KEY, TOKEN.substring(3), FOREIGN_TOKEN.substring(3))) {
            for (int i = 0; i + 12 <= secret.length(); i++) {
                String piece = secret.substring(i, i + 12);
                assertThat(text).as("a piece of a secret, %s", piece).doesNotContain(piece);
            }
        }
    }

    @Test
    void theWiretapAtDebugLogsNeitherTheKeyNorTheTokenNorWhatTheServerEchoes() {
        try (HostileServer server = HostileServer.start();
                LogCapture library = LogCapture.debug("dev.realtimesessions");
                LogCapture reactorNetty = LogCapture.debug("reactor.netty");
                LogCapture netty = LogCapture.debug("io.netty");
                RealtimeSessions keyed = RealtimeSessions.builder().azure(resourceUrl(server)).azureApiKey(AZURE_KEY)
                        .wiretap(true).retryPolicy(RetryPolicy.none()).build();
                RealtimeSessions entra = RealtimeSessions.builder().azure(resourceUrl(server)).azureTokenSource(tokens())
                        .wiretap(true).retryPolicy(RetryPolicy.none()).build()) {
            List<String> errors = new ArrayList<>(runAll(keyed, server));
            errors.addAll(runAll(entra, server));

            String wiretap = String.join("\n", library.messages());
            assertThat(wiretap).as("the wiretap logged both modes' requests")
                    .contains("POST /openai/v1/realtime/client_secrets").contains("api-key: ***")
                    .contains("Bearer ***");
            assertThat(errors).hasSizeGreaterThan(10).anySatisfy(error -> assertThat(error).contains("api-key: ***"));
            holdsNoSecret(wiretap);
            holdsNoSecret(String.join("\n", reactorNetty.messages()));
            holdsNoSecret(String.join("\n", netty.messages()));
            holdsNoSecret(String.join("\n", errors));
            assertThat(server.received()).as("the secrets did reach the server").anySatisfy(received ->
                    assertThat(received.headers().get("api-key")).isEqualTo(AZURE_KEY));
        }
    }

    @Test
    void theCallsOwnKeyIsMaskedInAnErrorMessageWhateverSurroundsIt() {
        try (HostileServer server = HostileServer.start();
                RealtimeSessions keyed = RealtimeSessions.builder().azure(resourceUrl(server)).azureApiKey(AZURE_KEY)
                        .retryPolicy(RetryPolicy.none()).build()) {
            server.enqueue(HostileServer.error(401, "invalid_request_error", "401", null,
                    "Access denied due to invalid subscription key (" + AZURE_KEY + ")."));

            Throwable error = Fixtures.failure(keyed.createClientSecret(ClientSecretCreateRequest.builder().build()));

            assertThat(error).isInstanceOf(AuthenticationException.class);
            assertThat(error.getMessage()).contains("invalid subscription key (***)");
            holdsNoSecret(error.getMessage());
            holdsNoSecret(((ApiException) error).serverMessage().orElseThrow());
        }
    }

    @Test
    void noToStringShowsTheKeyOrTheToken() {
        BearerToken token = new BearerToken(TOKEN, Instant.EPOCH);
        RealtimeSessions.Builder builder = RealtimeSessions.builder().azure("https://res.openai.azure.com")
                .azureTokenSource(tokens());
        RealtimeSessions.Builder keyedBuilder = RealtimeSessions.builder().azure("https://res.openai.azure.com")
                .azureApiKey(AZURE_KEY);

        assertThat(token.toString()).isEqualTo("BearerToken[value=***, expiresAt=1970-01-01T00:00:00Z]");
        holdsNoSecret(builder.toString());
        holdsNoSecret(keyedBuilder.toString());
        try (RealtimeSessions entra = builder.build(); RealtimeSessions keyed = keyedBuilder.build()) {
            holdsNoSecret(entra.toString());
            holdsNoSecret(keyed.toString());
            assertThat(keyed.toString()).contains("azure=https://res.openai.azure.com/openai/v1");
        }
        holdsNoSecret(RequestOptions.builder().apiKey(AZURE_KEY).build().toString());
        holdsNoSecret(new CredentialException("x", null).toString());
    }
}
