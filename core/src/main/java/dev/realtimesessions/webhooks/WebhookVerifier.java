// Over 300 lines on purpose: the public verifier with its Javadoc'd builder, and the checks in the
// order OpenAI's SDKs make them (headers, timestamp, signature, body, replay), each failure with
// its own reason and message. The events are read in internal/WebhookEventJson.
package dev.realtimesessions.webhooks;

import dev.realtimesessions.ValidationException;
import dev.realtimesessions.internal.WebhookEventJson;
import dev.realtimesessions.webhooks.WebhookVerificationException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Verifies that a webhook delivery comes from OpenAI, is timely and is new, then reads its event.
 * The checks are the ones OpenAI's SDKs make (the Standard Webhooks scheme), plus replay protection:
 *
 * <ol>
 *   <li>the {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature} headers are
 *       present (names in any letter case);</li>
 *   <li>{@code webhook-timestamp} is whole Unix seconds, within the tolerance of this verifier's
 *       clock either way (300 s by default);</li>
 *   <li>one of the space-separated {@code v1,<base64>} entries of {@code webhook-signature} is the
 *       HMAC-SHA256 of {@code webhook-id.webhook-timestamp.body} under one of the secrets, compared in
 *       constant time; entries of other versions are ignored. A {@code whsec_...} secret is
 *       base64-decoded after its prefix, any other secret is used as its UTF-8 bytes;</li>
 *   <li>the body is a JSON object, read into a {@link WebhookEvent};</li>
 *   <li>the {@code webhook-id} was not accepted before within the tolerance window (asked of the
 *       {@link WebhookReplayStore} only now, so a forged delivery cannot use up an id).</li>
 * </ol>
 *
 * <p>A delivery that fails a check is refused with a {@link WebhookVerificationException} whose
 * {@linkplain WebhookVerificationException#reason() reason} says which. Verify the body exactly as
 * received: JSON parsed and written again (other whitespace, other key order, other escapes) never
 * matches its signature.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.of(System.getenv("OPENAI_WEBHOOK_SECRET"));  // build once, share
 *
 * // in a servlet, or any code that may wait
 * try {
 *     WebhookEvent event = verifier.verify(headers, rawBody);
 *     if (event instanceof RealtimeCallIncoming call) {
 *         // accept, reject or refer call.callId()
 *     }
 *     // answer 200
 * } catch (WebhookVerificationException e) {
 *     // answer 400, process nothing; e.reason() says why
 * }
 *
 * // on an event loop (Spring WebFlux, Reactor Netty)
 * Mono<WebhookEvent> event = verifier.verifyNonBlocking(headers, rawBody);
 * }</pre>
 *
 * <p>To rotate the signing secret, configure the old and the new one: a delivery signed with either
 * is accepted. Build one verifier per endpoint and share it: it is immutable and thread-safe, and a
 * verifier built per request would start with an empty replay store every time. Its
 * {@link #toString()} never shows a secret, and no message of its exceptions holds a secret or the
 * signature it expected.
 */
public final class WebhookVerifier {

    /** The default tolerance either way between a delivery's timestamp and this verifier's clock, as OpenAI's SDKs use. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    /** The widest tolerance a verifier accepts: a wider window only makes its replay store remember longer. */
    public static final Duration MAX_TOLERANCE = Duration.ofDays(1);

    private static final String ID = "webhook-id";
    private static final String TIMESTAMP = "webhook-timestamp";
    private static final String SIGNATURE = "webhook-signature";

    /** Timestamps longer than this are refused as malformed; it keeps every sum below in a {@code long}. */
    private static final int MAX_TIMESTAMP_DIGITS = 18;

    /** The longest stretch of a header value quoted in a message. */
    private static final int MAX_QUOTED = 64;

    private final List<SecretKeySpec> keys;
    private final long toleranceSeconds;
    private final Clock clock;
    private final WebhookReplayStore replayStore;

    private WebhookVerifier(Builder builder) {
        this.keys = List.copyOf(builder.keys);
        this.toleranceSeconds = builder.tolerance.getSeconds();
        this.clock = builder.clock;
        this.replayStore = builder.replayStore != null ? builder.replayStore : InMemoryWebhookReplayStore.create();
    }

    /**
     * A verifier accepting deliveries signed with any of {@code secrets}, with the default tolerance,
     * the system clock and an in-memory replay store of its own.
     *
     * @param secrets the endpoint's signing secrets, {@code whsec_...}; more than one while rotating
     * @return the verifier
     * @throws ValidationException if there is no secret, or one is null, blank, or {@code whsec_}
     *     followed by something other than base64
     */
    public static WebhookVerifier of(String... secrets) {
        return builder().secrets(secrets).build();
    }

    /**
     * A builder for a verifier with a tolerance, clock or replay store of its own.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a delivery and reads its event, on the caller's thread. With the default in-memory
     * replay store this never blocks; with a store that answers over the network it waits for that
     * answer, so call {@link #verifyNonBlocking} instead on an event loop.
     *
     * @param headers the request's headers, names in any letter case
     * @param body the request's body, exactly as received
     * @return the event
     * @throws WebhookVerificationException if the delivery is refused; its reason says why
     * @throws ValidationException if {@code headers} or {@code body} is null
     */
    public WebhookEvent verify(Map<String, String> headers, byte[] body) {
        Authentic delivery = authenticate(headers, body);
        WebhookEvent event = WebhookEventJson.read(body);
        boolean firstTime;
        try {
            firstTime = replayStore.markSeenSynchronously(delivery.id, delivery.now, delivery.retention);
        } catch (RuntimeException e) {
            throw replayCheckFailed(delivery.id, e);
        }
        if (!firstTime) {
            throw replayed(delivery.id);
        }
        return event;
    }

    /**
     * Verifies a delivery and reads its event without blocking: the signature is checked on the
     * subscriber's thread, and the replay store is asked through its non-blocking
     * {@link WebhookReplayStore#markSeen}. Lazy: nothing is read until the {@code Mono} is subscribed,
     * and it never throws; every failure is signalled as an error.
     *
     * @param headers the request's headers, names in any letter case
     * @param body the request's body, exactly as received; not to be changed until the {@code Mono} completes
     * @return a {@code Mono} that emits the event, or fails with a {@link WebhookVerificationException}
     *     whose reason says why the delivery is refused (or a {@link ValidationException} for a null argument)
     */
    public Mono<WebhookEvent> verifyNonBlocking(Map<String, String> headers, byte[] body) {
        return Mono.defer(() -> {
            Authentic delivery = authenticate(headers, body);
            WebhookEvent event = WebhookEventJson.read(body);
            return remember(delivery, event);
        });
    }

    /**
     * The store this verifier remembers accepted ids in: the one given to the builder, or its own
     * in-memory store. An application that verified a delivery but could not process it can
     * {@linkplain WebhookReplayStore#forget forget} its id before answering with an error, so that
     * the sender's retry is accepted.
     *
     * @return the replay store
     */
    public WebhookReplayStore replayStore() {
        return replayStore;
    }

    /**
     * The tolerance either way between a delivery's timestamp and this verifier's clock.
     *
     * @return the tolerance, whole seconds
     */
    public Duration tolerance() {
        return Duration.ofSeconds(toleranceSeconds);
    }

    /**
     * Shows how many secrets there are, never the secrets.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "WebhookVerifier[secrets=" + keys.size() + " (not shown), tolerance=" + tolerance()
                + ", clock=" + clock + ", replayStore=" + replayStore + "]";
    }

    private Mono<WebhookEvent> remember(Authentic delivery, WebhookEvent event) {
        Mono<Boolean> answer;
        try {
            answer = replayStore.markSeen(delivery.id, delivery.now, delivery.retention);
        } catch (RuntimeException e) {
            return Mono.error(replayCheckFailed(delivery.id, e));
        }
        if (answer == null) {
            return Mono.error(replayCheckFailed(delivery.id, null));
        }
        return answer
                .onErrorMap(e -> !(e instanceof Error), e -> replayCheckFailed(delivery.id, e))
                .switchIfEmpty(Mono.error(() -> replayCheckFailed(delivery.id, null)))
                .handle((firstTime, sink) -> {
                    if (firstTime) {
                        sink.next(event);
                    } else {
                        sink.error(replayed(delivery.id));
                    }
                });
    }

    /** Checks the headers, the timestamp and the signature; everything but the body's shape and the replay. */
    private Authentic authenticate(@Nullable Map<String, String> headers, byte @Nullable [] body) {
        if (headers == null) {
            throw new ValidationException("headers", "must not be null");
        }
        if (body == null) {
            throw new ValidationException("body", "must not be null; pass an empty array for an empty body");
        }
        String id = header(headers, ID);
        String timestampText = header(headers, TIMESTAMP);
        String signatureHeader = header(headers, SIGNATURE);

        long timestamp = parseTimestamp(timestampText);
        Instant now = clock.instant();
        long nowSeconds = now.getEpochSecond();
        long ahead = timestamp - nowSeconds;
        if (-ahead > toleranceSeconds) {
            throw new WebhookVerificationException(Reason.TIMESTAMP_TOO_OLD, "webhook-timestamp " + describe(timestamp)
                    + " is " + -ahead + " s behind this server's clock, beyond the tolerance of " + toleranceSeconds
                    + " s: a stale or replayed delivery, or a clock that is off (check NTP on this server)");
        }
        if (ahead > toleranceSeconds) {
            throw new WebhookVerificationException(Reason.TIMESTAMP_TOO_NEW, "webhook-timestamp " + describe(timestamp)
                    + " is " + ahead + " s ahead of this server's clock, beyond the tolerance of " + toleranceSeconds
                    + " s: a clock that is off (check NTP on this server), or a forged delivery");
        }

        List<byte[]> signatures = WebhookSignature.v1Signatures(signatureHeader);
        if (signatures.isEmpty()) {
            throw new WebhookVerificationException(Reason.NO_MATCHING_SIGNATURE,
                    "webhook-signature holds no v1,<base64> signature: the delivery is not signed the way OpenAI signs");
        }
        if (!WebhookSignature.matches(keys, id, timestampText, body, signatures)) {
            throw new WebhookVerificationException(Reason.NO_MATCHING_SIGNATURE, "none of the " + signatures.size()
                    + " v1 signatures in webhook-signature matches the body under "
                    + (keys.size() == 1 ? "the configured secret" : "any of the " + keys.size() + " configured secrets")
                    + ": check that the secret is this endpoint's signing secret (whsec_...), and that the body is"
                    + " verified as the raw bytes received (JSON parsed and written again never matches)");
        }
        return new Authentic(id, now, Duration.ofSeconds(ahead + toleranceSeconds + 1));
    }

    /** A header's value, whatever the letter case of its name in {@code headers}. */
    private static String header(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                if (name.equalsIgnoreCase(header.getKey()) && header.getValue() != null) {
                    value = header.getValue();
                    break;
                }
            }
        }
        if (value == null) {
            throw new WebhookVerificationException(Reason.MISSING_HEADER, "the " + name + " header is missing: pass all"
                    + " of the request's headers (names in any letter case); OpenAI sends webhook-id, webhook-timestamp"
                    + " and webhook-signature with every delivery");
        }
        if (value.isEmpty()) {
            throw new WebhookVerificationException(Reason.MISSING_HEADER, "the " + name + " header is empty");
        }
        return value;
    }

    private static long parseTimestamp(String text) {
        boolean digits = text.length() <= MAX_TIMESTAMP_DIGITS;
        for (int i = 0; digits && i < text.length(); i++) {
            char c = text.charAt(i);
            digits = c >= '0' && c <= '9';
        }
        if (!digits) {
            throw new WebhookVerificationException(Reason.MALFORMED_TIMESTAMP, "webhook-timestamp " + quote(text)
                    + " is not whole Unix seconds (digits only, such as 1719168000)");
        }
        return Long.parseLong(text);
    }

    /** Unix seconds, with the instant they stand for when it is one. */
    private static String describe(long timestamp) {
        return timestamp <= Instant.MAX.getEpochSecond()
                ? timestamp + " (" + Instant.ofEpochSecond(timestamp) + ")"
                : Long.toString(timestamp);
    }

    /** A header value for a message: in quotes, shortened, control characters replaced, so a log line stays one line. */
    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder(Math.min(value.length(), MAX_QUOTED) + 5).append('"');
        for (int i = 0; i < value.length() && i < MAX_QUOTED; i++) {
            char c = value.charAt(i);
            quoted.append(Character.isISOControl(c) ? '?' : c);
        }
        return quoted.append(value.length() > MAX_QUOTED ? "...\"" : "\"").toString();
    }

    private static WebhookVerificationException replayed(String id) {
        return new WebhookVerificationException(Reason.REPLAYED, "webhook-id " + quote(id) + " was already accepted"
                + " within the tolerance window: a replay, or a retry of a delivery already processed;"
                + " acknowledge it without processing it again");
    }

    private static WebhookVerificationException replayCheckFailed(String id, @Nullable Throwable cause) {
        return new WebhookVerificationException(Reason.REPLAY_CHECK_FAILED, "the replay store "
                + (cause == null ? "gave no answer" : "failed") + " for webhook-id " + quote(id)
                + ", an authentic delivery: answer with a 5xx so that it is delivered again", cause);
    }

    /** A delivery whose signature and timestamp are verified, and how long its id must be remembered. */
    private record Authentic(String id, Instant now, Duration retention) {
    }

    /**
     * Builds a {@link WebhookVerifier}. Secrets are required; everything else has a default.
     *
     * <pre>{@code
     * WebhookVerifier verifier = WebhookVerifier.builder()
     *     .secrets(System.getenv("OPENAI_WEBHOOK_SECRET"), System.getenv("OPENAI_WEBHOOK_SECRET_PREVIOUS"))
     *     .tolerance(Duration.ofMinutes(2))
     *     .replayStore(sharedStore)
     *     .build();
     * }</pre>
     */
    public static final class Builder {

        private List<SecretKeySpec> keys = List.of();
        private Duration tolerance = DEFAULT_TOLERANCE;
        private Clock clock = Clock.systemUTC();
        private @Nullable WebhookReplayStore replayStore;

        private Builder() {
        }

        /**
         * The signing secrets; a delivery signed with any of them is accepted. Replaces secrets set
         * before. Each is checked now; the builder keeps only the keys made from them.
         *
         * @param secrets the endpoint's signing secrets, {@code whsec_...}; more than one while rotating
         * @return this builder
         * @throws ValidationException if there is no secret, or one is null, blank, or {@code whsec_}
         *     followed by something other than base64 (the message names it by position, never by value)
         */
        public Builder secrets(String... secrets) {
            if (secrets == null || secrets.length == 0) {
                throw new ValidationException("secrets", "must hold at least one signing secret (whsec_...)");
            }
            List<SecretKeySpec> parsed = new ArrayList<>(secrets.length);
            for (int i = 0; i < secrets.length; i++) {
                parsed.add(WebhookSignature.key("secrets[" + i + "]", secrets[i]));
            }
            this.keys = parsed;
            return this;
        }

        /**
         * How far a delivery's timestamp may be from this verifier's clock, either way. Default
         * {@link #DEFAULT_TOLERANCE}, 5 minutes.
         *
         * @param tolerance whole seconds, from zero to {@link #MAX_TOLERANCE}
         * @return this builder
         * @throws ValidationException if it is null, negative, longer than a day, or not whole seconds
         */
        public Builder tolerance(Duration tolerance) {
            if (tolerance == null) {
                throw new ValidationException("tolerance", "must not be null");
            }
            if (tolerance.isNegative() || tolerance.compareTo(MAX_TOLERANCE) > 0) {
                throw new ValidationException("tolerance", "must be from 0 to " + MAX_TOLERANCE + ", but was " + tolerance);
            }
            if (tolerance.getNano() != 0) {
                throw new ValidationException("tolerance", "must be whole seconds, as webhook timestamps are, but was "
                        + tolerance);
            }
            this.tolerance = tolerance;
            return this;
        }

        /**
         * The clock timestamps are judged against. Default the system clock, in UTC; tests inject a
         * fixed or hand-moved one.
         *
         * @param clock the clock
         * @return this builder
         * @throws ValidationException if it is null
         */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new ValidationException("clock", "must not be null");
            }
            this.clock = clock;
            return this;
        }

        /**
         * Where accepted ids are remembered. Default: a new {@link InMemoryWebhookReplayStore} for this
         * verifier alone; replicas behind a load balancer share one instead.
         *
         * @param replayStore the store
         * @return this builder
         * @throws ValidationException if it is null
         */
        public Builder replayStore(WebhookReplayStore replayStore) {
            if (replayStore == null) {
                throw new ValidationException("replayStore", "must not be null");
            }
            this.replayStore = replayStore;
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         * @throws ValidationException if no secret was set
         */
        public WebhookVerifier build() {
            if (keys.isEmpty()) {
                throw new ValidationException("secrets", "must hold at least one signing secret (whsec_...)");
            }
            return new WebhookVerifier(this);
        }
    }
}
