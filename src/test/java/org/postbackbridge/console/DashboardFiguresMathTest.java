package org.postbackbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postbackbridge.console.queries.DashboardFigures.DepositDay;

class DashboardFiguresMathTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @Test
    void chartHasABarForEveryDayIncludingEmptyOnesAndSumsOnlyTheMainCurrency() {
        DepositChart chart = DepositChart.of(DAY, DAY.plusDays(2), List.of(
                new DepositDay(DAY, "RUB", 2, new BigDecimal("1000")),
                new DepositDay(DAY, "USD", 1, new BigDecimal("50")),
                new DepositDay(DAY.plusDays(2), "RUB", 1, new BigDecimal("4000"))));

        assertThat(chart.currency()).isEqualTo("RUB");
        assertThat(chart.bars()).extracting(DepositChart.Bar::day)
                .containsExactly(DAY, DAY.plusDays(1), DAY.plusDays(2));
        assertThat(chart.bars()).extracting(DepositChart.Bar::count).containsExactly(3L, 0L, 1L);
        assertThat(chart.bars()).extracting(bar -> bar.sum().intValue()).containsExactly(1000, 0, 4000);
        assertThat(chart.bars()).extracting(DepositChart.Bar::countHeight).containsExactly(100, 0, 33);
        assertThat(chart.bars()).extracting(DepositChart.Bar::sumHeight).containsExactly(25, 0, 100);
        assertThat(chart.totals()).extracting(DepositChart.Total::currency).containsExactly("RUB", "USD");
    }

    @Test
    void gapIsTheNearestRankMedianAndNinetiethPercentile() {
        DepositGap gap = DepositGap.of(List.of(Duration.ofHours(5), Duration.ofMinutes(10), Duration.ofDays(3),
                Duration.ofHours(1)));

        assertThat(gap.players()).isEqualTo(4);
        assertThat(gap.median()).isEqualTo(Duration.ofHours(1));
        assertThat(gap.p90()).isEqualTo(Duration.ofDays(3));
        assertThat(DepositGap.describe(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(DepositGap.of(List.of()).median()).isNull();
    }

    @Test
    void funnelSharesAreEmptyWhereTheStepBeforeIsEmpty() {
        Funnel funnel = new Funnel(10, 0, 4, 1);

        assertThat(funnel.steps()).extracting(Funnel.Step::shareOfStart).containsExactly(null, 0.0, 0.4, 0.1);
        assertThat(funnel.steps()).extracting(Funnel.Step::shareOfPrevious).containsExactly(null, 0.0, null, 0.25);
        assertThat(funnel.waitingForDeposit()).isEqualTo(3);
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
