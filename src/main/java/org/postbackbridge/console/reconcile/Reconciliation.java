package org.postbackbridge.console.reconcile;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        // Only the same player's conversions of the same family can pair: looked up, not scanned,
        // so each cabinet row is compared with that player's few conversions, not with all of ours.
        Map<Key, List<Conversion>> unpaired = new HashMap<>();
        ours.forEach(conversion -> unpaired.computeIfAbsent(Key.of(conversion), k -> new ArrayList<>()).add(conversion));
        Set<Conversion> paired = new HashSet<>();
        List<Conversion> missing = new ArrayList<>();
        Map<String, int[]> counts = new TreeMap<>();
        ours.forEach(conversion -> counts.computeIfAbsent(conversion.family(), f -> new int[3])[1]++);
        for (Conversion wanted : cabinet.stream().sorted(Comparator.comparing(Conversion::at)).toList()) {
            int[] count = counts.computeIfAbsent(wanted.family(), f -> new int[3]);
            count[0]++;
            List<Conversion> candidates = unpaired.getOrDefault(Key.of(wanted), List.of());
            Optional<Conversion> pair = candidates.stream().filter(candidate -> pairs(wanted, candidate))
                    .min(Comparator.comparing(candidate -> Duration.between(wanted.at(), candidate.at()).abs()));
            if (pair.isPresent()) {
                candidates.remove(pair.get());
                paired.add(pair.get());
                count[2]++;
            } else {
                missing.add(wanted);
            }
        }
        missing.sort(Comparator.comparingLong(Conversion::source));
        Map<String, Count> byFamily = new LinkedHashMap<>();
        counts.forEach((family, c) -> byFamily.put(family, new Count(family, c[0], c[1], c[2])));
        List<Conversion> extra = ours.stream().filter(conversion -> !paired.contains(conversion)).toList();
        return new Report(List.copyOf(byFamily.values()), missing, extra);
    }

    private record Key(String player, String family) {

        static Key of(Conversion conversion) {
            return new Key(conversion.player(), conversion.family());
        }
    }

    /** Within a cent and within the time tolerance; the player and family already match. */
    private static boolean pairs(Conversion cabinet, Conversion ours) {
        if (cabinet.amount() != null && ours.amount() != null
                && cabinet.amount().subtract(ours.amount()).abs().compareTo(CENT) > 0) {
            return false;
        }
        Duration tolerance = cabinet.dateOnly() ? TOLERANCE.plusDays(1) : TOLERANCE;
        return Duration.between(cabinet.at(), ours.at()).abs().compareTo(tolerance) <= 0;
    }
}
