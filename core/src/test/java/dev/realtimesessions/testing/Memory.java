package dev.realtimesessions.testing;

import java.lang.reflect.Method;
import java.util.Set;

/**
 * Heap and thread figures from the JDK's management beans, for outcome-shaped bounds ("did not
 * buffer 64 MiB", "no thread per request"). Reached reflectively: the tests are compiled inside the
 * {@code dev.realtimesessions} module, which does not read {@code java.management}.
 */
public final class Memory {

    private Memory() {
    }

    /** Bytes allocated on the heap so far by all live threads (HotSpot's per-thread counters). */
    public static long allocatedBytesOfAllThreads() {
        try {
            Object threads = Class.forName("java.lang.management.ManagementFactory")
                    .getMethod("getThreadMXBean").invoke(null);
            Class<?> hotspot = Class.forName("com.sun.management.ThreadMXBean");
            long[] ids = (long[]) Class.forName("java.lang.management.ThreadMXBean")
                    .getMethod("getAllThreadIds").invoke(threads);
            Method allocated = hotspot.getMethod("getThreadAllocatedBytes", long[].class);
            long total = 0;
            for (long bytes : (long[]) allocated.invoke(threads, (Object) ids)) {
                total += Math.max(0, bytes);
            }
            return total;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread", e);
        }
    }

    /**
     * A probe of the bytes the calling thread has allocated on the heap so far (HotSpot's counter),
     * looked up once so that reading it allocates nothing.
     */
    public static java.util.function.LongSupplier allocatedBytesOfThisThread() {
        try {
            Object threads = Class.forName("java.lang.management.ManagementFactory")
                    .getMethod("getThreadMXBean").invoke(null);
            Method allocated = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
            return () -> {
                try {
                    return (long) allocated.invoke(threads);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("this JVM does not count allocated bytes per thread", e);
                }
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread", e);
        }
    }

    /** Heap in use after asking for a full collection a few times. */
    public static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** The live threads now. */
    public static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet();
    }
}
