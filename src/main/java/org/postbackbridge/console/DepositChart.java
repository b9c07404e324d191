package org.postbackbridge.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postbackbridge.console.queries.DashboardFigures.DepositDay;

/**
 * Deposits per day: one chart of their count in every currency, and one of their sum for each
 * currency (sums in different currencies are never added up), with the totals beside them.
 */
record DepositChart(BarChart count, List<CurrencyChart> sums, List<Total> totals) {

    record CurrencyChart(String currency, BarChart chart) {
    }

    record Total(String currency, long count, BigDecimal sum) {
    }

    static DepositChart of(LocalDate firstDay, LocalDate lastDay, List<DepositDay> deposits) {
        List<LocalDate> days = firstDay.datesUntil(lastDay.plusDays(1)).toList();
        Map<LocalDate, List<DepositDay>> byDay = deposits.stream().collect(Collectors.groupingBy(DepositDay::day));
        List<BigDecimal> counts = days.stream().map(day -> BigDecimal.valueOf(byDay.getOrDefault(day, List.of())
                .stream().mapToLong(DepositDay::count).sum())).toList();
        List<Total> totals = totals(deposits);
        List<CurrencyChart> sums = totals.stream().map(total -> new CurrencyChart(total.currency(),
                BarChart.of(days, days.stream().map(day -> sum(byDay.getOrDefault(day, List.of()), total.currency()))
                        .toList(), false))).toList();
        return new DepositChart(BarChart.of(days, counts, true), sums, totals);
    }

    public boolean isEmpty() {
        return totals.isEmpty();
    }

    private static BigDecimal sum(List<DepositDay> day, String currency) {
        return day.stream().filter(d -> currency.equals(currencyOf(d))).map(DepositDay::sum)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Per currency, the one with the most deposits first. */
    private static List<Total> totals(List<DepositDay> deposits) {
        return deposits.stream().collect(Collectors.groupingBy(DepositChart::currencyOf)).entrySet().stream()
                .map(e -> new Total(e.getKey(), e.getValue().stream().mapToLong(DepositDay::count).sum(),
                        e.getValue().stream().map(DepositDay::sum).reduce(BigDecimal.ZERO, BigDecimal::add)))
                .sorted(Comparator.comparingLong(Total::count).reversed().thenComparing(Total::currency))
                .toList();
    }

    private static String currencyOf(DepositDay day) {
        return day.currency() == null ? "" : day.currency();
    }
}
