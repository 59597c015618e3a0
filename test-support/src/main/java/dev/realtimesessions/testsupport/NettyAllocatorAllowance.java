package dev.realtimesessions.testsupport;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Netty's adaptive allocator briefly takes a lock when it grows its magazines under contention,
 * which BlockHound reports as a park on an event loop now and then under load. That is Netty's
 * internal bookkeeping, not a blocking call of ours: allowed in every module's tests (BlockHound
 * finds it through {@code META-INF/services}) so that they report only what this project does.
 */
public final class NettyAllocatorAllowance implements BlockHoundIntegration {

    /** Made by BlockHound's service loader. */
    public NettyAllocatorAllowance() {
    }

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
    }
}
