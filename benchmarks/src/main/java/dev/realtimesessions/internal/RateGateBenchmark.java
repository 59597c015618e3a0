package dev.realtimesessions.internal;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the rate gate costs a call and its answer while no credential is under pressure: the
 * pacing gate's path ({@code pacing}: the lanes' map checked, the call counted against the
 * window, the answer's counts read and the window raised, the attempt's end counted) against the
 * hold-only gate it replaced ({@code holdOnly}: the map checked, the answer's remaining count
 * read). The gate is shared by the benchmark's threads, as a client's is by its event loops: run
 * with {@code -t 1} and {@code -t 2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RateGateBenchmark {

    private final RateGate gate = new RateGate(Duration.ofSeconds(60));
    private final ConcurrentHashMap<RateGate.Credential, Long> holds = new ConcurrentHashMap<>();
    private final HttpHeaders answer = new DefaultHttpHeaders()
            .add("x-ratelimit-limit-requests", "5000")
            .add("x-ratelimit-remaining-requests", "4999")
            .add("x-ratelimit-reset-requests", "12ms");

    /** Made by JMH. */
    public RateGateBenchmark() {
    }

    /**
     * The pacing gate: a call let go unpaced, its answer observed, its end counted.
     *
     * @return the result, handed to JMH so that the work is not optimized away
     */
    @Benchmark
    public int pacing() {
        int admitted = gate.pacesNone() ? gate.tryAdmit() : -1;
        boolean needsCredential = gate.observe(200, answer);
        gate.ended(admitted);
        return admitted + (needsCredential ? 1 : 0);
    }

    /**
     * The hold-only gate it replaced: the map checked for the call, the remaining count read from the answer.
     *
     * @return the result, handed to JMH so that the work is not optimized away
     */
    @Benchmark
    public long holdOnly() {
        long remaining = RateLimitHeaders.countOrNone(answer.get(RateSignal.REMAINING));
        return (holds.isEmpty() ? 1 : 0) + remaining;
    }
}
