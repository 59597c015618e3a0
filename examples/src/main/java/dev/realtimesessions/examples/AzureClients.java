package dev.realtimesessions.examples;

import dev.realtimesessions.BearerToken;
import dev.realtimesessions.BearerTokenSource;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Where the examples' Azure mode mints: the Azure OpenAI resource in {@code AZURE_OPENAI_ENDPOINT}
 * with its key {@code AZURE_OPENAI_API_KEY} when both are set (the names Azure's and OpenAI's SDKs
 * read), else the Azure layout ({@code /openai/v1}) of an embedded {@link LocalRealtimeEndpoint} that
 * this object starts and stops. Either way the client is built with
 * {@link RealtimeSessions.Builder#azure(String)}, so that it sends what it would send to Azure.
 */
final class AzureClients implements AutoCloseable {

    /** How the client authenticates to the resource. */
    enum Credential {
        /** The resource's key, sent as {@code api-key}. */
        API_KEY("api-key header (the resource's key)"),
        /** A Microsoft Entra ID token, sent as {@code Authorization: Bearer}. */
        ENTRA_ID("Authorization: Bearer header (a Microsoft Entra ID token)");

        private final String header;

        Credential(String header) {
            this.header = header;
        }

        /** Which header the client sends, for a person to read. */
        String header() {
            return header;
        }
    }

    /** The deployment minted for unless {@code AZURE_OPENAI_DEPLOYMENT} names another. */
    static final String DEFAULT_DEPLOYMENT = "gpt-realtime";

    private final Credential credential;
    private final @Nullable LocalRealtimeEndpoint local;
    private final RealtimeSessions sessions;
    private final String deployment;
    private final String target;

    private AzureClients(Credential credential, boolean alwaysLocal) {
        String resource = alwaysLocal ? null : System.getenv("AZURE_OPENAI_ENDPOINT");
        String apiKey = alwaysLocal ? null : System.getenv("AZURE_OPENAI_API_KEY");
        String deployment = alwaysLocal ? null : System.getenv("AZURE_OPENAI_DEPLOYMENT");
        this.credential = credential;
        this.deployment = deployment == null || deployment.isBlank() ? DEFAULT_DEPLOYMENT : deployment;
        RealtimeSessions.Builder builder = RealtimeSessions.builder();
        if (credential == Credential.API_KEY && isSet(resource) && isSet(apiKey)) {
            local = null;
            builder.azure(resource).azureApiKey(apiKey);
            target = "Azure OpenAI resource " + resource;
        } else {
            if (credential == Credential.ENTRA_ID && !alwaysLocal) {
                System.out.println("Entra ID: minting against the embedded local endpoint's Azure layout with its token"
                        + (isSet(resource) ? " (a real resource needs a TokenCredential: AzureIdentityTokens, see"
                                + " docs/azure.md)" : ""));
            } else if (!alwaysLocal) {
                System.out.println("AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_API_KEY are not both set:"
                        + " minting against the embedded local endpoint's Azure layout");
            }
            local = LocalRealtimeEndpoint.start();
            builder.azure(local.azureResourceUrl());
            if (credential == Credential.API_KEY) {
                builder.azureApiKey(LocalRealtimeEndpoint.AZURE_API_KEY);
            } else {
                builder.azureTokenSource(localEntraTokens());
            }
            target = "the embedded local endpoint's Azure layout, " + local.azureBaseUrl();
        }
        sessions = builder.build();
    }

    /** A client for the Azure examples, on a real resource when the environment names one. */
    static AzureClients start(Credential credential) {
        return new AzureClients(credential, false);
    }

    /** A client on the embedded endpoint whatever the environment says: for tests. */
    static AzureClients startLocal(Credential credential) {
        return new AzureClients(credential, true);
    }

    /**
     * What a {@code TokenCredential} would give (see {@code AzureIdentityTokens}): here the token the
     * embedded endpoint accepts, valid for an hour; the client caches it and asks again before it expires.
     */
    private static BearerTokenSource localEntraTokens() {
        return () -> Mono.fromSupplier(() -> new BearerToken(LocalRealtimeEndpoint.ENTRA_TOKEN,
                Instant.now().plus(Duration.ofHours(1))));
    }

    private static boolean isSet(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    Credential credential() {
        return credential;
    }

    /** The deployment's name: on Azure, a request's {@code model}. */
    String deployment() {
        return deployment;
    }

    /** Where the client mints, for a person to read. */
    String target() {
        return target;
    }

    /** The embedded endpoint, or null when the client targets a real resource. */
    @Nullable LocalRealtimeEndpoint local() {
        return local;
    }

    RealtimeSessions sessions() {
        return sessions;
    }

    @Override
    public void close() {
        sessions.close();
        if (local != null) {
            local.close();
        }
    }
}
