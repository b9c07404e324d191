package org.postbackbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postbackbridge.console.queries.DashboardFigures.DepositDay;

class DashboardFiguresMathTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @Test
    void chartsHaveABarForEveryDayCountAllCurrenciesAndSumEachCurrencyApart() {
        DepositChart chart = DepositChart.of(DAY, DAY.plusDays(2), List.of(
                new DepositDay(DAY, "RUB", 2, new BigDecimal("1000")),
                new DepositDay(DAY, "USD", 1, new BigDecimal("50")),
                new DepositDay(DAY.plusDays(2), "RUB", 1, new BigDecimal("4000"))));

        assertThat(chart.count().bars()).extracting(BarChart.Bar::day)
                .containsExactly(DAY, DAY.plusDays(1), DAY.plusDays(2));
        assertThat(chart.count().bars()).extracting(bar -> bar.value().intValue()).containsExactly(3, 0, 1);
        assertThat(chart.sums()).extracting(DepositChart.CurrencyChart::currency).containsExactly("RUB", "USD");
        assertThat(chart.sums().get(0).chart().bars()).extracting(bar -> bar.value().intValue())
                .containsExactly(1000, 0, 4000);
        assertThat(chart.sums().get(1).chart().bars()).extracting(bar -> bar.value().intValue())
                .containsExactly(50, 0, 0);
        assertThat(chart.totals()).extracting(DepositChart.Total::currency).containsExactly("RUB", "USD");
        assertThat(chart.totals()).extracting(total -> total.sum().intValue()).containsExactly(5000, 50);
    }

    @Test
    void theYAxisRunsToARoundNumberInStepsOfOneTwoOrFive() {
        assertThat(BarChart.step(new BigDecimal("3"))).isEqualByComparingTo("1");
        assertThat(BarChart.step(new BigDecimal("4000"))).isEqualByComparingTo("1000");
        assertThat(BarChart.step(new BigDecimal("4500"))).isEqualByComparingTo("2000");
        assertThat(BarChart.step(new BigDecimal("17"))).isEqualByComparingTo("5");
        assertThat(BarChart.step(new BigDecimal("0.3"))).isEqualByComparingTo("0.1");
        assertThat(BarChart.step(BigDecimal.ZERO)).isEqualByComparingTo("1");

        BarChart chart = BarChart.of(List.of(DAY, DAY.plusDays(1)), List.of(new BigDecimal("4500"), new BigDecimal("1000")),
                false);
        assertThat(chart.ticks()).extracting(tick -> tick.value().intValue()).containsExactly(0, 2000, 4000, 6000);
        assertThat(chart.ticks().getFirst().y()).isEqualTo(chart.baseline());
        assertThat(chart.ticks().getLast().y()).isEqualTo(BarChart.TOP);
        // 4500 of 6000 is three quarters of the plot's height; bars stand on the x axis.
        assertThat(chart.bars().getFirst().height()).isCloseTo(0.75 * BarChart.PLOT_HEIGHT, within(0.1));
        assertThat(chart.bars()).allSatisfy(bar -> assertThat(bar.y() + bar.height()).isCloseTo(chart.baseline(), within(0.1)));
        assertThat(chart.bars().getLast().x()).isGreaterThan(chart.bars().getFirst().x() + chart.bars().getFirst().width());
    }

    @Test
    void everyFifthDayAndTheLastAreLabelled() {
        List<LocalDate> days = DAY.datesUntil(DAY.plusDays(12)).toList();
        BarChart chart = BarChart.of(days, days.stream().map(day -> BigDecimal.ONE).toList(), true);

        // Counts step by whole numbers: one deposit a day is an axis of 0 and 1, not of halves.
        assertThat(chart.ticks()).extracting(tick -> tick.value().toPlainString()).containsExactly("0", "1");
        assertThat(chart.bars()).filteredOn(BarChart.Bar::labelled).extracting(BarChart.Bar::day)
                .containsExactly(DAY, DAY.plusDays(5), DAY.plusDays(10), DAY.plusDays(11));
    }

    @Test
    void gapIsTheNearestRankMedianAndNinetiethPercentile() {
        DepositGap gap = DepositGap.of(List.of(Duration.ofHours(5), Duration.ofMinutes(10), Duration.ofDays(3),
                Duration.ofHours(1)));

        assertThat(gap.players()).isEqualTo(4);
        assertThat(gap.median()).isEqualTo(Duration.ofHours(1));
        assertThat(gap.p90()).isEqualTo(Duration.ofDays(3));
        assertThat(DepositGap.of(List.of()).median()).isNull();
    }

    @Test
    void funnelSharesAreEmptyWhereTheStepBeforeIsEmpty() {
        Funnel funnel = new Funnel(10, 0, 4, 1, true);

        assertThat(funnel.steps()).extracting(Funnel.Step::key)
                .containsExactly("users", "subscribed", "registered", "deposited");
        assertThat(funnel.steps()).extracting(Funnel.Step::shareOfStart).containsExactly(null, 0.0, 0.4, 0.1);
        assertThat(funnel.steps()).extracting(Funnel.Step::shareOfPrevious).containsExactly(null, 0.0, null, 0.25);
        assertThat(funnel.waitingForDeposit()).isEqualTo(3);
    }

    @Test
    void withoutAGateTheFunnelHasNoSubscribedStepAndRegisteredIsAShareOfBotUsers() {
        Funnel funnel = new Funnel(10, 0, 4, 1, false);

        assertThat(funnel.steps()).extracting(Funnel.Step::key).containsExactly("users", "registered", "deposited");
        assertThat(funnel.steps()).extracting(Funnel.Step::shareOfPrevious).containsExactly(null, 0.4, 0.25);
    }

    @Test
    void spreadsheetFormulasAreDisarmedButNumbersAreNot() {
        assertThat(CsvExport.safe("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvExport.safe("+7999")).isEqualTo("'+7999");
        assertThat(CsvExport.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExport.safe("-cmd")).isEqualTo("'-cmd");
        assertThat(CsvExport.safe("-100123456")).isEqualTo("-100123456");
        assertThat(CsvExport.safe("player-1")).isEqualTo("player-1");
        assertThat(CsvExport.safe(42L)).isEqualTo(42L);
    }
}
