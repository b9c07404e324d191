package org.postbackbridge.testsupport;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/** How far the heap grew during a step: the peak of every heap pool since a reset, against the use at the reset. */
public final class HeapPeak {

    private HeapPeak() {
    }

    /** Starts a measurement; returns the heap in use now. */
    public static long reset() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        return heapPools().stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    /** The most the heap can have grown since {@link #reset()} (an upper bound: pools peak at different times). */
    public static long since(long usedAtReset) {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() - usedAtReset;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid()).toList();
    }
}
