package dev.realtimesessions.adapter.boot;

import org.springframework.context.SmartLifecycle;

/**
 * Closes an endpoint (which hangs up the calls it keeps) when the application stops, after the web
 * server has stopped taking requests and before Spring's Reactor Netty resources stop: the client
 * runs on those event loops, so a hangup sent after them could not leave. A destroy method would
 * run too late, once every lifecycle bean has stopped.
 */
final class EndpointShutdown implements SmartLifecycle {

    /** Below the web server's phases (which stop first), above the Reactor Netty resources' 0 (which stop last). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final Runnable close;
    private volatile boolean running;

    /** A lifecycle that runs {@code close}, the endpoint's {@code close()}, when it stops. */
    EndpointShutdown(Runnable close) {
        this.close = close;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        close.run();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
