package org.postbackbridge.intake;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one reading of a conversion's date, wherever one arrives (postbacks, the tester,
 * reconciliation): epoch seconds or milliseconds, ISO 8601 with or without an offset, and the
 * {@code 2026-11-25 14:30:00} and {@code 25.11.2026 14:30} forms cabinets export. A date outside
 * 2000–2100 is refused rather than stored: nothing real happened then, and the far ends of the
 * calendar overflow what a timestamp column holds.
 */
public final class EventDates {

    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2101-01-01T00:00:00Z");
    private static final Pattern EPOCH = Pattern.compile("\\d{9,13}");
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME, DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss"),
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm"));
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("dd.MM.yyyy"));

    /** What a date's text gave. */
    public sealed interface Reading {
    }

    /** @param dateOnly the text named a day, not a time: {@code at} is that day's start */
    public record Read(Instant at, boolean dateOnly) implements Reading {
    }

    public record Unreadable(String message) implements Reading {
    }

    public record OutOfRange(String message) implements Reading {
    }

    private EventDates() {
    }

    /** Reads {@code text}; a time without an offset is in {@code zone}. */
    public static Reading read(String text, ZoneId zone) {
        Instant at = instant(text, zone);
        if (at == null) {
            return new Unreadable("the date '" + abbreviated(text) + "' is in no known format (2026-11-25 14:30:00,"
                    + " 25.11.2026 14:30, 2026-11-25, 25.11.2026, ISO 8601, epoch seconds or milliseconds)");
        }
        if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            return new OutOfRange("the date '" + abbreviated(text) + "' is outside the years 2000 to 2100");
        }
        return new Read(at, isDateOnly(text));
    }

    private static Instant instant(String text, ZoneId zone) {
        if (EPOCH.matcher(text).matches()) {
            long value = Long.parseLong(text);
            return text.length() > 10 ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException notWithOffset) {
            // a local time, in the given zone
        }
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return LocalDateTime.parse(text, format).atZone(zone).toInstant();
            } catch (DateTimeException tryNext) {
                // next format
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format).atStartOfDay(zone).toInstant();
            } catch (DateTimeException tryNext) {
                // next format
            }
        }
        return null;
    }

    private static boolean isDateOnly(String text) {
        return text.matches("\\d{4}-\\d{2}-\\d{2}|\\d{2}\\.\\d{2}\\.\\d{4}");
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
