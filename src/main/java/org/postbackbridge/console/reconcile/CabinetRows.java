package org.postbackbridge.console.reconcile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.postbackbridge.intake.Amounts;
import org.postbackbridge.intake.EventDates;

/**
 * The cabinet's rows as conversions, through the operator's column and event mapping. A row that
 * cannot be read is kept as a problem with its line, never dropped silently.
 */
final class CabinetRows {

    /** Which column holds what ({@code amount} may be -1), and what the cabinet's event names mean. */
    record Mapping(int player, int event, int amount, int date, Map<String, String> events) {
    }

    record Problem(long line, CabinetProblem problem) {

        /** In English, as it would be logged. */
        String message() {
            return problem.getMessage();
        }
    }

    record Result(List<Conversion> conversions, List<Problem> problems) {
    }

    private CabinetRows() {
    }

    static Result read(CabinetTable table, Mapping mapping, ZoneId zone) {
        List<Conversion> conversions = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (CabinetTable.Row row : table.rows()) {
            try {
                String event = mapping.events().get(cell(row, mapping.event()));
                if (event == null || event.isEmpty()) {
                    continue; // an event the operator chose to leave out
                }
                String player = cell(row, mapping.player());
                if (player.isEmpty()) {
                    throw CabinetProblem.of("no player ID", "reconcile.row.noPlayer");
                }
                String date = cell(row, mapping.date());
                BigDecimal amount = mapping.amount() < 0 ? null : amount(cell(row, mapping.amount()));
                conversions.add(new Conversion(row.line(), player, Conversion.family(event), amount,
                        instant(date, zone), isDateOnly(date)));
            } catch (CabinetProblem e) {
                problems.add(new Problem(row.line(), e));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(row.line(), CabinetProblem.of(e.getMessage(), "reconcile.row.unreadable", e.getMessage())));
            }
        }
        return new Result(conversions, problems);
    }

    private static String cell(CabinetTable.Row row, int column) {
        if (column >= row.cells().size()) {
            int columns = row.cells().size();
            throw CabinetProblem.counting("the row has only " + columns + (columns == 1 ? " column" : " columns"),
                    "reconcile.row.columns", columns);
        }
        return row.cells().get(column).trim();
    }

    /**
     * "1 000,50", "1000.50", "1,000.50": spaces go, a lone comma is the decimal point; a minus sign
     * (a reversal) is kept. The rest is read as a postback's amount is, within the same bounds.
     */
    static BigDecimal amount(String text) {
        if (text.isEmpty()) {
            return null;
        }
        String plain = text.replaceAll("[\\s\\u00A0]", "");
        plain = plain.contains(".") ? plain.replace(",", "") : plain.replace(',', '.');
        boolean negative = plain.startsWith("-");
        try {
            BigDecimal amount = Amounts.parse(negative ? plain.substring(1) : plain);
            return negative ? amount.negate() : amount;
        } catch (Amounts.InvalidAmount e) {
            throw CabinetProblem.of("the amount '" + abbreviated(text) + "' is not a number within bounds: "
                    + e.getMessage(), "reconcile.row.amount", abbreviated(text), e.getMessage());
        }
    }

    /** The date as postbacks' dates are read; a local time is in the console's zone, a bare day at its noon. */
    static Instant instant(String text, ZoneId zone) {
        return switch (EventDates.read(text, zone)) {
            case EventDates.Read read -> read.dateOnly() ? read.at().atZone(zone).plusHours(12).toInstant() : read.at();
            case EventDates.Unreadable unreadable ->
                    throw CabinetProblem.of(unreadable.message(), "reconcile.row.date", abbreviated(text),
                    unreadable.message());
            case EventDates.OutOfRange outOfRange ->
                    throw CabinetProblem.of(outOfRange.message(), "reconcile.row.dateOutOfRange",
                    abbreviated(text), outOfRange.message());
        };
    }

    private static boolean isDateOnly(String text) {
        return EventDates.read(text, ZoneOffset.UTC) instanceof EventDates.Read read && read.dateOnly();
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
