package newsdesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Peak heap during a run: the JVM's own peak of heap used (garbage included), and the peak of what
 * the last collection left (the live data, sampled), which is what a smaller heap would have to hold.
 */
final class HeapWatch implements AutoCloseable {

    private static final long MB = 1024 * 1024;
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final Thread sampler;
    private volatile long peakAfterGc;

    HeapWatch() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        sampler = new Thread(this::sample, "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            long afterGc = heapPools.stream().map(MemoryPoolMXBean::getCollectionUsage)
                    .filter(usage -> usage != null).mapToLong(MemoryUsage::getUsed).sum();
            peakAfterGc = Math.max(peakAfterGc, afterGc);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Sum of the heap pools' peaks, in MB (the pools may peak at different times, so an upper bound). */
    long peakUsedMb() {
        return heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / MB;
    }

    long peakAfterGcMb() {
        return peakAfterGc / MB;
    }

    static long maxHeapMb() {
        return Runtime.getRuntime().maxMemory() / MB;
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
