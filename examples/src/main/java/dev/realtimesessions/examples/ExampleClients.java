package dev.realtimesessions.examples;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Where the examples mint: OpenAI when {@code OPENAI_API_KEY} is set, else an embedded
 * {@link LocalRealtimeEndpoint} that this object starts and stops.
 */
final class ExampleClients implements AutoCloseable {

    private final @Nullable LocalRealtimeEndpoint local;
    private final RealtimeSessions sessions;

    private ExampleClients(Consumer<RealtimeSessions.Builder> customizer, boolean alwaysLocal) {
        String apiKey = alwaysLocal ? null : System.getenv("OPENAI_API_KEY");
        RealtimeSessions.Builder builder = RealtimeSessions.builder();
        if (apiKey == null || apiKey.isBlank()) {
            local = LocalRealtimeEndpoint.start();
            builder.apiKey(LocalRealtimeEndpoint.API_KEY).baseUrl(local.baseUrl());
            System.out.println((alwaysLocal ? "" : "OPENAI_API_KEY is not set: ")
                    + "minting against the embedded local endpoint at " + local.baseUrl());
        } else {
            local = null;
            builder.apiKey(apiKey);
            System.out.println("Minting against " + RealtimeSessions.DEFAULT_BASE_URL);
        }
        customizer.accept(builder);
        sessions = builder.build();
    }

    /** A client for the examples, after {@code customizer} has had its say on the builder. */
    static ExampleClients start(Consumer<RealtimeSessions.Builder> customizer) {
        return new ExampleClients(customizer, false);
    }

    /** A client on the embedded endpoint whatever the environment says: for tests. */
    static ExampleClients startLocal(Consumer<RealtimeSessions.Builder> customizer) {
        return new ExampleClients(customizer, true);
    }

    /** Whether the examples run against the embedded endpoint rather than OpenAI. */
    boolean isLocal() {
        return local != null;
    }

    /** The embedded endpoint, or null when the examples run against OpenAI. */
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
