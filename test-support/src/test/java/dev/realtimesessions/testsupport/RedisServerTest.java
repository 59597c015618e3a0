package dev.realtimesessions.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The launcher every Redis test relies on: a real server, up when started, gone when killed or closed. */
class RedisServerTest {

    @Test
    void answersOnLoopbackKillsRestartsOnTheSamePortEmptyAndCleansUp() throws Exception {
        Path directory;
        int port;
        try (RedisServer redis = RedisServer.start()) {
            port = redis.port();
            assertThat(redis.url()).isEqualTo("redis://127.0.0.1:" + port);
            assertThat(command(port, "SET k v")).isEqualTo("+OK");
            assertThat(command(port, "CONFIG GET save")).contains("save").doesNotContain("3600");
            assertThat(command(port, "CONFIG GET appendonly")).contains("no");
            directory = Path.of(command(port, "CONFIG GET dir").lines().reduce((a, b) -> b).orElseThrow());
            assertThat(directory).exists();
            long pid = redis.pid();

            redis.kill();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThatThrownBy(() -> command(port, "PING")).as("nothing listens after a kill").isInstanceOf(IOException.class);
            assertThatThrownBy(redis::pid).isInstanceOf(IllegalStateException.class);

            redis.restart();
            assertThat(redis.port()).isEqualTo(port);
            assertThat(command(port, "GET k")).as("nothing was saved").isEqualTo("$-1");
        }
        assertThat(Files.exists(directory)).as("the directory is deleted at close").isFalse();
        assertThatThrownBy(() -> command(port, "PING")).isInstanceOf(IOException.class);
    }

    @Test
    void aPausedServerKeepsItsPortButAnswersNothingUntilResumed() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            redis.pause();
            assertThatThrownBy(() -> command(redis.port(), "PING")).isInstanceOf(SocketTimeoutException.class);
            redis.resume();
            assertThat(command(redis.port(), "PING")).isEqualTo("+PONG");
        }
    }

    @Test
    void twoServersGetTwoPorts() throws Exception {
        try (RedisServer one = RedisServer.start(); RedisServer two = RedisServer.start()) {
            assertThat(one.port()).isNotEqualTo(two.port());
            command(one.port(), "SET only-in-one 1");
            assertThat(command(two.port(), "EXISTS only-in-one")).isEqualTo(":0");
        }
    }

    /** One inline command over a raw socket; the answer's lines without their CRLFs. */
    private static String command(int port, String command) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\nQUIT\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            String answer = all.substring(0, all.lastIndexOf("+OK\r\n")).strip();
            return answer.replace("\r\n", "\n");
        }
    }
}
