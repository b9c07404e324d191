package org.postbackbridge.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.postbackbridge.console.queries.SourceFigures.DepositSum;
import org.postbackbridge.console.queries.SourceFigures.Grouping;
import org.postbackbridge.console.queries.SourceFigures.UserCounts;

/**
 * The sources page's table: one row per traffic source (or per day), each step's count and its
 * conversion from the step before, deposit sums per currency, and a total row. {@code subscribed}
 * is null when no channel gate is configured, so the step is left out instead of showing zeros.
 */
record SourceReport(Grouping grouping, List<String> currencies, List<Row> rows, Row total) {

    /** {@code source} for a source row ("" for users without a payload), {@code day} for a day row. */
    record Row(String source, LocalDate day, long users, Long subscribed, long registered, long firstDeposits,
               long deposits, Map<String, BigDecimal> sums) {

        /** The row's source, or its day as yyyy-MM-dd. */
        public String label() {
            return day == null ? source : day.toString();
        }

        /** Registered of subscribed with a gate, of users without one. */
        public Double registeredShare() {
            return share(registered, subscribed == null ? users : subscribed);
        }

        public Double subscribedShare() {
            return subscribed == null ? null : share(subscribed, users);
        }

        public Double firstDepositShare() {
            return share(firstDeposits, registered);
        }

        /** Users who came to a first deposit: the source's overall conversion. */
        public Double overallShare() {
            return share(firstDeposits, users);
        }

        public BigDecimal sum(String currency) {
            return sums.getOrDefault(currency, BigDecimal.ZERO);
        }

        private static Double share(long part, Long whole) {
            return whole == null || whole == 0 ? null : (double) part / whole;
        }
    }

    /** The columns a table can be sorted by; {@code sum:<currency>} sorts by that currency's sum. */
    static final List<String> SORTS = List.of("key", "users", "subscribed", "registered", "first_deposits",
            "deposits", "conversion");

    static SourceReport of(Grouping grouping, List<UserCounts> counts, List<DepositSum> deposits, boolean gate,
                           String sort, boolean descending) {
        Map<String, List<DepositSum>> depositsByKey = new LinkedHashMap<>();
        TreeSet<String> currencies = new TreeSet<>();
        for (DepositSum deposit : deposits) {
            depositsByKey.computeIfAbsent(deposit.key(), key -> new ArrayList<>()).add(deposit);
            currencies.add(currencyOf(deposit));
        }
        List<Row> rows = new ArrayList<>();
        for (UserCounts count : counts) {
            List<DepositSum> own = depositsByKey.getOrDefault(count.key(), List.of());
            Map<String, BigDecimal> sums = new TreeMap<>();
            own.forEach(d -> sums.merge(currencyOf(d), d.sum() == null ? BigDecimal.ZERO : d.sum(), BigDecimal::add));
            boolean byDay = grouping == Grouping.DAY;
            rows.add(new Row(byDay ? null : count.key(), byDay ? LocalDate.ofEpochDay(Long.parseLong(count.key())) : null,
                    count.users(), gate ? count.subscribed() : null, count.registered(), count.firstDeposits(),
                    own.stream().mapToLong(DepositSum::count).sum(), sums));
        }
        rows.sort(order(grouping, sort, descending));
        return new SourceReport(grouping, List.copyOf(currencies), List.copyOf(rows), total(rows, gate));
    }

    private static Row total(List<Row> rows, boolean gate) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        rows.forEach(row -> row.sums().forEach((currency, sum) -> sums.merge(currency, sum, BigDecimal::add)));
        return new Row(null, null, rows.stream().mapToLong(Row::users).sum(),
                gate ? rows.stream().mapToLong(Row::subscribed).sum() : null,
                rows.stream().mapToLong(Row::registered).sum(), rows.stream().mapToLong(Row::firstDeposits).sum(),
                rows.stream().mapToLong(Row::deposits).sum(), sums);
    }

    /** Rows by the chosen column; ties, and an unknown column, by source or day. */
    private static Comparator<Row> order(Grouping grouping, String sort, boolean descending) {
        Comparator<Row> byKey = grouping == Grouping.DAY ? Comparator.comparing(Row::day)
                : Comparator.comparing(Row::source);
        Comparator<Row> chosen = switch (sort == null ? "key" : sort) {
            case "users" -> Comparator.comparingLong(Row::users);
            case "subscribed" -> Comparator.comparingLong(row -> row.subscribed() == null ? 0 : row.subscribed());
            case "registered" -> Comparator.comparingLong(Row::registered);
            case "first_deposits" -> Comparator.comparingLong(Row::firstDeposits);
            case "deposits" -> Comparator.comparingLong(Row::deposits);
            case "conversion" -> Comparator.comparing(row -> row.overallShare() == null ? -1 : row.overallShare());
            case String column when column.startsWith("sum:") ->
                    Comparator.comparing((Function<Row, BigDecimal>) row -> row.sum(column.substring(4)));
            default -> byKey;
        };
        return (descending ? chosen.reversed() : chosen).thenComparing(byKey);
    }

    private static String currencyOf(DepositSum deposit) {
        return deposit.currency() == null ? "" : deposit.currency();
    }
}
