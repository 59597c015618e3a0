package dev.realtimesessions.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Netty's adaptive allocator briefly takes a lock when it grows its magazines under contention,
 * which BlockHound reports as a park on an event loop now and then under load. That is Netty's
 * internal bookkeeping, not a blocking call of ours: allowed here so the load tests report only
 * what this library does.
 */
public final class NettyAllocatorAllowance implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
    }
}
