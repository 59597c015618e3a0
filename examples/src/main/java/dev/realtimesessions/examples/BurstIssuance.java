package dev.realtimesessions.examples;

import dev.realtimesessions.ApiResponse;
import dev.realtimesessions.model.AudioOutputConfig;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.Voice;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Mints N secrets at concurrency C, the way a launch storm would, with a live progress bar; then
 * prints throughput, latency percentiles, attempts, and failures by type.
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:java -Dexample=BurstIssuance -Dexec.args="5000 500"
 * </pre>
 */
public final class BurstIssuance {

    private static final int BAR_WIDTH = 40;

    private BurstIssuance() {
    }

    /**
     * Runs the burst.
     *
     * @param args the number of secrets (default 2000, or 20 against OpenAI) and the concurrency
     *     (default 200, or 5 against OpenAI)
     */
    public static void main(String[] args) {
        try (ExampleClients clients = ExampleClients.start(builder -> { })) {
            int total = args.length > 0 ? Integer.parseInt(args[0]) : clients.isLocal() ? 2000 : 20;
            int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : clients.isLocal() ? 200 : 5;
            ClientSecretCreateRequest request = ClientSecretCreateRequest.of(RealtimeSessionConfig.builder()
                    .model(RealtimeModel.GPT_REALTIME)
                    .audioOutput(AudioOutputConfig.ofVoice(Voice.MARIN))
                    .build());
            new Burst(total, concurrency).run(clients, request);
        }
    }

    /** One run: its counters and its report. */
    private static final class Burst {
        private final int total;
        private final int concurrency;
        private final long[] latencies;
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger succeeded = new AtomicInteger();
        private final AtomicLong attempts = new AtomicLong();
        private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

        Burst(int total, int concurrency) {
            this.total = total;
            this.concurrency = concurrency;
            this.latencies = new long[total];
        }

        void run(ExampleClients clients, ClientSecretCreateRequest request) {
            System.out.printf(Locale.ROOT, "Minting %d secrets at concurrency %d%n", total, concurrency);
            Disposable progress = Flux.interval(Duration.ofMillis(100)).subscribe(tick -> drawBar());
            long start = System.nanoTime();
            Flux.range(0, total)
                    .flatMap(index -> timed(clients.sessions().createClientSecretWithResponse(request), index),
                            concurrency)
                    .blockLast();
            long elapsed = System.nanoTime() - start;
            progress.dispose();
            drawBar();
            System.out.println();
            report(elapsed);
        }

        private Mono<Void> timed(Mono<ApiResponse<ClientSecretCreateResponse>> call, int index) {
            return Mono.defer(() -> {
                long start = System.nanoTime();
                return call.doOnNext(response -> {
                    attempts.addAndGet(response.attempts());
                    succeeded.incrementAndGet();
                }).doOnError(error -> {
                    attempts.addAndGet(1 + error.getSuppressed().length);
                    failures.computeIfAbsent(error.getClass().getSimpleName(), name -> new AtomicInteger())
                            .incrementAndGet();
                }).doFinally(signal -> {
                    latencies[index] = System.nanoTime() - start;
                    done.incrementAndGet();
                }).onErrorResume(error -> Mono.empty()).then();
            });
        }

        private void drawBar() {
            int finished = done.get();
            int filled = (int) ((long) finished * BAR_WIDTH / total);
            System.out.printf(Locale.ROOT, "\r[%s%s] %d/%d", "#".repeat(filled), " ".repeat(BAR_WIDTH - filled),
                    finished, total);
            System.out.flush();
        }

        private void report(long elapsedNanos) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            double seconds = elapsedNanos / 1e9;
            System.out.printf(Locale.ROOT, "wall time    %.2f s%n", seconds);
            System.out.printf(Locale.ROOT, "throughput   %.0f secrets/s%n", succeeded.get() / seconds);
            System.out.printf(Locale.ROOT, "latency      p50 %s  p90 %s  p99 %s  max %s%n", millis(sorted, 0.50),
                    millis(sorted, 0.90), millis(sorted, 0.99), millis(sorted, 1.0));
            System.out.printf(Locale.ROOT, "attempts     %d for %d calls (%.2f per call)%n", attempts.get(), total,
                    attempts.get() / (double) total);
            System.out.printf(Locale.ROOT, "succeeded    %d%n", succeeded.get());
            new TreeMap<>(failures).forEach((type, count) ->
                    System.out.printf(Locale.ROOT, "failed       %d %s%n", count.get(), type));
        }

        private static String millis(long[] sorted, double quantile) {
            int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(quantile * sorted.length) - 1));
            return String.format(Locale.ROOT, "%.1f ms", sorted[index] / 1e6);
        }
    }
}
