package dev.realtimesessions.examples;

import dev.realtimesessions.ApiResponse;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RealtimeSessionsException;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.local.LocalRequest;
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
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Mints one Realtime client secret and prints it: through the GA {@code POST /realtime/client_secrets}
 * by default, through the beta {@code POST /realtime/sessions} with {@code --beta}. Uses OpenAI when
 * {@code OPENAI_API_KEY} is set, and the embedded local endpoint otherwise. The secret
 * is redacted unless {@code --show-secret} is given.
 *
 * <p>With {@code --azure} it mints through Azure OpenAI's layout ({@code /openai/v1}) with the
 * resource's key, sent as {@code api-key}: on the resource in {@code AZURE_OPENAI_ENDPOINT} with
 * {@code AZURE_OPENAI_API_KEY} (and the deployment {@code AZURE_OPENAI_DEPLOYMENT}, default
 * {@code gpt-realtime}) when they are set, else on the embedded local endpoint. With
 * {@code --entra} (or {@code --azure --entra}) it authenticates with a Microsoft Entra ID token
 * instead, sent as {@code Authorization: Bearer}, against the embedded endpoint. Each run prints
 * which mode it used and, against the embedded endpoint, which headers the endpoint received.
 */
public final class MintToken {

    private static final String INSTRUCTIONS = "You are a friendly assistant.";

    private MintToken() {
    }

    /**
     * Mints one secret and prints it.
     *
     * @param args {@code --show-secret} to print the secret, {@code --beta} to use the beta endpoint,
     *     {@code --azure} to mint through Azure OpenAI with the resource's key, {@code --entra} with an
     *     Entra ID token
     */
    public static void main(String[] args) {
        List<String> options = Arrays.asList(args);
        boolean showSecret = options.contains("--show-secret");
        boolean beta = options.contains("--beta");
        boolean entra = options.contains("--entra");
        boolean azure = entra || options.contains("--azure");
        if (azure && beta) {
            System.err.println("--beta is OpenAI's deprecated endpoint; Azure OpenAI documents the GA one: drop --beta");
            System.exit(2);
        }
        try {
            if (azure) {
                try (AzureClients clients = AzureClients.start(entra ? AzureClients.Credential.ENTRA_ID
                        : AzureClients.Credential.API_KEY)) {
                    mintOnAzure(clients, showSecret, System.out);
                }
            } else {
                try (ExampleClients clients = ExampleClients.start(builder -> { })) {
                    mintOnOpenAi(clients, beta, showSecret, System.out);
                }
            }
        } catch (RealtimeSessionsException e) {
            System.err.println("Could not mint a client secret: " + e.getMessage());
            System.exit(1);
        }
    }

    /** OpenAI, or the embedded endpoint's OpenAI layout ({@code /v1}): the API key as {@code Authorization: Bearer}. */
    static void mintOnOpenAi(ExampleClients clients, boolean beta, boolean showSecret, PrintStream out) {
        out.println("mode        OpenAI, Authorization: Bearer header (the API key)");
        if (beta) {
            mintBeta(clients.sessions(), showSecret, out);
        } else {
            mint(clients.sessions(), RealtimeModel.GPT_REALTIME.value(), "POST /realtime/client_secrets (GA)",
                    showSecret, out);
        }
        received(clients.local(), out);
    }

    /** Azure OpenAI, or the embedded endpoint's Azure layout: the resource's key or an Entra ID token. */
    static void mintOnAzure(AzureClients clients, boolean showSecret, PrintStream out) {
        out.println("mode        Azure OpenAI, " + clients.credential().header());
        out.println("target      " + clients.target());
        out.println("deployment  " + clients.deployment());
        mint(clients.sessions(), clients.deployment(), "POST /openai/v1/realtime/client_secrets (GA)", showSecret, out);
        received(clients.local(), out);
    }

    /** Against the embedded endpoint, which headers it received with the last request (never their values). */
    private static void received(@Nullable LocalRealtimeEndpoint local, PrintStream out) {
        if (local == null || local.requests().isEmpty()) {
            return;
        }
        LocalRequest last = local.requests().get(local.requests().size() - 1);
        out.println("received    Authorization: " + (last.authorizationHeader() ? "yes" : "no") + ", api-key: "
                + (last.apiKeyHeader() ? "yes" : "no") + " (the embedded endpoint read " + last.credential() + ")");
    }

    /** The GA endpoint: what new code should use. */
    private static void mint(RealtimeSessions sessions, String model, String endpoint, boolean showSecret,
            PrintStream out) {
        ClientSecretCreateRequest request = ClientSecretCreateRequest.builder()
                .expiresAfter(Duration.ofMinutes(2))
                .session(RealtimeSessionConfig.builder()
                        .model(model)
                        .instructions(INSTRUCTIONS)
                        .audioInput(AudioInputConfig.builder()
                                .turnDetection(TurnDetection.serverVad().silenceDurationMs(500).build())
                                .build())
                        .audioOutput(AudioOutputConfig.ofVoice(Voice.VERSE))
                        .build())
                .build();
        ApiResponse<ClientSecretCreateResponse> response = sessions.createClientSecretWithResponse(request).block();
        ClientSecretCreateResponse secret = response.value();
        out.println("endpoint    " + endpoint);
        if (secret.session() instanceof RealtimeSessionDetails session) {
            out.println("session     " + session.id());
            out.println("model       " + session.model());
            out.println("voice       " + (session.audio() == null || session.audio().output() == null
                    ? "(server default)" : session.audio().output().voice()));
        }
        print(secret.clientSecret(), showSecret, response, out);
        out.println("calls URL   " + sessions.browserCallsUrl() + "  (where the browser posts its offer with the secret)");
    }

    /** The beta endpoint the library was first asked for, which OpenAI has deprecated. */
    @SuppressWarnings("deprecation") // shows the beta endpoint on purpose, with --beta
    private static void mintBeta(RealtimeSessions sessions, boolean showSecret, PrintStream out) {
        RealtimeSessionCreateRequest request = RealtimeSessionCreateRequest.builder()
                .model(RealtimeModel.GPT_REALTIME)
                .voice(Voice.VERSE)
                .instructions(INSTRUCTIONS)
                .turnDetection(TurnDetection.serverVad().silenceDurationMs(500).build())
                .clientSecretExpiresAfter(Duration.ofMinutes(2))
                .build();
        ApiResponse<RealtimeSession> response = sessions.createWithResponse(request).block();
        RealtimeSession session = response.value();
        out.println("endpoint    POST /realtime/sessions (beta)");
        out.println("session     " + session.id());
        out.println("model       " + session.model());
        out.println("voice       " + session.voice());
        print(session.clientSecret(), showSecret, response, out);
    }

    private static void print(ClientSecret secret, boolean showSecret, ApiResponse<?> response, PrintStream out) {
        long secondsLeft = Duration.between(Instant.now(), secret.expiresAt()).toSeconds();
        out.println("secret      " + (showSecret ? secret.value() : secret + "  (pass --show-secret to print it)"));
        out.println("expires at  " + secret.expiresAt() + " (in " + secondsLeft + " s)");
        out.println("request id  " + response.requestId().orElse("-") + ", attempts " + response.attempts());
    }
}
