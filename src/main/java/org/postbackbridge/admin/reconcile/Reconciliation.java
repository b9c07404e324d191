package org.postbackbridge.admin.reconcile;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Pairs the cabinet's conversions with ours, one to one: same player, same event family, amounts
 * within a cent when both have one, and times within a day (cabinets export in their own time zone,
 * sometimes only the day), the closest in time first.
 */
final class Reconciliation {

    static final Duration TOLERANCE = Duration.ofDays(1);
    private static final BigDecimal CENT = new BigDecimal("0.01");

    /** Per event family: how many each side has and how many paired. */
    record Count(String family, int cabinet, int ours, int matched) {
    }

    record Report(List<Count> counts, List<Conversion> missing, List<Conversion> extra) {
    }

    private Reconciliation() {
    }

    static Report of(List<Conversion> cabinet, List<Conversion> ours) {
        List<Conversion> unpaired = new ArrayList<>(ours);
        List<Conversion> missing = new ArrayList<>();
        Map<String, int[]> counts = new TreeMap<>();
        ours.forEach(conversion -> counts.computeIfAbsent(conversion.family(), f -> new int[3])[1]++);
        for (Conversion wanted : cabinet.stream().sorted(Comparator.comparing(Conversion::at)).toList()) {
            int[] count = counts.computeIfAbsent(wanted.family(), f -> new int[3]);
            count[0]++;
            Optional<Conversion> pair = unpaired.stream().filter(candidate -> pairs(wanted, candidate))
                    .min(Comparator.comparing(candidate -> Duration.between(wanted.at(), candidate.at()).abs()));
            if (pair.isPresent()) {
                unpaired.remove(pair.get());
                count[2]++;
            } else {
                missing.add(wanted);
            }
        }
        missing.sort(Comparator.comparingLong(Conversion::source));
        Map<String, Count> byFamily = new LinkedHashMap<>();
        counts.forEach((family, c) -> byFamily.put(family, new Count(family, c[0], c[1], c[2])));
        return new Report(List.copyOf(byFamily.values()), missing, unpaired);
    }

    private static boolean pairs(Conversion cabinet, Conversion ours) {
        if (!cabinet.player().equals(ours.player()) || !cabinet.family().equals(ours.family())) {
            return false;
        }
        if (cabinet.amount() != null && ours.amount() != null
                && cabinet.amount().subtract(ours.amount()).abs().compareTo(CENT) > 0) {
            return false;
        }
        Duration tolerance = cabinet.dateOnly() ? TOLERANCE.plusDays(1) : TOLERANCE;
        return Duration.between(cabinet.at(), ours.at()).abs().compareTo(tolerance) <= 0;
    }
}
