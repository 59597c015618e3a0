package dev.realtimesessions.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The browser-less client of the two-process demonstration ({@code benchmarks/replicas/run}): TokenServer
 * replicas as separate JVMs, two sharing a Redis quota and two with the in-memory quota, all
 * configured with the same per-user quota.
 *
 * <ol>
 *   <li><strong>Added latency per mint.</strong> {@code ROUNDS} rounds, each one request to every
 *       replica, interleaved and one at a time, each for a user never seen before (so every one is
 *       minted); the first {@code WARMUP} rounds are not counted (and warm the replicas up for the
 *       second part). Latency is the client's, from sending the request to the whole answer, so both
 *       kinds of replica are measured side by side under the same conditions.</li>
 *   <li><strong>One user, hammered.</strong> {@code REQUESTS} token requests for one user, spread
 *       evenly over the two replicas of a pair, {@code IN_FLIGHT} at once; the pair on Redis must
 *       grant exactly the quota in total, the in-memory pair grants it once per replica.</li>
 * </ol>
 *
 * <pre>ReplicaQuotaRun QUOTA REQUESTS IN_FLIGHT ROUNDS WARMUP redis=http://127.0.0.1:P1/,http://127.0.0.1:P2/ memory=http://127.0.0.1:P3/,http://127.0.0.1:P4/</pre>
 *
 * Prints Markdown; exits with status 1 when the Redis pair did not grant exactly the quota.
 */
public final class ReplicaQuotaRun {

    private static final String COOKIE = "demo_session";
    private static final String USER_HEADER = "X-Demo-User";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private ReplicaQuotaRun() {
    }

    /** One TokenServer replica: its address and the demo cookie its page set. */
    private record Replica(String kind, String url, String cookie) {
    }

    /**
     * Runs it.
     *
     * @param args quota, requests, requests in flight, latency rounds, warm-up rounds, then
     *     {@code redis=URL,URL} and {@code memory=URL,URL}
     * @throws Exception if a replica cannot be reached
     */
    public static void main(String[] args) throws Exception {
        int quota = Integer.parseInt(args[0]);
        int requests = Integer.parseInt(args[1]);
        int inFlight = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        Map<String, List<String>> urls = new LinkedHashMap<>();
        for (int i = 5; i < args.length; i++) {
            String[] kindAndUrls = args[i].split("=", 2);
            urls.put(kindAndUrls[0], Arrays.asList(kindAndUrls[1].split(",")));
        }
        ReplicaQuotaRun run = new ReplicaQuotaRun();
        Map<String, List<Replica>> replicas = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> kind : urls.entrySet()) {
            List<Replica> pair = new ArrayList<>();
            for (String url : kind.getValue()) {
                pair.add(new Replica(kind.getKey(), url, run.cookie(url)));
            }
            replicas.put(kind.getKey(), pair);
        }

        System.out.println("### Latency per mint, " + (rounds - warmup) + " rounds after " + warmup
                + " warm-up rounds; each round one request per replica, interleaved, one at a time, each a new user");
        System.out.println();
        Map<String, List<Long>> latencies = run.latencies(replicas, rounds, warmup);
        System.out.println("| quota | mints | p50 ms | p90 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|");
        Map<String, long[]> percentiles = new LinkedHashMap<>();
        for (Map.Entry<String, List<Long>> kind : latencies.entrySet()) {
            long[] sorted = kind.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            long[] p = {percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99)};
            percentiles.put(kind.getKey(), p);
            System.out.printf("| %s | %d | %.2f | %.2f | %.2f |%n", kind.getKey(), sorted.length, p[0] / 1e6,
                    p[1] / 1e6, p[2] / 1e6);
        }
        long[] redis = percentiles.get("redis");
        long[] memory = percentiles.get("memory");
        if (redis != null && memory != null) {
            System.out.println();
            System.out.printf("Redis quota minus in-memory quota: p50 %+.2f ms (%.2fx), p99 %+.2f ms (%.2fx)%n",
                    (redis[0] - memory[0]) / 1e6, (double) redis[0] / memory[0],
                    (redis[2] - memory[2]) / 1e6, (double) redis[2] / memory[2]);
        }
        System.out.println();
        System.out.println("### One user, " + requests + " requests spread over each pair, " + inFlight
                + " in flight; quota " + quota + " per user per window on every replica");
        System.out.println();
        System.out.println("| quota | granted (200) by replica | granted in total | refused (429) | other | expected in total |");
        System.out.println("|---|---|---|---|---|---|");
        boolean exact = true;
        for (Map.Entry<String, List<Replica>> pair : replicas.entrySet()) {
            int[] granted = run.hammer(pair.getValue(), "hammered-user", requests, inFlight);
            int total = 0;
            for (int i = 0; i < pair.getValue().size(); i++) {
                total += granted[i];
            }
            int refused = granted[pair.getValue().size()];
            int other = granted[pair.getValue().size() + 1];
            int expected = pair.getKey().equals("redis") ? quota : quota * pair.getValue().size();
            exact &= !pair.getKey().equals("redis") || total == quota;
            System.out.println("| " + pair.getKey() + " | " + Arrays.toString(Arrays.copyOf(granted, pair.getValue().size()))
                    + " | " + total + " | " + refused + " | " + other + " | " + expected + " |");
        }

        System.exit(exact ? 0 : 1);
    }

    /** The demo cookie the replica's page sets, standing in for a login. */
    private String cookie(String url) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        return page.headers().firstValue("Set-Cookie").orElseThrow(() -> new IllegalStateException(
                url + " set no demo cookie")).split(";", 2)[0];
    }

    private CompletableFuture<HttpResponse<String>> mint(Replica replica, String user) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(replica.url() + "realtime/session"))
                .timeout(REQUEST_TIMEOUT)
                .header("Cookie", replica.cookie())
                .header(USER_HEADER, user)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Granted per replica, then refused, then anything else, for {@code requests} requests of one user. */
    private int[] hammer(List<Replica> pair, String user, int requests, int inFlight) throws Exception {
        AtomicIntegerArray counts = new AtomicIntegerArray(pair.size() + 2);
        Semaphore permits = new Semaphore(inFlight);
        List<CompletableFuture<?>> all = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            int replica = i % pair.size();
            permits.acquire();
            all.add(mint(pair.get(replica), user).whenComplete((response, error) -> {
                permits.release();
                if (error == null && response.statusCode() == 200) {
                    counts.incrementAndGet(replica);
                } else if (error == null && response.statusCode() == 429) {
                    counts.incrementAndGet(pair.size());
                } else {
                    counts.incrementAndGet(pair.size() + 1);
                }
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(error -> null).join();
        int[] result = new int[pair.size() + 2];
        for (int i = 0; i < result.length; i++) {
            result[i] = counts.get(i);
        }
        return result;
    }

    /** Nanoseconds per granted mint, by kind of quota, from every round after the warm-up. */
    private Map<String, List<Long>> latencies(Map<String, List<Replica>> replicas, int rounds, int warmup) {
        Map<String, List<Long>> latencies = new LinkedHashMap<>();
        replicas.keySet().forEach(kind -> latencies.put(kind, new ArrayList<>()));
        List<Replica> all = new ArrayList<>();
        int most = replicas.values().stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < most; i++) {
            for (List<Replica> pair : replicas.values()) {
                if (i < pair.size()) {
                    all.add(pair.get(i));
                }
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (Replica replica : all) {
                long start = System.nanoTime();
                HttpResponse<String> response = mint(replica, "latency-" + round + "-" + replica.url()).join();
                long took = System.nanoTime() - start;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(replica + " answered " + response.statusCode() + ": "
                            + response.body());
                }
                if (round >= warmup) {
                    latencies.get(replica.kind()).add(took);
                }
            }
        }
        return latencies;
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
