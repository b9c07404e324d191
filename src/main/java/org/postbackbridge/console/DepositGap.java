package org.postbackbridge.console;

import java.time.Duration;
import java.util.List;

/** How long players took from registering to their first deposit: median and 90th percentile. */
public record DepositGap(int players, Duration median, Duration p90) {

    static DepositGap of(List<Duration> gaps) {
        List<Duration> sorted = gaps.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return new DepositGap(0, null, null);
        }
        return new DepositGap(sorted.size(), percentile(sorted, 50), percentile(sorted, 90));
    }

    /** Nearest-rank percentile. */
    private static Duration percentile(List<Duration> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
