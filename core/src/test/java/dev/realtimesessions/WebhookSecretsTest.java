package dev.realtimesessions;

import static dev.realtimesessions.testing.WebhookDeliveries.CALL_INCOMING;
import static dev.realtimesessions.testing.WebhookDeliveries.NOW;
import static dev.realtimesessions.testing.WebhookDeliveries.OTHER_SECRET;
import static dev.realtimesessions.testing.WebhookDeliveries.SECRET;
import static dev.realtimesessions.testing.WebhookDeliveries.bytes;
import static dev.realtimesessions.testing.WebhookDeliveries.headers;
import static dev.realtimesessions.testing.WebhookDeliveries.key;
import static dev.realtimesessions.testing.WebhookDeliveries.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.realtimesessions.testing.WebhookDeliveries.HandClock;
import dev.realtimesessions.webhooks.WebhookReplayStore;
import dev.realtimesessions.webhooks.WebhookVerificationException;
import dev.realtimesessions.webhooks.WebhookVerificationException.Reason;
import dev.realtimesessions.webhooks.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** No webhook secret, nor the signature the verifier expected, appears in a message or a {@code toString()}. */
class WebhookSecretsTest {

    private static final String RAW_SECRET = "raw-webhook-secret-9f8e7d6c5b4a";
    private static final String ID = "msg_secrets";

    private final HandClock clock = new HandClock(NOW);

    @Test
    void noRefusalShowsASecretOrTheExpectedSignature() {
        WebhookVerifier verifier = WebhookVerifier.builder().secrets(SECRET, OTHER_SECRET, RAW_SECRET).clock(clock).build();
        String time = Long.toString(NOW);
        String tampered = CALL_INCOMING.replace("rtc_u0", "rtc_u9");
        Map<String, String> signed = headers(SECRET, ID, NOW, CALL_INCOMING);
        List<String> forbidden = new ArrayList<>(List.of(SECRET, OTHER_SECRET, RAW_SECRET,
                SECRET.substring("whsec_".length()), OTHER_SECRET.substring("whsec_".length()),
                new String(key(SECRET), StandardCharsets.ISO_8859_1)));
        for (String secret : List.of(SECRET, OTHER_SECRET, RAW_SECRET)) {
            forbidden.add(signature(key(secret), ID, time, bytes(tampered)));
        }

        List<WebhookVerificationException> refusals = new ArrayList<>();
        refusals.add(refuse(verifier, Map.of(), CALL_INCOMING));
        refusals.add(refuse(verifier, headers(ID, "soon", "v1,AAAA"), CALL_INCOMING));
        refusals.add(refuse(verifier, headers(SECRET, ID, NOW - 3600, CALL_INCOMING), CALL_INCOMING));
        refusals.add(refuse(verifier, headers(SECRET, ID, NOW + 3600, CALL_INCOMING), CALL_INCOMING));
        refusals.add(refuse(verifier, signed, tampered));
        refusals.add(refuse(verifier, headers(ID, time, "v2,AAAA"), CALL_INCOMING));
        refusals.add(refuse(verifier, headers(SECRET, ID, NOW, "{"), "{"));
        verifier.verify(signed, bytes(CALL_INCOMING));
        refusals.add(refuse(verifier, signed, CALL_INCOMING));
        WebhookVerifier broken = WebhookVerifier.builder().secrets(SECRET).clock(clock).replayStore(new Broken()).build();
        refusals.add(refuse(broken, signed, CALL_INCOMING));

        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        for (WebhookVerificationException refusal : refusals) {
            reasons.add(refusal.reason());
            for (Throwable error = refusal; error != null; error = error.getCause()) {
                for (String secret : forbidden) {
                    assertThat(error.getMessage()).as(refusal.reason().name()).doesNotContain(secret);
                    assertThat(error.toString()).as(refusal.reason().name()).doesNotContain(secret);
                }
            }
        }
        assertThat(reasons).as("every reason was checked").containsExactlyInAnyOrder(Reason.values());
    }

    @Test
    void theVerifiersToStringCountsItsSecretsWithoutShowingThem() {
        WebhookVerifier verifier = WebhookVerifier.builder().secrets(SECRET, RAW_SECRET).clock(clock).build();

        assertThat(verifier.toString()).contains("secrets=2").contains("tolerance=PT5M")
                .doesNotContain(SECRET).doesNotContain(SECRET.substring("whsec_".length())).doesNotContain(RAW_SECRET);
        assertThat(WebhookVerifier.builder().secrets(SECRET).toString()).doesNotContain(SECRET.substring(6));
    }

    @Test
    void anUnusableSecretIsNamedByItsPositionNeverShown() {
        String notBase64 = "whsec_not*base64*at*all";
        ValidationException invalid = catchThrowableOfType(ValidationException.class,
                () -> WebhookVerifier.of(SECRET, notBase64));
        assertThat(invalid.field()).isEqualTo("secrets[1]");
        assertThat(invalid).hasMessageContaining("not base64").hasMessageNotContaining("not*base64")
                .hasMessageNotContaining(SECRET.substring(6));

        assertThat(catchThrowableOfType(ValidationException.class, () -> WebhookVerifier.of("  ")).field())
                .isEqualTo("secrets[0]");
        assertThat(catchThrowableOfType(ValidationException.class, () -> WebhookVerifier.of(SECRET, null)).field())
                .isEqualTo("secrets[1]");
        assertThat(catchThrowableOfType(ValidationException.class, () -> WebhookVerifier.of("whsec_")).field())
                .isEqualTo("secrets[0]");
        assertThat(catchThrowableOfType(ValidationException.class, () -> WebhookVerifier.of()).field())
                .isEqualTo("secrets");
        assertThat(catchThrowableOfType(ValidationException.class, () -> WebhookVerifier.builder().build()).field())
                .isEqualTo("secrets");
    }

    @Test
    void theBuilderRefusesAToleranceItCannotHonour() {
        for (Duration tolerance : new Duration[] {null, Duration.ofSeconds(-1), Duration.ofMillis(1500),
                Duration.ofDays(1).plusSeconds(1)}) {
            assertThat(catchThrowableOfType(ValidationException.class,
                    () -> WebhookVerifier.builder().tolerance(tolerance)).field()).as(String.valueOf(tolerance))
                    .isEqualTo("tolerance");
        }
        assertThat(WebhookVerifier.builder().secrets(SECRET).tolerance(Duration.ZERO).build().tolerance()).isZero();
        assertThat(catchThrowableOfType(ValidationException.class, () -> WebhookVerifier.builder().clock(null)).field())
                .isEqualTo("clock");
        assertThat(catchThrowableOfType(ValidationException.class, () -> WebhookVerifier.builder().replayStore(null))
                .field()).isEqualTo("replayStore");
    }

    private static WebhookVerificationException refuse(WebhookVerifier verifier, Map<String, String> headers, String body) {
        return WebhookVerifierTest.refusal(() -> verifier.verify(headers, bytes(body)));
    }

    /** A store whose backend is down. */
    private static final class Broken implements WebhookReplayStore {

        @Override
        public Mono<Boolean> markSeen(String webhookId, Instant now, Duration retention) {
            return Mono.error(new IllegalStateException("store down"));
        }

        @Override
        public Mono<Void> forget(String webhookId) {
            return Mono.error(new IllegalStateException("store down"));
        }
    }
}
