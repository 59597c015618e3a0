package dev.realtimesessions.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} (Debian's {@code /usr/bin/redis-server}, or {@code $REDIS_SERVER}) on a
 * free loopback port, with a temporary directory and no persistence, for tests: started by
 * {@link #start()}, ready once it answers {@code PING}, killed with its process tree by
 * {@link #close()}. A JVM shutdown hook kills it too, should a test forget to close it or the test
 * JVM be stopped.
 *
 * <pre>{@code
 * try (RedisServer redis = RedisServer.start()) {
 *     RedisClient client = RedisClient.create(redis.url());
 *     ...
 *     redis.kill();      // a crash: the port stops answering
 *     redis.restart();   // the same port again, empty
 * }
 * }</pre>
 *
 * <p>The server binds {@code 127.0.0.1} only, saves nothing ({@code --save ""},
 * {@code --appendonly no}) and logs to {@code redis.log} in its directory, whose tail a failed start
 * reports.
 */
public final class RedisServer implements AutoCloseable {

    private static final long READY_TIMEOUT_MILLIS = 20_000;

    private final String executable;
    private final Path directory;
    private final int port;
    private final Thread shutdownHook;
    private Process process;

    private RedisServer(String executable, Path directory, int port) {
        this.executable = executable;
        this.directory = directory;
        this.port = port;
        this.shutdownHook = new Thread(this::killQuietly, "redis-server-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a server on a free loopback port and waits until it answers {@code PING}.
     *
     * @return the running server; {@link #close()} stops it and deletes its directory
     * @throws IOException if it cannot be started or does not answer within 20 s
     */
    public static RedisServer start() throws IOException {
        String executable = System.getenv().getOrDefault("REDIS_SERVER", "/usr/bin/redis-server");
        if (!Files.isExecutable(Path.of(executable))) {
            throw new IOException(executable + " is missing: install Debian's redis-server"
                    + " (apt-get install redis-server, as .ci/run does) or point REDIS_SERVER at one");
        }
        IOException last = null;
        for (int tries = 0; tries < 3; tries++) {
            Path directory = Files.createTempDirectory("redis-server");
            RedisServer server = new RedisServer(executable, directory, freePort());
            try {
                server.launch();
                return server;
            } catch (IOException e) {
                // another process may have taken the free port first: try another
                server.close();
                last = e;
            }
        }
        throw last;
    }

    /**
     * The port it listens on, the same across {@link #restart()}s.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * The URL to give a Redis client.
     *
     * @return {@code redis://127.0.0.1:<port>}
     */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /**
     * The server's process id, while it runs.
     *
     * @return the pid
     * @throws IllegalStateException if it is not running
     */
    public synchronized long pid() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("redis-server is not running");
        }
        return process.pid();
    }

    /**
     * Kills the server at once ({@code SIGKILL}), as a crash would, and waits until it is gone: its
     * port refuses connections afterwards. Nothing is saved.
     */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        ProcessHandle handle = process.toHandle();
        try (Stream<ProcessHandle> descendants = handle.descendants()) {
            List<ProcessHandle> children = descendants.toList();
            handle.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("redis-server (pid " + process.pid() + ") survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping redis-server", e);
        }
        process = null;
    }

    /**
     * Starts the server again on the same port (empty: nothing was saved) and waits until it answers.
     *
     * @throws IOException if it cannot be started or does not answer within 20 s
     */
    public synchronized void restart() throws IOException {
        kill();
        launch();
    }

    /**
     * Freezes the server ({@code SIGSTOP}): it keeps its connections and port but answers nothing,
     * like a server stuck in a long command or a paused VM, until {@link #resume()}.
     *
     * @throws IOException if the signal cannot be sent
     */
    public void pause() throws IOException {
        signal("STOP");
    }

    /**
     * Lets a {@linkplain #pause() paused} server run again ({@code SIGCONT}).
     *
     * @throws IOException if the signal cannot be sent
     */
    public void resume() throws IOException {
        signal("CONT");
    }

    /** Kills the server and deletes its directory. */
    @Override
    public void close() {
        try {
            kill();
        } finally {
            deleteDirectory();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down, and the hook is running or has run
            }
        }
    }

    private synchronized void launch() throws IOException {
        Path log = directory.resolve("redis.log");
        process = new ProcessBuilder(executable, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", directory.toString(), "--daemonize", "no",
                "--logfile", log.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("redis.out").toFile())
                .start();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MILLIS);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                String tail = tail(log) + tail(directory.resolve("redis.out"));
                int status = process.exitValue();
                process = null;
                throw new IOException("redis-server exited at start (status " + status + ") on port " + port
                        + ":\n" + tail);
            }
            if (answersPing()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                throw new IOException("interrupted while waiting for redis-server", e);
            }
        }
        kill();
        throw new IOException("redis-server did not answer PING on port " + port + " within "
                + READY_TIMEOUT_MILLIS + " ms:\n" + tail(log));
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[7];
            int read = 0;
            while (read < answer.length) {
                int n = in.read(answer, read, answer.length - read);
                if (n < 0) {
                    return false;
                }
                read += n;
            }
            return new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    private void signal(String signal) throws IOException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).inheritIO().start();
        try {
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IOException("kill -" + signal + " failed for redis-server pid " + pid());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling redis-server", e);
        }
    }

    private void killQuietly() {
        try {
            kill();
        } catch (RuntimeException e) {
            // the JVM is stopping: nothing more to do
        }
    }

    private void deleteDirectory() {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory, e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())) + "\n";
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public String toString() {
        return "RedisServer{port=" + port + ", directory=" + directory + "}";
    }
}
