package org.postbackbridge.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.postbackbridge.console.queries.DashboardFigures.DepositDay;

/**
 * Deposits per day as bars: the count, and the sum in the currency most deposits were made in
 * (other currencies are listed beside the chart rather than added up with it).
 */
record DepositChart(String currency, List<Bar> bars, List<Total> totals) {

    /** One day; heights are percentages of the highest day. */
    record Bar(LocalDate day, long count, BigDecimal sum, int countHeight, int sumHeight) {
    }

    record Total(String currency, long count, BigDecimal sum) {
    }

    static DepositChart of(LocalDate firstDay, LocalDate lastDay, List<DepositDay> deposits) {
        List<Total> totals = totals(deposits);
        String currency = totals.isEmpty() ? "" : totals.getFirst().currency();
        Map<LocalDate, List<DepositDay>> byDay = deposits.stream().collect(Collectors.groupingBy(DepositDay::day));
        List<LocalDate> dates = firstDay.datesUntil(lastDay.plusDays(1)).toList();
        List<Total> days = dates.stream()
                .map(day -> total(byDay.getOrDefault(day, List.of()), currency))
                .toList();
        long maxCount = days.stream().mapToLong(Total::count).max().orElse(0);
        BigDecimal maxSum = days.stream().map(Total::sum).reduce(BigDecimal.ZERO, BigDecimal::max);
        List<Bar> bars = IntStream.range(0, dates.size())
                .mapToObj(i -> new Bar(dates.get(i), days.get(i).count(), days.get(i).sum(),
                        percent(BigDecimal.valueOf(days.get(i).count()), BigDecimal.valueOf(maxCount)),
                        percent(days.get(i).sum(), maxSum)))
                .toList();
        return new DepositChart(currency, bars, totals);
    }

    /** A day's deposits: all of them counted, the chart's currency summed. */
    private static Total total(List<DepositDay> day, String currency) {
        return new Total(currency, day.stream().mapToLong(DepositDay::count).sum(),
                day.stream().filter(d -> currency.equals(currencyOf(d))).map(DepositDay::sum)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

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

    private static int percent(BigDecimal value, BigDecimal max) {
        return max.signum() == 0 ? 0
                : value.multiply(BigDecimal.valueOf(100)).divide(max, 0, RoundingMode.HALF_UP).intValue();
    }
}
