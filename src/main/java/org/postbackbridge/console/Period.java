package org.postbackbridge.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;

/** The dashboard's time ranges; each starts at a midnight in the console's time zone. */
enum Period {
    TODAY("today", 0),
    WEEK("7d", 6),
    MONTH("30d", 29),
    ALL("all", -1);

    private final String key;
    private final int daysBeforeToday;

    Period(String key, int daysBeforeToday) {
        this.key = key;
        this.daysBeforeToday = daysBeforeToday;
    }

    static Period of(String key) {
        return Arrays.stream(values()).filter(period -> period.key.equals(key)).findFirst().orElse(WEEK);
    }

    /** Epoch millis of the period's first moment; 0 for all time. */
    long startMillis(Clock clock, ZoneId zone) {
        if (daysBeforeToday < 0) {
            return 0;
        }
        return LocalDate.now(clock.withZone(zone)).minusDays(daysBeforeToday).atStartOfDay(zone)
                .toInstant().toEpochMilli();
    }

    public String key() {
        return key;
    }
}
