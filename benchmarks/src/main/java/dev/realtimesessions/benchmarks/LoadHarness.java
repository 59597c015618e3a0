package dev.realtimesessions.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The load harness: starts nginx with a canned answer (and, for the scale run, a
 * {@link DelayServer} that answers after 1 s), then runs each client in its own JVM
 * ({@link LoadClient}) against it, the clients pinned to one core and the server to another with
 * {@code taskset}, and prints one Markdown report of the run. Every server and client it starts
 * stops by itself: request counts and timeouts are bounded.
 *
 * <pre>
 * java -cp "benchmarks/target/classes:benchmarks/target/lib/*" dev.realtimesessions.benchmarks.LoadHarness [options]
 *   --requests N        measured calls per client and round (default 200000: a phase of 50000 was still mostly the
 *                       JIT catching up, BENCHMARKS.md "Issue 17, round 3")
 *   --warmup N          warm-up calls before them (default 100000; C2 still compiles long after, see --requests)
 *   --concurrency N     calls in flight (default 64)
 *   --rounds N          rounds; clients interleave within a round, the report gives medians (default 3)
 *   --clients a,b       from floor,library,openai-sdk,webclient, floor-strict (the floor with the library's h2
 *                       connection reuse), floor-json (the floor writing and reading the JSON with Jackson),
 *                       library-fresh (a new request instance per call) and the variants' names (default the four)
 *   --variants N=CP,..  variants: the library client (or KIND:CP, another client) run on class path CP (another
 *                       build of core: benchmarks/variant), reported as client N; interleaved with the others
 *   --scale-calls N     calls in flight at once in the scale run (default 10000; 0 skips it)
 *   --scale-delay-ms N  the scale server's answer delay (default 1000)
 *   --skip-load         only the scale run
 *   --client-cpu C      taskset CPU list for the clients (default 0)
 *   --server-cpu C      taskset CPU list for the servers (default 1)
 *   --heap SIZE         client -Xms/-Xmx (default 1g)
 *   --jvm-args "A B"    more options for every client JVM, such as -XX:StartFlightRecording=...; {client}
 *                       and {tag} in them become the client's name and the run's tag (default none)
 *   --protocols a,b     from h1 (plain HTTP/1.1), tls-h1 (TLS, HTTP/1.1 only), tls-h2 (TLS, h2 by ALPN) (default h1);
 *                       the TLS rows use a self-signed certificate made at run time with openssl, which each
 *                       client trusts with its own TLS configuration (-Drs.bench.trust=PEM)
 *   --out DIR           report and logs (default benchmarks/target/load-results/TIMESTAMP)
 * </pre>
 */
public final class LoadHarness {

    static final List<String> ALL_CLIENTS = List.of("floor", "library", "openai-sdk", "webclient");

    /**
     * What LoadClient can run: the four; the floor with the library's h2 connection reuse; the floor
     * that writes and reads the JSON with Jackson; the library sent a new request instance per call.
     */
    static final List<String> KINDS = List.of("floor", "floor-strict", "floor-json", "library", "library-fresh",
            "openai-sdk", "webclient");

    private final Map<String, String> options = new LinkedHashMap<>();
    private final Path out;
    private final String java = ProcessHandle.current().info().command().orElse("java");
    private final String classPath = System.getProperty("java.class.path");
    private final StringBuilder report = new StringBuilder();
    /** Variant name to the class path its library client runs on. */
    private final Map<String, String> variants = new LinkedHashMap<>();

    private LoadHarness(String[] args) throws IOException {
        options.put("requests", "200000");
        options.put("warmup", "100000");
        options.put("concurrency", "64");
        options.put("rounds", "3");
        options.put("clients", String.join(",", ALL_CLIENTS));
        options.put("scale-calls", "10000");
        options.put("scale-delay-ms", "1000");
        options.put("skip-load", "false");
        options.put("client-cpu", "0");
        options.put("server-cpu", "1");
        options.put("heap", "1g");
        options.put("variants", "");
        options.put("jvm-args", "");
        options.put("protocols", "h1");
        options.put("out", "benchmarks/target/load-results/"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            if (!options.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (name.equals("skip-load")) {
                options.put(name, "true");
            } else {
                options.put(name, args[++i]);
            }
        }
        out = Paths.get(options.get("out"));
        Files.createDirectories(out);
        for (String variant : options.get("variants").split(",")) {
            if (!variant.isEmpty()) {
                int eq = variant.indexOf('=');
                variants.put(variant.substring(0, eq), variant.substring(eq + 1));
            }
        }
    }

    /**
     * Runs it.
     *
     * @param args options, see the class documentation
     * @throws Exception if a run fails
     */
    public static void main(String[] args) throws Exception {
        new LoadHarness(args).run();
    }

    private int intOption(String name) {
        return Integer.parseInt(options.get(name));
    }

    private void run() throws Exception {
        List<String> clients = Arrays.asList(options.get("clients").split(","));
        line("# Load harness run " + DateTimeFormatter.ISO_INSTANT.format(Instant.now()));
        line("");
        machine();
        List<String> protocols = Arrays.asList(options.get("protocols").split(","));
        if (protocols.stream().anyMatch(protocol -> protocol.startsWith("tls"))) {
            makeCertificate();
        }
        for (String protocol : protocols) {
            if (!Boolean.parseBoolean(options.get("skip-load"))) {
                loadRun(clients, protocol);
            }
            if (intOption("scale-calls") > 0) {
                scaleRun(clients, protocol);
            }
        }
        Files.writeString(out.resolve("report.md"), report.toString());
        System.out.println();
        System.out.println("report and client logs: " + out.toAbsolutePath());
    }

    private void machine() throws Exception {
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs visible to the harness; "
                + firstMatch(Paths.get("/proc/cpuinfo"), "model name") + "; "
                + (Runtime.getRuntime().maxMemory() > 0 ? "" : "") + "kernel " + command("uname", "-r").trim()
                + "; Java " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + "; " + command("nginx", "-v").trim() + "; load average at start "
                + Files.readString(Paths.get("/proc/loadavg")).trim());
        line("");
        line("Options: " + options);
        line("");
    }

    // ---- the load run: nginx with a canned answer ----

    private void loadRun(List<String> clients, String protocol) throws Exception {
        Ports ports = new Ports(freePort(), freePort(), freePort(), freePort());
        Path dir = Files.createTempDirectory("rs-bench-nginx");
        Process nginx = startNginx(dir, ports);
        List<Map<String, Map<String, String>>> rounds = new ArrayList<>();
        try {
            String base = ports.base(protocol);
            int r = intOption("rounds");
            for (int round = 1; round <= r; round++) {
                Map<String, Map<String, String>> results = new LinkedHashMap<>();
                // Each round starts one client later, so that no client always runs last (or first) in a round:
                // on a shared machine the CPU per call drifts within a round.
                for (int i = 0; i < clients.size(); i++) {
                    String client = clients.get((i + round - 1) % clients.size());
                    results.put(client, runClient(client, base, intOption("warmup"), intOption("requests"),
                            intOption("concurrency"), 600, protocol + "-load-r" + round,
                            "http://127.0.0.1:" + ports.status() + "/status"));
                }
                rounds.add(results);
            }
        } finally {
            nginx.destroy();
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                nginx.destroyForcibly();
            }
        }
        line("## Load run (" + describe(protocol) + "): nginx (1 worker, pinned to CPU " + options.get("server-cpu")
                + ") with a canned " + Payloads.CLIENT_SECRET_RESPONSE.length + "-byte answer; clients pinned to CPU "
                + options.get("client-cpu") + "; " + options.get("requests") + " measured calls after "
                + options.get("warmup") + " warm-up calls, " + options.get("concurrency") + " in flight");
        line("");
        for (int round = 0; round < rounds.size(); round++) {
            line("### Round " + (round + 1) + " (" + protocol + ")");
            line("");
            table(rounds.get(round), clients);
        }
        Map<String, Map<String, String>> medians = new LinkedHashMap<>();
        for (String client : clients) {
            Map<String, String> median = new LinkedHashMap<>();
            for (String key : List.of("rps", "p50_ms", "p99_ms", "cpu_us_per_req", "app_cpu_us_per_req",
                    "alloc_kb_per_req", "peak_threads", "errors", "connections")) {
                double[] values = rounds.stream().map(m -> m.get(client)).filter(m -> m.containsKey(key))
                        .mapToDouble(m -> Double.parseDouble(m.get(key))).sorted().toArray();
                median.put(key, values.length == 0 ? "n/a" : fmt(values[values.length / 2]));
            }
            medians.put(client, median);
        }
        line("### Median of " + rounds.size() + " round(s), and ratios to the floor (" + protocol + ")");
        line("");
        table(medians, clients);
        goals(medians);
        roundRatios(rounds, clients);
    }

    /**
     * Each client's ratio to the floor of the same round, per round and their median: steadier than
     * the ratio of the medians when the machine's speed drifts from round to round.
     */
    private void roundRatios(List<Map<String, Map<String, String>>> rounds, List<String> clients) {
        if (!clients.contains("floor")) {
            return;
        }
        line("Per round, to the floor of the same round (median last):");
        line("");
        line("| client | CPU/req vs floor | app CPU/req vs floor | req/s vs floor | alloc/req vs floor |");
        line("|---|---|---|---|---|");
        for (String client : clients) {
            StringBuilder row = new StringBuilder("| " + client);
            for (String key : List.of("cpu_us_per_req", "app_cpu_us_per_req", "rps", "alloc_kb_per_req")) {
                double[] ratios = rounds.stream().mapToDouble(round -> {
                    try {
                        return Double.parseDouble(round.get(client).get(key))
                                / Double.parseDouble(round.get("floor").get(key));
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                }).toArray();
                StringBuilder cell = new StringBuilder();
                for (double ratio : ratios) {
                    cell.append(String.format(Locale.ROOT, "%.2f, ", ratio));
                }
                double[] sorted = ratios.clone();
                Arrays.sort(sorted);
                cell.append(String.format(Locale.ROOT, "**%.2fx**", sorted[sorted.length / 2]));
                row.append(" | ").append(cell);
            }
            line(row + " |");
        }
        line("");
    }

    private void goals(Map<String, Map<String, String>> medians) {
        Map<String, String> floor = medians.get("floor");
        if (floor == null) {
            return;
        }
        line("| client | req/s vs floor | CPU/req vs floor | app CPU/req vs floor | alloc/req vs floor |");
        line("|---|---|---|---|---|");
        for (Map.Entry<String, Map<String, String>> e : medians.entrySet()) {
            line("| " + e.getKey() + " | " + ratio(e.getValue(), floor, "rps") + " | "
                    + ratio(e.getValue(), floor, "cpu_us_per_req") + " | "
                    + ratio(e.getValue(), floor, "app_cpu_us_per_req") + " | "
                    + ratio(e.getValue(), floor, "alloc_kb_per_req") + " |");
        }
        line("");
        Map<String, String> library = medians.get("library");
        if (library != null) {
            line("Goals for this library (medians): CPU/request <= 1.10x floor: "
                    + verdict(library, floor, "cpu_us_per_req", 1.10, true)
                    + "; allocation/request <= 1.20x floor: "
                    + verdict(library, floor, "alloc_kb_per_req", 1.20, true)
                    + "; requests/s >= 0.90x floor: " + verdict(library, floor, "rps", 0.90, false));
            Map<String, String> sdk = medians.get("openai-sdk");
            if (sdk != null) {
                line("");
                line("This library vs OpenAI's SDK: " + ratio(library, sdk, "rps") + " the requests/s, "
                        + ratio(library, sdk, "cpu_us_per_req") + " the CPU per request.");
            }
            line("");
        }
    }

    private static String verdict(Map<String, String> m, Map<String, String> floor, String key, double limit,
            boolean atMost) {
        try {
            double r = Double.parseDouble(m.get(key)) / Double.parseDouble(floor.get(key));
            boolean met = atMost ? r <= limit : r >= limit;
            return String.format(Locale.ROOT, "%.2fx, %s", r, met ? "met" : "MISSED");
        } catch (RuntimeException e) {
            return "n/a";
        }
    }

    private static String ratio(Map<String, String> m, Map<String, String> reference, String key) {
        try {
            return String.format(Locale.ROOT, "%.2fx",
                    Double.parseDouble(m.get(key)) / Double.parseDouble(reference.get(key)));
        } catch (RuntimeException e) {
            return "n/a";
        }
    }

    private void table(Map<String, Map<String, String>> results, List<String> clients) {
        line("| client | req/s | p50 ms | p99 ms | CPU µs/req | app CPU µs/req | alloc KB/req | peak threads | errors"
                + " | connections |");
        line("|---|---|---|---|---|---|---|---|---|---|");
        for (String client : clients) {
            Map<String, String> m = results.getOrDefault(client, Map.of());
            line("| " + client + " | " + m.getOrDefault("rps", "failed") + " | " + m.getOrDefault("p50_ms", "")
                    + " | " + m.getOrDefault("p99_ms", "") + " | " + m.getOrDefault("cpu_us_per_req", "") + " | "
                    + m.getOrDefault("app_cpu_us_per_req", "") + " | " + m.getOrDefault("alloc_kb_per_req", "") + " | " + m.getOrDefault("peak_threads", "") + " | "
                    + m.getOrDefault("errors", "") + " | " + m.getOrDefault("connections", "") + " |");
        }
        line("");
    }

    /** nginx's ports: plain HTTP/1.1, TLS with HTTP/1.1 only, TLS with h2 by ALPN, and stub_status (plain). */
    private record Ports(int plain, int tls, int h2, int status) {
        String base(String protocol) {
            return switch (protocol) {
                case "h1" -> "http://127.0.0.1:" + plain + "/v1";
                case "tls-h1" -> "https://127.0.0.1:" + tls + "/v1";
                case "tls-h2" -> "https://127.0.0.1:" + h2 + "/v1";
                default -> throw new IllegalArgumentException("unknown protocol " + protocol);
            };
        }
    }

    private static String describe(String protocol) {
        return switch (protocol) {
            case "h1" -> "plain HTTP/1.1";
            case "tls-h1" -> "TLS, the server offering HTTP/1.1 only";
            case "tls-h2" -> "TLS, the server offering h2 and HTTP/1.1 by ALPN";
            default -> protocol;
        };
    }

    private Path certificate() {
        return out.resolve("tls/cert.pem").toAbsolutePath();
    }

    private Path privateKey() {
        return out.resolve("tls/key.pem").toAbsolutePath();
    }

    /** A self-signed EC P-256 certificate for 127.0.0.1 and localhost, made for this run. */
    private void makeCertificate() throws Exception {
        Files.createDirectories(certificate().getParent());
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout", privateKey().toString(), "-out", certificate().toString())
                .redirectErrorStream(true).redirectOutput(out.resolve("tls/openssl.log").toFile()).start();
        if (!openssl.waitFor(30, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new IllegalStateException("openssl could not make the certificate; see " + out.resolve("tls"));
        }
    }

    private Process startNginx(Path dir, Ports ports) throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("tmp"));
        boolean tls = Files.exists(certificate());
        String conf = String.join("\n",
                "daemon off;",
                "master_process on;",
                "worker_processes 1;",
                "worker_rlimit_nofile 40000;",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("logs/error.log") + " warn;",
                "events { worker_connections 20000; multi_accept on; }",
                "http {",
                "  access_log off;",
                "  client_body_temp_path " + dir.resolve("tmp") + ";",
                "  proxy_temp_path " + dir.resolve("tmp") + ";",
                "  fastcgi_temp_path " + dir.resolve("tmp") + ";",
                "  uwsgi_temp_path " + dir.resolve("tmp") + ";",
                "  scgi_temp_path " + dir.resolve("tmp") + ";",
                "  keepalive_requests 10000000;",
                "  keepalive_timeout 120s;",
                tls ? "  ssl_certificate " + certificate() + ";" : "",
                tls ? "  ssl_certificate_key " + privateKey() + ";" : "",
                tls ? "  ssl_protocols TLSv1.2 TLSv1.3;" : "",
                tls ? "  ssl_session_cache shared:rsbench:20m;" : "",
                "  server {",
                "    listen 127.0.0.1:" + ports.plain() + " backlog=4096;",
                tls ? "    listen 127.0.0.1:" + ports.tls() + " ssl backlog=4096;" : "",
                tls ? "    listen 127.0.0.1:" + ports.h2() + " ssl http2 backlog=4096;" : "",
                "    location = /v1/realtime/client_secrets {",
                "      default_type application/json;",
                "      return 200 '" + Payloads.CLIENT_SECRET_RESPONSE_JSON + "';",
                "    }",
                "    location = /v1/realtime/sessions {",
                "      default_type application/json;",
                "      return 200 '" + Payloads.BETA_SESSION_RESPONSE_JSON + "';",
                "    }",
                "  }",
                "  server {",
                "    listen 127.0.0.1:" + ports.status() + ";",
                "    location = /status { stub_status; }",
                "  }",
                "}",
                "");
        Files.writeString(dir.resolve("nginx.conf"), conf);
        Process nginx = new ProcessBuilder("taskset", "-c", options.get("server-cpu"), "nginx", "-p",
                dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("nginx.log").toFile())
                .start();
        awaitPort(ports.plain(), nginx);
        awaitPort(ports.status(), nginx);
        return nginx;
    }

    // ---- the scale run: a server that answers after 1 s ----

    private void scaleRun(List<String> clients, String protocol) throws Exception {
        int calls = intOption("scale-calls");
        int port = freePort();
        int statsPort = freePort();
        List<String> command = new ArrayList<>(List.of("taskset", "-c", options.get("server-cpu"), java,
                "-Xms1g", "-Xmx1g", "-cp", classPath, DelayServer.class.getName(), String.valueOf(port),
                options.get("scale-delay-ms"), "1800", String.valueOf(statsPort), protocol));
        if (protocol.startsWith("tls")) {
            command.addAll(List.of(certificate().toString(), privateKey().toString()));
        }
        Process server = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.resolve(protocol + "-delay-server.log").toFile())
                .start();
        Map<String, Map<String, String>> results = new LinkedHashMap<>();
        try {
            awaitPort(port, server);
            awaitPort(statsPort, server);
            String base = (protocol.startsWith("tls") ? "https" : "http") + "://127.0.0.1:" + port + "/v1";
            for (String client : clients) {
                if (client.startsWith("floor")) {
                    continue;
                }
                // The warm-up is a first wave of as many calls: it opens the connections (the cold
                // wave, reported too); the measured wave finds them pooled.
                results.put(client, runClient(client, base, calls, calls, calls, 120, protocol + "-scale",
                        "http://127.0.0.1:" + statsPort + "/connections"));
            }
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        line("## Scale run (" + describe(protocol) + (protocol.equals("tls-h2") ? ", at most "
                + DelayServer.MAX_CONCURRENT_STREAMS + " streams per connection" : "") + "): " + calls
                + " calls in flight at once against a server that answers after "
                + options.get("scale-delay-ms") + " ms (Reactor Netty `DelayServer`, own JVM, CPU "
                + options.get("server-cpu") + "); clients pinned to CPU " + options.get("client-cpu")
                + "; a first (cold) wave of as many calls opens the connections, the measured (warm) wave"
                + " reuses them");
        line("");
        line("| client | cold wave s | warm wave s | completed | errors | p50 ms | p99 ms | CPU µs/req | alloc KB/req"
                + " | peak threads | connections cold | connections warm |");
        line("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Map.Entry<String, Map<String, String>> e : results.entrySet()) {
            Map<String, String> m = e.getValue();
            String wall = m.containsKey("wall_ms") ? fmt(Double.parseDouble(m.get("wall_ms")) / 1000) : "failed";
            String cold = m.containsKey("warmup_ms") ? fmt(Double.parseDouble(m.get("warmup_ms")) / 1000) : "";
            line("| " + e.getKey() + " | " + cold + " | " + wall + " | " + m.getOrDefault("completed", "") + " | "
                    + m.getOrDefault("errors", "") + " | " + m.getOrDefault("p50_ms", "") + " | "
                    + m.getOrDefault("p99_ms", "") + " | " + m.getOrDefault("cpu_us_per_req", "") + " | "
                    + m.getOrDefault("alloc_kb_per_req", "") + " | " + m.getOrDefault("peak_threads", "") + " | "
                    + m.getOrDefault("warmup_connections", "") + " | " + m.getOrDefault("measured_connections", "")
                    + " |");
        }
        line("");
        Map<String, String> library = results.get("library");
        if (library != null && library.containsKey("wall_ms")) {
            double seconds = Double.parseDouble(library.get("wall_ms")) / 1000;
            boolean allDone = library.get("completed").equals(String.valueOf(calls))
                    && library.get("errors").equals("0");
            line(String.format(Locale.ROOT, "Goal: %d in-flight calls done in under 3 s (warm wave): %.2f s, %s;"
                    + " peak threads %s.", calls, seconds, seconds < 3 && allDone ? "met" : "MISSED",
                    library.get("peak_threads")));
            line("");
        }
    }

    // ---- processes ----

    private Map<String, String> runClient(String client, String base, int warmup, int requests, int concurrency,
            int timeoutSeconds, String tag, String connectionsUrl) throws Exception {
        String variant = variants.get(client);
        String kind = "library";
        String variantPath = variant;
        if (variant != null && variant.indexOf(':') > 0 && KINDS.contains(variant.substring(0, variant.indexOf(':')))) {
            kind = variant.substring(0, variant.indexOf(':'));
            variantPath = variant.substring(variant.indexOf(':') + 1);
        }
        List<String> command = new ArrayList<>(List.of("taskset", "-c", options.get("client-cpu"), java,
                "-Xms" + options.get("heap"), "-Xmx" + options.get("heap"), "-XX:+UseG1GC",
                "-D" + LoadClient.CONNECTIONS_URL + "=" + connectionsUrl));
        if (base.startsWith("https:")) {
            command.add("-D" + LoadClient.TRUST + "=" + certificate());
        }
        for (String arg : options.get("jvm-args").split(" ")) {
            if (!arg.isBlank()) {
                command.add(arg.replace("{client}", client).replace("{tag}", tag));
            }
        }
        command.addAll(List.of("-cp", variantPath != null ? variantPath : classPath, LoadClient.class.getName(),
                variantPath != null ? kind : client, base, String.valueOf(warmup),
                String.valueOf(requests), String.valueOf(concurrency), String.valueOf(timeoutSeconds)));
        System.out.println("[" + tag + "] " + client + " ...");
        Process process = new ProcessBuilder(command)
                .redirectError(out.resolve(tag + "-" + client + ".log").toFile())
                .start();
        Map<String, String> result = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String text;
            while ((text = reader.readLine()) != null) {
                if (text.startsWith("RESULT ")) {
                    System.out.println("[" + tag + "] " + text);
                    for (String pair : text.substring(7).split(" ")) {
                        int eq = pair.indexOf('=');
                        result.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
            }
        }
        if (!process.waitFor(timeoutSeconds + 120L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (result.isEmpty()) {
            System.out.println("[" + tag + "] " + client + " printed no result; see " + out.resolve(tag + "-" + client
                    + ".log"));
        }
        return result;
    }

    private static void awaitPort(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not listen on port " + port + " within 30 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String command(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String firstMatch(Path file, String prefix) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    }

    private static String fmt(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }
}
