package org.postbackbridge.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The backoff a failing message follows: doubling with jitter, capped, for the whole retry window. */
class RetryScheduleTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24));

    @Test
    void waitsDoubleWithinTheirJitterUpToTheCap() {
        // Spring's jitter grows with the wait: up to half of it either way, never past the cap.
        for (int failures = 1; failures <= 12; failures++) {
            long nominal = Math.min(5_000L << (failures - 1), 3_600_000L);
            Duration wait = Duration.between(START, schedule.next(failures, START, START).orElseThrow());
            assertThat(wait.toMillis()).as("after %d failures", failures)
                    .isBetween(nominal / 2, Math.min(nominal * 3 / 2, 3_600_000L));
        }
        assertThat(Duration.between(START, schedule.next(40, START, START).orElseThrow())).isLessThanOrEqualTo(Duration.ofHours(1));
    }

    @Test
    void aMessageIsTriedForTheWholeWindowThenDead() {
        Instant now = START;
        int failures = 0;
        Optional<Instant> next = Optional.of(START);
        while (next.isPresent()) {
            now = next.get();
            next = schedule.next(++failures, START, now);
        }
        assertThat(Duration.between(START, now)).isGreaterThanOrEqualTo(Duration.ofHours(24))
                .isLessThan(Duration.ofHours(25));
        assertThat(failures).isBetween(20, 60);
        assertThat(schedule.next(1, START, START.plus(Duration.ofHours(24)).minusMillis(1))).isPresent();
        assertThat(schedule.next(1, START, START.plus(Duration.ofHours(24)))).isEmpty();
    }
}
