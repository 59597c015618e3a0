package dev.realtimesessions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.testing.Memory;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The gate's window and its lanes: what a client under no pressure pays, and what opens a lane. */
class RateGateTest {

    private final RateGate gate = new RateGate(Duration.ofSeconds(60));
    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

    @AfterEach
    void stop() {
        time.dispose();
    }

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
    void aFreshClientLetsItsFirstWindowGoThenWaitsForAnAnswer() {
        for (int i = 0; i < RateGate.FIRST_WINDOW; i++) {
            assertThat(gate.tryAdmit()).as("admitted, no lane opened yet").isZero();
        }
        assertThat(gate.tryAdmit()).isEqualTo(-1);
        assertThat(gate.pacesNone()).as("a shut window opens no lane by itself").isTrue();
    }

    @Test
    void anAnswerOpensTheWindowToWhatRemainsLessTheCushionCountingEveryRequestInFlight() {
        for (int i = 0; i < 5; i++) {
            assertThat(gate.tryAdmit()).isNotNegative();
        }
        gate.ended(0);
        assertThat(gate.observe(200, headers("x-ratelimit-limit-requests", "100",
                "x-ratelimit-remaining-requests", "20"))).isFalse();
        // One ended, four in flight: 1 + 20 - 5 = 16 may be let go in all, 11 more.
        for (int i = 0; i < 11; i++) {
            assertThat(gate.tryAdmit()).isNotNegative();
        }
        assertThat(gate.tryAdmit()).isEqualTo(-1);
    }

    @Test
    void aServerThatKeepsNoCountLiftsTheWindowForGood() {
        for (int i = 0; i < RateGate.FIRST_WINDOW; i++) {
            gate.tryAdmit();
        }
        gate.ended(0);
        gate.observe(200, headers());
        for (int i = 0; i < 10_000; i++) {
            assertThat(gate.tryAdmit()).isNotNegative();
        }
    }

    @Test
    void aLaneCountsTheRequestsLetGoUnpacedBeforeItOpenedUntilTheyEnd() {
        int before = 0;
        for (int i = 0; i < 4; i++) {
            before = gate.tryAdmit();
        }
        gate.ended(before);
        RateLane lane = gate.openLane(gate.credential("openai", "sk-a", null));
        assertThat(gate.unpacedInFlight()).isEqualTo(3);
        assertThat(lane.inFlight()).isEqualTo(3);
        gate.ended(before);
        assertThat(lane.inFlight()).isEqualTo(2);
        gate.observe(200, headers());
        int after = gate.tryAdmit();
        assertThat(after).as("one lane opened since").isOne();
        gate.ended(after);
        assertThat(lane.inFlight()).as("a request let go after the lane opened is another credential's").isEqualTo(2);
        gate.ended(before);
        gate.ended(before);
        assertThat(lane.inFlight()).isZero();
    }

    @Test
    void fewerRemainingThanTheRequestsInFlightAsksForPacing() {
        for (int i = 0; i < 8; i++) {
            gate.tryAdmit();
        }
        gate.ended(0);
        HttpHeaders answer = headers("x-ratelimit-limit-requests", "100", "x-ratelimit-remaining-requests", "11");
        assertThat(gate.observe(200, answer)).as("seven in flight, eleven remaining less a cushion of five").isTrue();
        RateGate.Credential key = gate.credential("openai", "sk-a", null);
        gate.learn(key, null, -1, 200, answer.add("x-ratelimit-reset-requests", "900ms"), null, time);
        assertThat(gate.lane(key)).isNotNull();
        assertThat(gate.lane(key).pace().paced()).isTrue();
    }

    @Test
    void aRefusalOrAnExhaustedAllowanceOpensALaneFromAnAnswer() {
        RateGate.Credential key = gate.credential("openai", "sk-a", null);
        assertThat(gate.observe(200, headers("x-ratelimit-remaining-requests", "3"))).isFalse();
        assertThat(gate.observe(503, headers("retry-after", "5"))).isFalse();
        assertThat(gate.observe(429, headers("retry-after", "soon"))).isTrue();
        gate.learn(key, null, -1, 429, headers("retry-after", "soon"), null, time);
        assertThat(gate.size()).as("a 429 with nothing to hold by opens nothing").isZero();
        gate.learn(key, null, -1, 429, headers(), Duration.ofSeconds(2), time);
        assertThat(gate.size()).isOne();
        assertThat(gate.lane(key).expectedWait(0)).isEqualTo(TimeUnit.SECONDS.toNanos(2));
        RateGate.Credential other = gate.credential("openai", "sk-b", null);
        gate.learn(other, null, -1, 200, headers("x-ratelimit-remaining-requests", "0",
                "x-ratelimit-reset-requests", "1.5s"), null, time);
        assertThat(gate.lane(other).expectedWait(0)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(1_500));
        assertThat(gate.observe(200, headers("x-ratelimit-remaining-requests", "3")))
                .as("with lanes open, every answer is heard by its credential's").isTrue();
    }

    @Test
    void theLanesAreBoundedAndAFurtherCredentialGoesUnpaced() {
        for (int i = 0; i < RateGate.MAX_ENTRIES; i++) {
            assertThat(gate.openLane(new RateGate.Credential(i, i))).isNotNull();
        }
        assertThat(gate.openLane(new RateGate.Credential(-1, -1))).isNull();
        assertThat(gate.openLane(new RateGate.Credential(7, 7))).as("an open lane is found").isNotNull();
        assertThat(gate.size()).isEqualTo(RateGate.MAX_ENTRIES);
    }

    /**
     * The path of a client under no pressure, as {@code Call} takes it: the map of lanes is empty,
     * the window admits, the attempt's end is counted, the answer is observed and asks for no
     * lane, so that no credential is hashed. Ten thousand rounds allocate nothing.
     */
    @Test
    void theUncontendedPathAllocatesNothingAndNeedsNoCredential() {
        HttpHeaders answer = headers("x-ratelimit-limit-requests", "5000", "x-ratelimit-remaining-requests", "4999",
                "x-ratelimit-reset-requests", "12ms");
        LongSupplier allocatedBytes = Memory.allocatedBytesOfThisThread();
        boolean needsCredential = false;
        for (int round = 0; round < 3; round++) {
            long before = allocatedBytes.getAsLong();
            for (int i = 0; i < 10_000; i++) {
                int admitted = gate.pacesNone() ? gate.tryAdmit() : -1;
                needsCredential |= admitted < 0;
                gate.ended(admitted);
                needsCredential |= gate.observe(200, answer);
            }
            long allocated = allocatedBytes.getAsLong() - before;
            if (round == 2) {
                assertThat(allocated).as("bytes allocated by 10,000 calls and answers").isLessThan(1_024);
            }
        }
        assertThat(needsCredential).isFalse();
        assertThat(gate.size()).isZero();
    }

    private static HttpHeaders headers(String... namesAndValues) {
        HttpHeaders headers = new DefaultHttpHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }
}
