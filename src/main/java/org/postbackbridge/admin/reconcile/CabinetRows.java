package org.postbackbridge.admin.reconcile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cabinet's rows as conversions, through the operator's column and event mapping. A row that
 * cannot be read is kept as a problem with its line, never dropped silently.
 */
final class CabinetRows {

    /** Which column holds what ({@code amount} may be -1), and what the cabinet's event names mean. */
    record Mapping(int player, int event, int amount, int date, Map<String, String> events) {
    }

    record Problem(long line, String message) {
    }

    record Result(List<Conversion> conversions, List<Problem> problems) {
    }

    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME, DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss"),
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm"));
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("dd.MM.yyyy"));

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
                    throw new IllegalArgumentException("no player ID");
                }
                String date = cell(row, mapping.date());
                BigDecimal amount = mapping.amount() < 0 ? null : amount(cell(row, mapping.amount()));
                conversions.add(new Conversion(row.line(), player, Conversion.family(event), amount,
                        instant(date, zone), isDateOnly(date)));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(row.line(), e.getMessage()));
            }
        }
        return new Result(conversions, problems);
    }

    private static String cell(CabinetTable.Row row, int column) {
        if (column >= row.cells().size()) {
            throw new IllegalArgumentException("the row has only " + row.cells().size() + " columns");
        }
        return row.cells().get(column).trim();
    }

    /** "1 000,50", "1000.50", "1,000.50": spaces go, a lone comma is the decimal point. */
    static BigDecimal amount(String text) {
        if (text.isEmpty()) {
            return null;
        }
        String plain = text.replaceAll("[\\s\\u00A0]", "");
        plain = plain.contains(".") ? plain.replace(",", "") : plain.replace(',', '.');
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the amount '" + text + "' is not a number");
        }
    }

    static Instant instant(String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            // a local time, in the console's zone
        }
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return LocalDateTime.parse(text, format).atZone(zone).toInstant();
            } catch (DateTimeParseException tryNext) {
                // next format
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format).atStartOfDay(zone).plusHours(12).toInstant();
            } catch (DateTimeParseException tryNext) {
                // next format
            }
        }
        throw new IllegalArgumentException("the date '" + text + "' is in no known format"
                + " (2026-11-25 14:30:00, 25.11.2026 14:30, 2026-11-25, 25.11.2026, ISO 8601)");
    }

    private static boolean isDateOnly(String text) {
        return text.matches("\\d{4}-\\d{2}-\\d{2}|\\d{2}\\.\\d{2}\\.\\d{4}");
    }
}
