package dev.realtimesessions.local;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A stand-in for OpenAI's Realtime API on loopback, so that examples and tests run offline. It
 * checks every body against the schema OpenAI publishes for it and answers like the real API,
 * with OpenAI's error JSON ({@code {"error": {"message", "type", "param", "code"}}}) for a bad one:
 * the token endpoints (a fresh {@code ek_local_...} secret with a real expiry); {@code POST
 * /realtime/calls} (a multipart offer with the API key, or a raw {@code application/sdp} offer with
 * a client secret it minted; {@code 201}, an SDP answer a browser accepts, {@code Location:
 * /v1/realtime/calls/rtc_...}) and its controls {@code accept}, {@code reject}, {@code refer},
 * {@code hangup}; GPT-Live's {@code POST /live/sessions} and its controls, {@code fork} included;
 * OpenAI's side of incoming SIP calls ({@link #ringSip}, {@link #ringLiveSip}: a signed webhook to
 * the application). Every path is served under {@code /v1} (OpenAI: {@code Authorization: Bearer}
 * {@link #API_KEY}) and under {@code /openai/v1} (Azure OpenAI: {@code api-key:}
 * {@link #AZURE_API_KEY}, or an Entra ID token as bearer). The README's "Local endpoint" section
 * lists every rule.
 *
 * <p>Tests read what happened through immutable snapshots: {@link #calls()}, {@link #call(String)},
 * {@link #awaitCall(String, LocalCall.State)} and {@link #requests()}. The endpoint never logs and
 * records no credential.
 *
 * <pre>{@code
 * try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start()) {
 *     RealtimeSessions sessions = RealtimeSessions.builder()
 *         .apiKey(LocalRealtimeEndpoint.API_KEY)
 *         .baseUrl(endpoint.baseUrl())
 *         .build();
 *     ...
 * }
 * }</pre>
 */
public final class LocalRealtimeEndpoint implements AutoCloseable {

    /** The API key the OpenAI layout ({@code /v1}) accepts, as {@code Authorization: Bearer}. */
    public static final String API_KEY = "sk-local-realtime-sessions";

    /** The key the Azure layout ({@code /openai/v1}) accepts, as an {@code api-key} header. */
    public static final String AZURE_API_KEY = "local-azure-api-key";

    /** The Entra ID token the Azure layout accepts by default, as {@code Authorization: Bearer}. */
    public static final String ENTRA_TOKEN = "local-entra-id-token";

    private final DisposableServer server;
    private final Router router;
    private final CallTable table;
    private final SipRinger ringer;

    private LocalRealtimeEndpoint(DisposableServer server, Router router, CallTable table, SipRinger ringer) {
        this.server = server;
        this.router = router;
        this.table = table;
        this.ringer = ringer;
    }

    /** {@return the endpoint, started on a free loopback port; close it when done} */
    public static LocalRealtimeEndpoint start() {
        return builder().start();
    }

    /**
     * Starts the endpoint on the given loopback port (0 for any free port), with a clock for expiry
     * times, webhook timestamps and recorded times.
     *
     * @param port the port, or 0
     * @param clock the clock
     * @return the running endpoint; close it when done
     * @throws IllegalArgumentException if {@code clock} is null or the port is outside 0..65535
     */
    public static LocalRealtimeEndpoint start(int port, Clock clock) {
        return builder().port(port).clock(clock).start();
    }

    /** {@return a new builder, for the options {@link #start(int, Clock)} does not take} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the OpenAI base URL to give a client, such as {@code http://127.0.0.1:41234/v1}} */
    public String baseUrl() {
        return resourceUrl() + "/v1";
    }

    /**
     * {@return the endpoint as an Azure OpenAI resource URL, such as {@code http://127.0.0.1:41234}:
     * what a client's {@code azure(resourceUrl)} takes before it appends {@code /openai/v1}}
     */
    public String azureResourceUrl() {
        return resourceUrl();
    }

    /** {@return the Azure OpenAI base URL, such as {@code http://127.0.0.1:41234/openai/v1}} */
    public String azureBaseUrl() {
        return resourceUrl() + "/openai/v1";
    }

    private String resourceUrl() {
        return "http://127.0.0.1:" + ((InetSocketAddress) server.address()).getPort();
    }

    /** {@return every Realtime call and GPT-Live session so far, oldest first, as immutable snapshots} */
    public List<LocalCall> calls() {
        return table.all();
    }

    /**
     * One call or Live session as it is now.
     *
     * @param id its id ({@code rtc_...} or {@code live_...})
     * @return its snapshot, or empty when the endpoint does not know the id
     */
    public Optional<LocalCall> call(@Nullable String id) {
        return id == null ? Optional.empty() : table.get(id);
    }

    /**
     * Waits, without blocking a thread, until a call has reached a state: completes at once when it
     * already has (it need not still be in it), otherwise at the change that gets it there. The call
     * need not exist yet. Completes empty when the endpoint is closed first; bound it with a timeout
     * or a {@code StepVerifier} verification.
     *
     * @param id the call or Live session id
     * @param state the state
     * @return the call's snapshot at that moment
     */
    public Mono<LocalCall> awaitCall(String id, LocalCall.State state) {
        if (id == null || state == null) {
            return Mono.error(new IllegalArgumentException((id == null ? "id" : "state") + " is required"));
        }
        return table.await(id, state);
    }

    /** {@return the requests the endpoint answered, oldest first (the last 10,000), without any credential} */
    public List<LocalRequest> requests() {
        return router.requests();
    }

    /**
     * Rings a SIP call into the Realtime API: adds a {@link LocalCall.State#RINGING} call
     * ({@code rtc_...}) and POSTs a signed {@code realtime.call.incoming} webhook to {@code webhookUrl}.
     * The accept, reject or refer the application then sends is recorded on the call.
     *
     * @param webhookUrl the application's webhook URL
     * @param webhookSecret the webhook signing secret: {@code whsec_<base64>}, or any other text used as UTF-8 bytes
     * @param sipHeaders the INVITE's headers for {@code data.sip_headers}, in order
     * @return the delivery once the application answered the POST (any status); an
     *     {@link IllegalArgumentException} for a missing or malformed argument, an
     *     {@link IllegalStateException} when the POST fails
     */
    public Mono<WebhookDelivery> ringSip(String webhookUrl, String webhookSecret, List<SipHeader> sipHeaders) {
        return ringSip(webhookUrl, webhookSecret, sipHeaders, null);
    }

    /**
     * {@link #ringSip(String, String, List)} with {@code data.sip_media_security}.
     *
     * @param webhookUrl the application's webhook URL
     * @param webhookSecret the webhook signing secret
     * @param sipHeaders the INVITE's headers, in order
     * @param sipMediaSecurity {@code srtp}, {@code rtp}, any other value, or null to leave it out
     * @return the delivery once the application answered the POST
     */
    public Mono<WebhookDelivery> ringSip(String webhookUrl, String webhookSecret, List<SipHeader> sipHeaders,
            @Nullable String sipMediaSecurity) {
        return ringer.ring(LocalCall.Api.REALTIME, webhookUrl, webhookSecret, sipHeaders, sipMediaSecurity);
    }

    /**
     * Rings a SIP call into GPT-Live: adds a {@link LocalCall.State#RINGING} Live session
     * ({@code live_...}) and POSTs a signed {@code live.transport.incoming} webhook ({@code data.type}
     * {@code sip}, {@code data.session_id}) to {@code webhookUrl}.
     *
     * @param webhookUrl the application's webhook URL
     * @param webhookSecret the webhook signing secret
     * @param sipHeaders the INVITE's headers, in order
     * @return the delivery once the application answered the POST
     */
    public Mono<WebhookDelivery> ringLiveSip(String webhookUrl, String webhookSecret, List<SipHeader> sipHeaders) {
        return ringLiveSip(webhookUrl, webhookSecret, sipHeaders, null);
    }

    /**
     * {@link #ringLiveSip(String, String, List)} with {@code data.sip_media_security}.
     *
     * @param webhookUrl the application's webhook URL
     * @param webhookSecret the webhook signing secret
     * @param sipHeaders the INVITE's headers, in order
     * @param sipMediaSecurity {@code srtp}, {@code rtp}, any other value, or null to leave it out
     * @return the delivery once the application answered the POST
     */
    public Mono<WebhookDelivery> ringLiveSip(String webhookUrl, String webhookSecret, List<SipHeader> sipHeaders,
            @Nullable String sipMediaSecurity) {
        return ringer.ring(LocalCall.Api.LIVE, webhookUrl, webhookSecret, sipHeaders, sipMediaSecurity);
    }

    /**
     * Sends a delivery again, byte for byte (same {@code webhook-id}, timestamp, signature and body):
     * a replay, or, built with {@link WebhookDelivery#withBody}, a tampered delivery. It creates no call.
     *
     * @param delivery a delivery from {@link #ringSip} or {@link #ringLiveSip}, or a copy of one
     * @return the delivery with the status the application answered this time
     */
    public Mono<WebhookDelivery> redeliver(WebhookDelivery delivery) {
        return delivery == null ? Mono.error(new IllegalArgumentException("delivery is required"))
                : ringer.deliver(delivery);
    }

    /** Stops the endpoint; those waiting in {@link #awaitCall} complete empty. */
    @Override
    public void close() {
        try {
            server.disposeNow(Duration.ofSeconds(5));
        } finally {
            table.close();
        }
    }

    /** Options for {@link LocalRealtimeEndpoint}: the port, the clock, the Entra ID tokens Azure's layout accepts. */
    public static final class Builder {

        private int port;
        private Clock clock = Clock.systemUTC();
        private Predicate<String> entraTokens = ENTRA_TOKEN::equals;

        private Builder() {
        }

        /**
         * The loopback port; 0 (the default) for any free port.
         *
         * @param port the port, 0..65535
         * @return this builder
         * @throws IllegalArgumentException if the port is outside 0..65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be within 0..65535, but was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The clock for secret expiry times, webhook timestamps and recorded times; the system UTC
         * clock by default. A clock in the past makes {@link #ringSip} send stale timestamps.
         *
         * @param clock the clock
         * @return this builder
         * @throws IllegalArgumentException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Args.required("clock", clock);
            return this;
        }

        /**
         * Which bearer tokens the Azure layout accepts as Microsoft Entra ID tokens; by default only
         * {@link LocalRealtimeEndpoint#ENTRA_TOKEN}. The test sees each token, so it can record which
         * one a refreshing client sent.
         *
         * @param accepted true for an accepted token; called on the endpoint's event loop, so it must not block
         * @return this builder
         * @throws IllegalArgumentException if {@code accepted} is null
         */
        public Builder entraTokens(Predicate<String> accepted) {
            this.entraTokens = Args.required("accepted", accepted);
            return this;
        }

        /** {@return the endpoint, started; close it when done} */
        public LocalRealtimeEndpoint start() {
            // Parsed here, once, on the caller's thread: never per request and never on an event loop.
            RequestSchemas schemas = RequestSchemas.get();
            Reply.warmUp();
            JsonBodies bodies = new JsonBodies(new SchemaValidator());
            MintedSecrets minted = new MintedSecrets();
            CallTable table = new CallTable();
            Router router = new Router(clock, new Credentials(minted, entraTokens),
                    new TokenHandlers(clock, schemas, bodies, minted),
                    new CallHandlers(schemas, bodies, minted, table), new LiveHandlers(schemas, bodies, table));
            DisposableServer server = HttpServer.create()
                    .host("127.0.0.1")
                    .port(port)
                    .handle(router::handle)
                    .bindNow(Duration.ofSeconds(10));
            return new LocalRealtimeEndpoint(server, router, table, new SipRinger(clock, table));
        }
    }
}
