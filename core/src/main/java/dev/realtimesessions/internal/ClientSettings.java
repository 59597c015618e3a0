package dev.realtimesessions.internal;

import dev.realtimesessions.CallListener;
import dev.realtimesessions.RetryPolicy;
import dev.realtimesessions.SharedRateGate;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;

/**
 * Everything a {@code RealtimeSessions} client was built with, validated by its builder.
 *
 * @param baseUrl the API's base URL without a trailing slash ({@code .../openai/v1} for Azure OpenAI)
 * @param apiKey the API key (OpenAI's, or with {@code azure} an Azure resource's), resolved once per
 *     call; unused when {@code azure} has a token source
 * @param headers headers sent with every request (organization, project, custom), in order
 * @param retryPolicy the default retry policy
 * @param attemptTimeout the default time limit of one attempt
 * @param timeout the default overall deadline of a call
 * @param connectTimeout the time limit to open a connection
 * @param maxResponseBytes the largest response body accepted
 * @param maxConnections the size of the client's own connection pool
 * @param maxPendingAcquires how many calls may wait for a pooled connection
 * @param httpClient the caller's HTTP client, or null for the client's own transport
 * @param loops the event loops the client's own transport runs on, or null for Reactor Netty's global ones
 * @param trustManager what the client's own transport trusts over TLS, or null for the JDK's default trust store
 * @param wiretap whether to log every exchange, redacted, at DEBUG
 * @param userAgent the User-Agent header
 * @param rateGate whether calls sharing a key and project are paced at the rate the server describes
 * @param callListener makes each call's listener (metrics, tracing), or null for none
 * @param azure how the client authenticates to Azure OpenAI, or null for OpenAI
 * @param acceptGzip whether requests ask for gzip-compressed answers ({@code Accept-Encoding: gzip})
 * @param sharedRateGate what carries the rate gate's state to and from other clients, or null for none
 */
public record ClientSettings(String baseUrl, Mono<String> apiKey, Map<String, String> headers, RetryPolicy retryPolicy,
        Duration attemptTimeout, Duration timeout, Duration connectTimeout, int maxResponseBytes, int maxConnections,
        int maxPendingAcquires, @Nullable HttpClient httpClient, @Nullable LoopResources loops,
        @Nullable TrustManagerFactory trustManager, boolean wiretap, String userAgent, boolean rateGate,
        CallListener.@Nullable Factory callListener, @Nullable AzureAuth azure, boolean acceptGzip,
        @Nullable SharedRateGate sharedRateGate) {

    /**
     * Settings for an OpenAI client ({@code azure} null) that asks for no compression.
     *
     * @param baseUrl the API's base URL without a trailing slash
     * @param apiKey the API key, resolved once per call
     * @param headers headers sent with every request
     * @param retryPolicy the default retry policy
     * @param attemptTimeout the default time limit of one attempt
     * @param timeout the default overall deadline of a call
     * @param connectTimeout the time limit to open a connection
     * @param maxResponseBytes the largest response body accepted
     * @param maxConnections the size of the client's own connection pool
     * @param maxPendingAcquires how many calls may wait for a pooled connection
     * @param httpClient the caller's HTTP client, or null for the client's own transport
     * @param loops the event loops of the client's own transport, or null for Reactor Netty's global ones
     * @param trustManager what the client's own transport trusts, or null for the JDK's default
     * @param wiretap whether to log every exchange, redacted, at DEBUG
     * @param userAgent the User-Agent header
     * @param rateGate whether calls sharing a credential hold back together
     * @param callListener makes each call's listener, or null for none
     */
    public ClientSettings(String baseUrl, Mono<String> apiKey, Map<String, String> headers, RetryPolicy retryPolicy,
            Duration attemptTimeout, Duration timeout, Duration connectTimeout, int maxResponseBytes, int maxConnections,
            int maxPendingAcquires, @Nullable HttpClient httpClient, @Nullable LoopResources loops,
            @Nullable TrustManagerFactory trustManager, boolean wiretap, String userAgent, boolean rateGate,
            CallListener.@Nullable Factory callListener) {
        this(baseUrl, apiKey, headers, retryPolicy, attemptTimeout, timeout, connectTimeout, maxResponseBytes,
                maxConnections, maxPendingAcquires, httpClient, loops, trustManager, wiretap, userAgent, rateGate,
                callListener, null, false, null);
    }
}
