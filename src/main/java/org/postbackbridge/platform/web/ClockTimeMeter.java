package org.postbackbridge.platform.web;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;

/** Bucket4j's time from the injected {@link Clock}, so tests move rate limits forward by hand. */
public record ClockTimeMeter(Clock clock) implements TimeMeter {

    @Override
    public long currentTimeNanos() {
        return clock.millis() * 1_000_000;
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
