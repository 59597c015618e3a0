package dev.realtimesessions.benchmarks;

import com.openai.client.OpenAIClientAsync;
import com.openai.client.okhttp.OpenAIOkHttpClientAsync;
import com.openai.models.realtime.RealtimeSessionCreateRequest;
import com.openai.models.realtime.clientsecrets.ClientSecretCreateParams;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.Http2AllocationStrategy;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client of the load harness, in its own JVM: warms up, then sends a fixed number of
 * {@code POST /v1/realtime/client_secrets} at a fixed concurrency (a closed loop: each completion
 * starts the next call) and prints one {@code RESULT} line with what it measured over the
 * measured calls only.
 *
 * <pre>
 * LoadClient KIND BASE_URL WARMUP REQUESTS CONCURRENCY TIMEOUT_SECONDS
 * KIND: floor | floor-strict | floor-json | library | library-fresh | openai-sdk | webclient
 * </pre>
 *
 * <ul>
 *   <li>CPU: {@code OperatingSystemMXBean.getProcessCpuTime()} of the whole JVM (all threads,
 *       GC and JIT included) over the measured phase, divided by the requests.</li>
 *   <li>Allocation: the sum of {@code ThreadMXBean.getThreadAllocatedBytes} over all live threads
 *       at the end minus the same sum at the start, divided by the requests (a thread that dies in
 *       between is not counted; the clients' I/O threads all outlive the phase).</li>
 *   <li>Application CPU: the same over the JVM's live Java threads only ({@code app_cpu_us_per_req}):
 *       without the JIT compilers and the garbage collector, whose threads are not Java threads
 *       the JVM lists; steadier than the process's figure while the JIT still compiles.</li>
 *   <li>JIT and GC: the JIT compilers' and the collectors' time over the measured phase
 *       ({@code jit_ms}, {@code gc_ms}: both are in the CPU above). The measured phase starts once
 *       the compilers have been idle for 750 ms after the warm-up ({@code jit_settle_ms}
 *       says how long that took), so that it measures the steady state, not the JIT catching up.</li>
 *   <li>Peak threads: {@code ThreadMXBean.getPeakThreadCount()} after a reset at the start.</li>
 *   <li>Connections: how many the server accepted during each phase, read from the page named by
 *       {@code -Drs.bench.connections=URL} (nginx's stub_status, or the delay server's count).</li>
 * </ul>
 *
 * <p>Over TLS ({@code https} base URL) each client trusts the certificate in
 * {@code -Drs.bench.trust=PEM} with its own TLS configuration, and offers h2 and HTTP/1.1 by ALPN.
 */
public final class LoadClient {

    /** The system property naming the page that counts the server's accepted connections. */
    static final String CONNECTIONS_URL = "rs.bench.connections";

    /** The system property naming the PEM certificate a TLS client trusts. */
    static final String TRUST = "rs.bench.trust";

    /** Starts one call; the callback gets {@code null} on success or the failure. */
    interface Caller extends AutoCloseable {
        void call(Consumer<@Nullable Throwable> done);

        @Override
        default void close() {
        }
    }

    private LoadClient() {
    }

    /**
     * Runs it.
     *
     * @param args the client kind, the base URL and the run parameters, as the harness passes them
     * @throws Exception if the run fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: LoadClient KIND BASE_URL WARMUP REQUESTS CONCURRENCY TIMEOUT_SECONDS");
            System.exit(2);
        }
        String kind = args[0];
        String base = args[1];
        int warmup = Integer.parseInt(args[2]);
        int requests = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        int timeoutSeconds = Integer.parseInt(args[5]);

        System.err.println(kind + ": OpenSSL " + (io.netty.handler.ssl.OpenSsl.isAvailable()
                ? "available (" + io.netty.handler.ssl.OpenSsl.versionString() + ")" : "not available"));
        try (Caller caller = caller(kind, base, concurrency)) {
            long warmupNanos = 0;
            long connectionsAtStart = acceptedConnections();
            if (warmup > 0) {
                Phase w = run(caller, warmup, concurrency, timeoutSeconds);
                System.err.printf(Locale.ROOT, "%s warmup: %d calls, %d errors, %.0f ms%n", kind, warmup, w.errors,
                        w.wallNanos / 1e6);
                warmupNanos = w.wallNanos;
                if (w.firstError != null) {
                    w.firstError.printStackTrace();
                }
            }
            System.gc();
            long settleMillis = awaitJitIdle();
            long connectionsAfterWarmup = acceptedConnections();

            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            threads.resetPeakThreadCount();
            long allocBefore = allocatedBytes(threads);
            long jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            long gcBefore = gcMillis();
            long cpuBefore = os.getProcessCpuTime();
            long threadsCpuBefore = threadsCpu(threads);
            Phase m = run(caller, requests, concurrency, timeoutSeconds);
            long cpu = os.getProcessCpuTime() - cpuBefore;
            long threadsCpu = threadsCpu(threads) - threadsCpuBefore;
            long jitMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore;
            long gcMillis = gcMillis() - gcBefore;
            long alloc = allocatedBytes(threads) - allocBefore;
            int peakThreads = threads.getPeakThreadCount();
            long connectionsAtEnd = acceptedConnections();

            long done = m.completed;
            long[] sorted = Arrays.copyOf(m.latencies, (int) done);
            Arrays.sort(sorted);
            double wallSeconds = m.wallNanos / 1e9;
            System.out.printf(Locale.ROOT,
                    "RESULT kind=%s requests=%d completed=%d errors=%d concurrency=%d wall_ms=%.1f rps=%.1f"
                            + " p50_ms=%.3f p99_ms=%.3f max_ms=%.3f cpu_us_per_req=%.1f app_cpu_us_per_req=%.1f"
                            + " alloc_kb_per_req=%.2f"
                            + " peak_threads=%d warmup_ms=%.1f connections=%d warmup_connections=%d"
                            + " measured_connections=%d jit_ms=%d gc_ms=%d jit_settle_ms=%d%n",
                    kind, requests, done, m.errors, concurrency, m.wallNanos / 1e6, done / wallSeconds,
                    percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6,
                    (sorted.length == 0 ? 0 : sorted[sorted.length - 1]) / 1e6,
                    cpu / 1e3 / Math.max(1, done), threadsCpu / 1e3 / Math.max(1, done),
                    alloc / 1024.0 / Math.max(1, done), peakThreads,
                    warmupNanos / 1e6, connectionsAtEnd - connectionsAtStart,
                    connectionsAfterWarmup - connectionsAtStart, connectionsAtEnd - connectionsAfterWarmup, jitMillis,
                    gcMillis, settleMillis);
            if (m.firstError != null) {
                System.err.println(kind + ": first error of the measured phase:");
                m.firstError.printStackTrace();
            }
        }
        System.exit(0);
    }

    /**
     * The connections the server has accepted so far: nginx's stub_status ("accepts"), or the delay
     * server's plain count; -1 without {@code -Drs.bench.connections}.
     */
    private static long acceptedConnections() throws IOException {
        String url = System.getProperty(CONNECTIONS_URL);
        if (url == null) {
            return -1;
        }
        try (InputStream in = URI.create(url).toURL().openStream()) {
            String page = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            int header = page.indexOf("server accepts");
            String number = header < 0 ? page.trim() : page.substring(header).split("\n")[1].trim().split("\\s+")[0];
            return Long.parseLong(number);
        }
    }

    /** The trust of a TLS client: the certificate the harness made for this run. */
    static TrustManagerFactory trust() {
        String pem = System.getProperty(TRUST);
        if (pem == null) {
            throw new IllegalStateException("an https base URL needs -D" + TRUST + "=CERT_PEM");
        }
        try (InputStream in = Files.newInputStream(Path.of(pem))) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("load-harness", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust " + pem, e);
        }
    }

    /** A Reactor Netty client over TLS trusting the harness's certificate, offering h2 and HTTP/1.1; else HTTP/1.1. */
    private static HttpClient transport(HttpClient client, String base) {
        if (!base.startsWith("https:")) {
            return client.protocol(HttpProtocol.HTTP11);
        }
        TrustManagerFactory trust = trust();
        return client.protocol(HttpProtocol.H2, HttpProtocol.HTTP11)
                .secure(spec -> spec.sslContext(Http2SslContextSpec.forClient().configure(b -> b.trustManager(trust))));
    }

    private static long allocatedBytes(com.sun.management.ThreadMXBean threads) {
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            if (bytes > 0) {
                total += bytes;
            }
        }
        return total;
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** What one phase saw. */
    static final class Phase {
        long[] latencies;
        long completed;
        long errors;
        long wallNanos;
        @Nullable Throwable firstError;
    }

    /** A closed loop: {@code concurrency} calls in flight, each completion starts the next. */
    static Phase run(Caller caller, int requests, int concurrency, int timeoutSeconds) throws InterruptedException {
        Phase phase = new Phase();
        phase.latencies = new long[requests];
        AtomicLong issued = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(requests);
        long start = System.nanoTime();
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            long i = issued.getAndIncrement();
            if (i >= requests) {
                return;
            }
            long t0 = System.nanoTime();
            try {
                caller.call(error -> {
                    phase.latencies[(int) i] = System.nanoTime() - t0;
                    if (error != null) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, error);
                    }
                    completed.incrementAndGet();
                    finished.countDown();
                    next[0].run();
                });
            } catch (RuntimeException e) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, e);
                completed.incrementAndGet();
                finished.countDown();
            }
        };
        for (int c = 0; c < concurrency; c++) {
            next[0].run();
        }
        if (!finished.await(timeoutSeconds, TimeUnit.SECONDS)) {
            System.err.println("timed out after " + timeoutSeconds + " s with " + finished.getCount()
                    + " calls unfinished");
        }
        phase.wallNanos = System.nanoTime() - start;
        phase.completed = Math.min(requests, completed.get());
        phase.errors = errors.get();
        phase.firstError = firstError.get();
        return phase;
    }

    /**
     * Waits, idle, until the JIT compilers have compiled nothing for 750 ms (at most 20 s),
     * and returns how long that took. With the client pinned to one CPU the compilers share it
     * with the event loops, so at the end of the warm-up their queue is still long: measured at
     * once, each client's CPU per call would count seconds of compiling (more for a client with
     * more code), not the steady state a busy server runs in.
     */
    private static long awaitJitIdle() throws InterruptedException {
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(20);
        long last = jit.getTotalCompilationTime();
        int quiet = 0;
        while (quiet < 3 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            long now = jit.getTotalCompilationTime();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /**
     * The CPU time of the JVM's live Java threads (the event loops, the callers, the timers), in
     * nanoseconds: the process's CPU without the JIT compilers' and the collectors' threads, which
     * the JVM does not count among them.
     */
    private static long threadsCpu(com.sun.management.ThreadMXBean threads) {
        long total = 0;
        for (long nanos : threads.getThreadCpuTime(threads.getAllThreadIds())) {
            total += Math.max(0, nanos);
        }
        return total;
    }

    /** The time all garbage collectors have spent collecting, in milliseconds. */
    private static long gcMillis() {
        long total = 0;
        for (java.lang.management.GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }

    static Caller caller(String kind, String base, int concurrency) {
        switch (kind) {
            case "floor":
                return floor(base, concurrency, false);
            case "floor-strict":
                return floor(base, concurrency, true);
            case "floor-json":
                return floorJson(base, concurrency);
            case "library":
                return library(base, concurrency, false);
            case "library-fresh":
                return library(base, concurrency, true);
            case "openai-sdk":
                return openAiSdk(base, concurrency);
            case "webclient":
                return webClient(base, concurrency);
            default:
                throw new IllegalArgumentException("unknown client " + kind);
        }
    }

    private static ConnectionProvider pool(String name, int concurrency) {
        return ConnectionProvider.builder(name)
                .maxConnections(Math.max(concurrency, 16))
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofMinutes(10))
                .build();
    }

    /**
     * (a) The floor: a raw Reactor Netty POST of pre-serialized bytes; the answer is read into a
     * byte[]. With {@code strictReuse} ({@code floor-strict}), its pool fills an h2 connection up to
     * the server's stream limit before opening another, as the library's does; by default Reactor
     * Netty's h2 pool opens more connections (up to the concurrency) when calls start together.
     */
    static Caller floor(String base, int concurrency, boolean strictReuse) {
        byte[] body = dev.realtimesessions.internal.Endpoint.CLIENT_SECRETS.toJson(Payloads.CLIENT_SECRET_REQUEST);
        ConnectionProvider pool = !strictReuse ? pool("floor", concurrency) : ConnectionProvider.builder("floor-strict")
                .maxConnections(Math.max(concurrency, 16))
                .allocationStrategy(Http2AllocationStrategy.builder().maxConnections(Math.max(concurrency, 16))
                        .strictConnectionReuse(true).build())
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofMinutes(10))
                .build();
        return rawPost(pool, base, () -> body, answer -> { });
    }

    /**
     * A raw Reactor Netty POST to {@code /realtime/client_secrets} per call, with the two headers
     * the server needs: {@code body} gives each call's request bytes (sent wrapped, not copied),
     * {@code read} gets each answer's bytes after a 200.
     */
    private static Caller rawPost(ConnectionProvider pool, String base, Supplier<byte[]> body, Consumer<byte[]> read) {
        String uri = base + "/realtime/client_secrets";
        String authorization = "Bearer " + Payloads.API_KEY;
        HttpClient client = transport(HttpClient.create(pool), base)
                .headers(h -> h.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                        .set(HttpHeaderNames.AUTHORIZATION, authorization));
        return new Caller() {
            @Override
            public void call(Consumer<@Nullable Throwable> done) {
                client.post().uri(uri)
                        .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body.get())))
                        .responseSingle((response, content) -> content.asByteArray()
                                .switchIfEmpty(Mono.just(new byte[0]))
                                .map(bytes -> {
                                    if (response.status().code() != 200) {
                                        throw new IllegalStateException("status " + response.status());
                                    }
                                    read.accept(bytes);
                                    return bytes;
                                }))
                        .subscribe(bytes -> done.accept(null), done::accept);
            }

            @Override
            public void close() {
                pool.dispose();
            }
        };
    }

    /**
     * (a') The floor with JSON: the same POST, but the request serialized from a Jackson tree and
     * the answer parsed into one on every call (jackson-databind, the library's Jackson), as a
     * minimal Reactor Netty and Jackson client would; what writing and reading this JSON costs at
     * all, next to the floor that does neither.
     */
    static Caller floorJson(String base, int concurrency) {
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode request = mapper.readTree(
                dev.realtimesessions.internal.Endpoint.CLIENT_SECRETS.toJson(Payloads.CLIENT_SECRET_REQUEST));
        return rawPost(pool("floor-json", concurrency), base, () -> mapper.writeValueAsBytes(request), bytes -> {
            if (!mapper.readTree(bytes).path("value").isString()) {
                throw new IllegalStateException("no value in the answer");
            }
        });
    }

    /**
     * (b) This library, configured as its README says for the load. With {@code freshRequests}
     * ({@code library-fresh}) each call sends another instance of the same request (256 copies
     * made before the run, taken in turn), as an application that builds the request per call
     * would: the library serializes every one, where it writes a request sent again from the JSON
     * it kept.
     */
    static Caller library(String base, int concurrency, boolean freshRequests) {
        RealtimeSessions.Builder builder = RealtimeSessions.builder()
                .apiKey(Payloads.API_KEY)
                .baseUrl(base)
                .maxConnections(Math.max(2000, concurrency))
                .maxPendingAcquires(Math.max(20_000, concurrency));
        if (base.startsWith("https:")) {
            builder.trustManager(trust());
        }
        RealtimeSessions sessions = builder.build();
        ClientSecretCreateRequest[] requests = new ClientSecretCreateRequest[freshRequests ? 256 : 1];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = freshRequests ? new ClientSecretCreateRequest(Payloads.CLIENT_SECRET_REQUEST.expiresAfter(),
                    Payloads.CLIENT_SECRET_REQUEST.session()) : Payloads.CLIENT_SECRET_REQUEST;
        }
        AtomicLong sent = new AtomicLong();
        return new Caller() {
            @Override
            public void call(Consumer<@Nullable Throwable> done) {
                ClientSecretCreateRequest request = requests.length == 1 ? requests[0]
                        : requests[(int) (sent.getAndIncrement() & (requests.length - 1))];
                sessions.createClientSecret(request)
                        .subscribe(response -> done.accept(null), done::accept);
            }

            @Override
            public void close() {
                sessions.close();
            }
        };
    }

    /**
     * (c) OpenAI's official Java SDK, its async client. Its OkHttp dispatcher allows 64 calls in
     * flight by default; it is given one that allows {@code concurrency} (the SDK sets the per-host
     * limit to the same), and a connection pool that keeps as many idle connections.
     */
    static Caller openAiSdk(String base, int concurrency) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(Math.max(64, concurrency));
        dispatcher.setMaxRequestsPerHost(Math.max(64, concurrency));
        okhttp3.OkHttpClient.Builder okHttpBuilder = new okhttp3.OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(Math.max(5, concurrency), 5, TimeUnit.MINUTES));
        if (base.startsWith("https:")) {
            // OkHttp's own TLS: the JDK's engine, h2 and HTTP/1.1 offered by ALPN (its default protocols).
            X509TrustManager trust = (X509TrustManager) trust().getTrustManagers()[0];
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {trust}, null);
                okHttpBuilder.sslSocketFactory(context.getSocketFactory(), trust);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        okhttp3.OkHttpClient okHttp = okHttpBuilder.build();
        OpenAIClientAsync client = OpenAIOkHttpClientAsync.builder()
                .apiKey(Payloads.API_KEY)
                .baseUrl(base)
                .okHttpClient(okHttp)
                .build();
        ClientSecretCreateParams params = ClientSecretCreateParams.builder()
                .session(RealtimeSessionCreateRequest.builder()
                        .model(Payloads.MODEL)
                        .instructions(Payloads.INSTRUCTIONS)
                        .outputModalities(List.of(RealtimeSessionCreateRequest.OutputModality.AUDIO))
                        .build())
                .build();
        return new Caller() {
            @Override
            public void call(Consumer<@Nullable Throwable> done) {
                client.realtime().clientSecrets().create(params).whenComplete((response, error) -> {
                    if (error == null) {
                        response.value(); // touch the secret, as a caller would
                    }
                    done.accept(error);
                });
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    /** The request a WebClient user would write: records Jackson serializes. */
    record WcSession(String type, String model, String instructions, List<String> output_modalities) {
    }

    /** The request body. */
    record WcRequest(WcSession session) {
    }

    /** The part of the session a WebClient user would map. */
    record WcSessionOut(String id, String type, String model, String instructions) {
    }

    /** The answer a WebClient user would map (unknown fields are ignored by Jackson 3's default). */
    record WcResponse(String value, long expires_at, WcSessionOut session) {
    }

    /** (c) Spring WebClient with Jackson 3 over Reactor Netty, pool sized to the concurrency. */
    static Caller webClient(String base, int concurrency) {
        ConnectionProvider pool = pool("webclient", concurrency);
        WebClient client = WebClient.builder()
                .baseUrl(base)
                .clientConnector(new ReactorClientHttpConnector(transport(HttpClient.create(pool), base)))
                .defaultHeaders(h -> h.setBearerAuth(Payloads.API_KEY))
                .build();
        WcRequest request = new WcRequest(new WcSession("realtime", Payloads.MODEL, Payloads.INSTRUCTIONS,
                List.of("audio")));
        return new Caller() {
            @Override
            public void call(Consumer<@Nullable Throwable> done) {
                client.post().uri("/realtime/client_secrets")
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .bodyValue(request)
                        .retrieve()
                        .bodyToMono(WcResponse.class)
                        .subscribe(response -> done.accept(null), done::accept);
            }

            @Override
            public void close() {
                pool.dispose();
            }
        };
    }

}
