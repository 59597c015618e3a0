package dev.realtimesessions.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server that reads each request and never answers, and notices when the client
 * drops the connection: for timeouts and cancellation.
 */
public final class StallingServer implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger closedByClient = new AtomicInteger();
    private final CountDownLatch firstRequest = new CountDownLatch(1);
    private final CountDownLatch firstClose = new CountDownLatch(1);
    private final Thread acceptor;

    /**
     * Starts the server on a free loopback port.
     *
     * @throws IOException if no port can be bound
     */
    public StallingServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "stalling-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * The base URL to give the client.
     *
     * @return {@code http://127.0.0.1:<port>/v1}
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    /**
     * Requests whose head arrived.
     *
     * @return the count so far
     */
    public int requests() {
        return requests.get();
    }

    /**
     * Connections the client closed.
     *
     * @return the count so far
     */
    public int closedByClient() {
        return closedByClient.get();
    }

    /**
     * Waits until the first request's head has arrived.
     *
     * @param seconds how long to wait
     * @return whether it arrived in time
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitFirstRequest(long seconds) throws InterruptedException {
        return firstRequest.await(seconds, TimeUnit.SECONDS);
    }

    /**
     * Waits until the client has closed a connection.
     *
     * @param seconds how long to wait
     * @return whether it closed one in time
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitClientClose(long seconds) throws InterruptedException {
        return firstClose.await(seconds, TimeUnit.SECONDS);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread handler = new Thread(() -> hold(connection), "stalling-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void hold(Socket connection) {
        try (connection; InputStream in = connection.getInputStream()) {
            StringBuilder head = new StringBuilder();
            int b;
            while ((b = in.read()) != -1) {
                head.append((char) b);
                if (head.toString().endsWith("\r\n\r\n")) {
                    requests.incrementAndGet();
                    firstRequest.countDown();
                    head.setLength(0);
                }
            }
            closedByClient.incrementAndGet();
            firstClose.countDown();
        } catch (IOException e) {
            closedByClient.incrementAndGet();
            firstClose.countDown();
        }
    }

    /**
     * Stops accepting connections, and returns once the accepting thread has stopped: a thread
     * blocked in {@code accept} keeps the listening socket open until it wakes, and a test of a
     * refused connection must not connect in that window.
     *
     * @throws IOException if the socket cannot be closed
     */
    @Override
    public void close() throws IOException {
        socket.close();
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
