package org.postbackbridge.platform;

import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;

/**
 * Checks a setting as it is bound: a value that cannot work stops the start, with a message that names
 * the setting and what it takes. Plain checks in the settings' constructors, rather than Bean
 * Validation, whose validator took about 0.25 s of every start (docs/BENCHMARKS.md).
 */
public final class Settings {

    private Settings() {
    }

    public static void between(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + value);
        }
    }

    public static void between(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + value);
        }
    }

    public static void atLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be " + min + " or more, not " + value);
        }
    }

    /** {@code value} is {@code min} or longer; {@code min} is written as the setting takes it: 1s, 1h, 1d. */
    public static void atLeast(String name, Duration value, String min) {
        if (value.compareTo(DurationStyle.detectAndParse(min)) < 0) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", not " + value);
        }
    }

    /** {@code value} matches {@code regex} whole, or the start stops with {@code message}. */
    public static void matches(String value, String regex, String message) {
        if (value == null || !Pattern.matches(regex, value)) {
            throw new IllegalArgumentException(message);
        }
    }

    public static void present(String name, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new IllegalArgumentException(name + " must be set");
        }
    }
}
