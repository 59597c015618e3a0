package dev.realtimesessions.testsupport;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Reactor's {@code VirtualTimeScheduler} keeps its tasks in a {@code PriorityBlockingQueue}, whose
 * lock a Netty event loop may find held by the test thread advancing virtual time; BlockHound
 * would report that park on the event loop and fail the call under test. The lock belongs to the
 * test's clock, not to the library, so it is allowed here; everything else stays checked.
 */
public final class VirtualTimeAllowance implements BlockHoundIntegration {

    private static final String SCHEDULER = "reactor.test.scheduler.VirtualTimeScheduler";

    /** Creates the integration; BlockHound calls it. */
    public VirtualTimeAllowance() {
    }

    @Override
    public void applyTo(BlockHound.Builder builder) {
        for (String method : new String[] {"schedule", "schedulePeriodically", "doScheduleAtTime", "advanceTime",
                "advanceTimeBy", "advanceTimeTo", "drain", "getScheduledTaskCount"}) {
            builder.allowBlockingCallsInside(SCHEDULER, method);
        }
        for (String method : new String[] {"schedule", "schedulePeriodically", "doScheduleAtTime", "dispose"}) {
            builder.allowBlockingCallsInside(SCHEDULER + "$VirtualTimeWorker", method);
        }
        // Cancelling a virtual-time task removes it from the same queue.
        builder.allowBlockingCallsInside(SCHEDULER + "$TimedRunnable", "dispose");
        builder.allowBlockingCallsInside(SCHEDULER + "$PeriodicDirectTask", "dispose");
    }
}
