package dev.realtimesessions.redis;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Netty's adaptive allocator briefly takes a lock when it grows its magazines under contention,
 * which BlockHound reports as a park on an event loop now and then: on Lettuce's loops too, when a
 * new connection allocates its first buffer. That is Netty's internal bookkeeping, not a blocking
 * call of ours or Lettuce's: allowed here as in core's tests, everything else stays checked.
 */
public final class NettyAllocatorAllowance implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
    }
}
