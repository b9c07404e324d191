package org.postbackbridge.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Every date the console shows, in {@code CONSOLE_TIME_ZONE}. Pages call it as {@code @consoleDates};
 * times are written the same way in every language, days of the chart in the page's language.
 */
@Component("consoleDates")
public class ConsoleDates {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    ConsoleDates(ConsoleProperties properties) {
        this.zone = properties.timeZone();
    }

    /** "2026-12-03 15:04:05"; empty for no date. */
    public String seconds(Instant instant) {
        return instant == null ? "" : SECONDS.format(instant.atZone(zone));
    }

    /** "2026-12-03 15:04"; empty for no date. */
    public String minutes(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atZone(zone));
    }

    /** "3 Dec", "3 дек." — a day of a chart. */
    public String day(LocalDate day) {
        return DateTimeFormatter.ofPattern("d MMM", LocaleContextHolder.getLocale()).format(day);
    }

    public ZoneId zone() {
        return zone;
    }
}
