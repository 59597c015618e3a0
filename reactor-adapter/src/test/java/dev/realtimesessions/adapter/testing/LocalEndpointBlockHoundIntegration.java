package dev.realtimesessions.adapter.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Lets the test stand-in {@code LocalRealtimeEndpoint} draw its fake secrets from
 * {@code SecureRandom} (which may read {@code /dev/urandom}) on its event loop. Only the stand-in
 * is exempt: the library's own code and the adapters stay under BlockHound.
 */
public final class LocalEndpointBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("dev.realtimesessions.local.LocalRealtimeEndpoint$Handler", "hex");
    }
}
