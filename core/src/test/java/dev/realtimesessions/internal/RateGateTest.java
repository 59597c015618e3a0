package dev.realtimesessions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateGateTest {

    private final RateGate gate = new RateGate(Duration.ofSeconds(60));

    @Test
    void credentialsDifferByKeyAndProjectAndDoNotHoldTheKey() {
        RateGate.Credential plain = gate.credential("openai", "sk-a", null);
        assertThat(gate.credential("openai", "sk-a", null)).isEqualTo(plain);
        assertThat(gate.credential("openai", "sk-b", null)).isNotEqualTo(plain);
        assertThat(gate.credential("openai", "sk-a", "proj_1")).isNotEqualTo(plain).isNotEqualTo(gate.credential("openai", "sk-a", "proj_2"));
        assertThat(plain.toString()).doesNotContain("sk-a");
    }

    @Test
    void schemesNeverShareACredentialForTheSameText() {
        assertThat(gate.credential("azure", "sk-a", null)).isNotEqualTo(gate.credential("openai", "sk-a", null));
        assertThat(gate.credential("azure", "https://res.openai.azure.com/openai/v1", null))
                .isEqualTo(gate.credential("azure", "https://res.openai.azure.com/openai/v1", null))
                .isNotEqualTo(gate.credential("azure", "https://other.openai.azure.com/openai/v1", null));
    }

    @Test
    void aHoldEndsAtItsTimeAndItsEntryIsDropped() {
        RateGate.Credential key = gate.credential("openai", "sk-a", null);
        observe(key, answer(429, "retry-after-ms", "1500"), 1_000);
        assertThat(gate.waitMillis(key, () -> 1_000)).isEqualTo(1_500);
        assertThat(gate.waitMillis(key, () -> 2_000)).isEqualTo(500);
        assertThat(gate.waitMillis(key, () -> 2_500)).isZero();
        assertThat(gate.size()).isZero();
    }

    @Test
    void theClockIsReadAfterTheHoldSoAWaitNeverExceedsWhatTheServerAskedFor() {
        RateGate.Credential key = gate.credential("openai", "sk-a", null);
        observe(key, answer(429, "retry-after-ms", "2000"), 1_000);
        long[] reads = new long[1];
        long wait = gate.waitMillis(key, () -> {
            reads[0]++;
            return 1_000;
        });
        assertThat(wait).isEqualTo(2_000);
        assertThat(reads[0]).isOne();
        assertThat(gate.waitMillis(gate.credential("openai", "sk-unheld", null), () -> {
            throw new AssertionError("an unheld credential needs no clock");
        })).isZero();
    }

    @Test
    void aShorterLaterHoldDoesNotShortenALongerOne() {
        RateGate.Credential key = gate.credential("openai", "sk-a", null);
        observe(key, answer(429, "retry-after", "10"), 0);
        observe(key, answer(200, "x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "1s"), 0);
        assertThat(gate.waitMillis(key, () -> 0)).isEqualTo(10_000);
    }

    @Test
    void successesAndOtherErrorsDoNotHold() {
        RateGate.Credential key = gate.credential("openai", "sk-a", null);
        observe(key, answer(200, "x-ratelimit-remaining-requests", "3", "x-ratelimit-reset-requests", "1s"), 0);
        observe(key, answer(503, "retry-after", "5"), 0);
        observe(key, answer(200, "x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "later"), 0);
        observe(key, answer(429, "retry-after", "soon"), 0);
        assertThat(gate.waitMillis(key, () -> 0)).isZero();
        assertThat(gate.size()).isZero();
    }

    @Test
    void theMapIsBoundedAndSweepsExpiredHolds() {
        for (int i = 0; i < RateGate.MAX_ENTRIES; i++) {
            observe(gate.credential("openai", "sk-" + i, null), answer(429, "retry-after", "1"), 0);
        }
        RateGate.Credential late = gate.credential("openai", "sk-late", null);
        observe(late, answer(429, "retry-after", "1"), 0);
        assertThat(gate.size()).isEqualTo(RateGate.MAX_ENTRIES);
        assertThat(gate.waitMillis(late, () -> 0)).as("let through unheld rather than growing").isZero();
        observe(late, answer(429, "retry-after", "1"), 5_000);
        assertThat(gate.size()).as("expired holds swept").isEqualTo(1);
        assertThat(gate.waitMillis(late, () -> 5_000)).isEqualTo(1_000);
    }

    /** What the client does with each answer: hold the credential for as long as the answer asks. */
    private void observe(RateGate.Credential credential, RawResponse answer, long now) {
        gate.hold(credential, gate.holdMillis(answer.status(), answer.headers(),
                RetryAfterHeader.parse(answer.headers(), Instant.now())), now);
    }

    private static RawResponse answer(int status, String... headers) {
        HttpHeaders map = new DefaultHttpHeaders();
        for (int i = 0; i < headers.length; i += 2) {
            map.add(headers[i], headers[i + 1]);
        }
        return new RawResponse(status, map, new byte[0], 0);
    }
}
