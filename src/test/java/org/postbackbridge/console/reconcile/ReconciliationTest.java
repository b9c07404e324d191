package org.postbackbridge.console.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    static final Instant NOON = Instant.parse("2026-11-20T12:00:00Z");
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void pairsOneToOneBySamePlayerFamilyAmountAndDay() {
        List<Conversion> cabinet = List.of(
                cabinet(1, "p1", "deposit", "100.00", NOON),
                cabinet(2, "p1", "deposit", "100.00", NOON.plusSeconds(60)),
                cabinet(3, "p2", "registration", null, NOON),
                cabinet(4, "p3", "deposit", "50", NOON));
        List<Conversion> ours = List.of(
                ours(10, "p1", "first_deposit", "100", NOON.plusSeconds(3 * 3600)),
                ours(11, "p2", "registration", null, NOON.minusSeconds(20 * 3600)),
                ours(12, "p3", "deposit", "49.50", NOON),
                ours(13, "p4", "withdrawal", "10", NOON));

        Reconciliation.Report report = Reconciliation.of(cabinet, ours);

        assertThat(report.missing()).extracting(Conversion::source).containsExactly(2L, 4L);
        assertThat(report.extra()).extracting(Conversion::source).containsExactly(12L, 13L);
        assertThat(report.counts()).containsExactly(
                new Reconciliation.Count("deposit", 3, 2, 1),
                new Reconciliation.Count("registration", 1, 1, 1),
                new Reconciliation.Count("withdrawal", 0, 1, 0));
    }

    @Test
    void moreThanADayApartIsNotTheSameConversionUnlessTheCabinetGaveOnlyTheDay() {
        Conversion late = ours(10, "p1", "registration", null, NOON.plusSeconds(30 * 3600));

        assertThat(Reconciliation.of(List.of(cabinet(1, "p1", "registration", null, NOON)), List.of(late)).missing())
                .hasSize(1);
        Conversion dayOnly = new Conversion(1, "p1", "registration", null, NOON, true);
        assertThat(Reconciliation.of(List.of(dayOnly), List.of(late)).missing()).isEmpty();
    }

    @Test
    void readsSemicolonsCommaDecimalsLocalDatesAndReportsBadRows() {
        CabinetTable table = CabinetTable.parse("""
                \uFEFFID игрока;Событие;Сумма;Дата
                111;Первый депозит;1 000,50;20.11.2026 15:00
                222;Регистрация;;2026-11-20
                333;Депозит;abc;20.11.2026
                444;Депозит;10;yesterday
                555;Бонус;5;20.11.2026
                """);
        Map<String, String> events = Map.of("Первый депозит", "first_deposit", "Регистрация", "registration",
                "Депозит", "deposit", "Бонус", "");

        CabinetRows.Result rows = CabinetRows.read(table, new CabinetRows.Mapping(0, 1, 2, 3, events), MOSCOW);

        assertThat(table.header()).containsExactly("ID игрока", "Событие", "Сумма", "Дата");
        assertThat(rows.conversions()).containsExactly(
                new Conversion(2, "111", "deposit", new BigDecimal("1000.50"), Instant.parse("2026-11-20T12:00:00Z"), false),
                new Conversion(3, "222", "registration", null, Instant.parse("2026-11-20T09:00:00Z"), true));
        assertThat(rows.problems()).extracting(CabinetRows.Problem::line).containsExactly(4L, 5L);
        assertThat(rows.problems().get(0).message()).contains("'abc' is not a number");
        assertThat(rows.problems().get(1).message()).contains("'yesterday' is in no known format");
    }

    @Test
    void guessesEventNamesFromTheNetworksAliasesAndCommonWords() {
        Map<String, String> aliases = Map.of("ftd", "first_deposit", "dep", "deposit");

        assertThat(EventNames.guess("FTD", aliases)).isEqualTo("first_deposit");
        assertThat(EventNames.guess("Первый депозит", aliases)).isEqualTo("first_deposit");
        assertThat(EventNames.guess("Регистрация", aliases)).isEqualTo("registration");
        assertThat(EventNames.guess("Вывод средств", aliases)).isEqualTo("withdrawal");
        assertThat(EventNames.guess("Bonus", aliases)).isEmpty();
    }

    @Test
    void amountsAndDatesAreBoundedAsInPostbacks() {
        CabinetTable table = CabinetTable.parse("""
                player,event,amount,date
                1,deposit,1e10000000,2026-11-20 15:00
                2,deposit,1234567890123456789,2026-11-20 15:00
                3,deposit,10,+999999999-12-31T23:59:59Z
                4,deposit,10,1999-12-31 23:00
                5,deposit,"-1 000,50",2026-11-20 15:00
                6,deposit,"1,000.50",2100-12-31
                """);

        CabinetRows.Result rows = CabinetRows.read(table, new CabinetRows.Mapping(0, 1, 2, 3, Map.of("deposit", "deposit")),
                MOSCOW);

        assertThat(rows.problems()).extracting(CabinetRows.Problem::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(rows.problems().get(0).message()).contains("exponent");
        assertThat(rows.problems().get(1).message()).contains("18 significant digits");
        assertThat(rows.problems().get(2).message()).contains("outside the years 2000 to 2100");
        assertThat(rows.conversions()).extracting(Conversion::amount)
                .containsExactly(new BigDecimal("-1000.50"), new BigDecimal("1000.50"));
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> CabinetTable.parse("\n")).hasMessageContaining("empty");
    }

    private static Conversion cabinet(long line, String player, String family, String amount, Instant at) {
        return new Conversion(line, player, family, amount == null ? null : new BigDecimal(amount), at, false);
    }

    private static Conversion ours(long id, String player, String event, String amount, Instant at) {
        return new Conversion(id, player, Conversion.family(event), amount == null ? null : new BigDecimal(amount), at,
                false);
    }
}
