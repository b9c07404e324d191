package org.postbackbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postbackbridge.console.queries.SourceFigures.DepositSum;
import org.postbackbridge.console.queries.SourceFigures.Grouping;
import org.postbackbridge.console.queries.SourceFigures.UserCounts;

class SourceReportTest {

    static final List<UserCounts> COUNTS = List.of(
            new UserCounts("channel", 10, 8, 4, 2),
            new UserCounts("post", 20, 10, 5, 1),
            new UserCounts("", 5, 0, 0, 0));
    static final List<DepositSum> DEPOSITS = List.of(
            new DepositSum("channel", "RUB", 3, new BigDecimal("1500.5")),
            new DepositSum("channel", "USD", 1, new BigDecimal("20")),
            new DepositSum("post", "RUB", 1, new BigDecimal("300")));

    @Test
    void withAGateTheSubscribedStepSitsBetweenUsersAndRegistered() {
        SourceReport.Row row = report(true, "key", false).rows().get(1);

        assertThat(row.source()).isEqualTo("channel");
        assertThat(row.subscribed()).isEqualTo(8);
        assertThat(row.subscribedShare()).isEqualTo(0.8);
        assertThat(row.registeredShare()).as("registered of subscribed").isEqualTo(0.5);
        assertThat(row.firstDepositShare()).isEqualTo(0.5);
        assertThat(row.overallShare()).isEqualTo(0.2);
    }

    @Test
    void withoutAGateThereIsNoSubscribedStepAndRegisteredIsAShareOfUsers() {
        SourceReport.Row row = report(false, "key", false).rows().get(1);

        assertThat(row.subscribed()).isNull();
        assertThat(row.subscribedShare()).isNull();
        assertThat(row.registeredShare()).isEqualTo(0.4);
        assertThat(report(false, "key", false).total().subscribed()).isNull();
    }

    @Test
    void sumsArePerCurrencyWithATotalRow() {
        SourceReport report = report(false, "key", false);

        assertThat(report.currencies()).containsExactly("RUB", "USD");
        assertThat(report.rows().get(1).sum("USD")).isEqualByComparingTo("20");
        assertThat(report.rows().get(2).sum("USD")).isEqualByComparingTo("0");
        assertThat(report.total().users()).isEqualTo(35);
        assertThat(report.total().deposits()).isEqualTo(5);
        assertThat(report.total().sum("RUB")).isEqualByComparingTo("1800.5");
        assertThat(report.rows().getFirst().firstDepositShare()).as("nothing to divide by").isNull();
    }

    @Test
    void rowsSortByTheChosenColumnEitherWay() {
        assertThat(sources(report(false, "users", true))).containsExactly("post", "channel", "");
        assertThat(sources(report(false, "conversion", true))).containsExactly("channel", "post", "");
        assertThat(sources(report(false, "sum:RUB", true))).containsExactly("channel", "post", "");
        assertThat(sources(report(false, "first_deposits", false))).containsExactly("", "post", "channel");
    }

    @Test
    void daysAreRowsInDateOrder() {
        SourceReport report = SourceReport.of(Grouping.DAY, List.of(new UserCounts("20425", 2, 0, 1, 1),
                new UserCounts("20424", 3, 0, 0, 0)), List.of(), false, "key", false);

        assertThat(report.rows()).extracting(SourceReport.Row::day)
                .containsExactly(LocalDate.ofEpochDay(20424), LocalDate.ofEpochDay(20425));
        assertThat(report.rows().getFirst().label()).isEqualTo(LocalDate.ofEpochDay(20424).toString());
    }

    private static SourceReport report(boolean gate, String sort, boolean descending) {
        return SourceReport.of(Grouping.SOURCE, COUNTS, DEPOSITS, gate, sort, descending);
    }

    private static List<String> sources(SourceReport report) {
        return report.rows().stream().map(SourceReport.Row::source).toList();
    }
}
