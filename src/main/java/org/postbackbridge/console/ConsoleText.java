package org.postbackbridge.console;

import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Words of the console that depend on a number: plural forms and durations, in the request's
 * language (amounts and numbers are {@link PageFormat}'s). Pages call it as {@code @consoleText}; controllers for their notices.
 */
@Component("consoleText")
public class ConsoleText {

    private final MessageSource messages;

    ConsoleText(MessageSource messages) {
        this.messages = messages;
    }

    /** A message in the request's language. */
    public String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /**
     * The form of {@code key} that {@code count} takes ({@code key.one}, {@code key.few},
     * {@code key.many} or {@code key.other}, the last where a language has no separate form), with
     * the count as {@code {0}} and {@code args} after it.
     */
    public String plural(String key, long count, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        Object[] all = Stream.concat(Stream.of(count), Stream.of(args)).toArray();
        String form = key + "." + Plurals.of(locale, count).keySuffix();
        try {
            return messages.getMessage(form, all, locale);
        } catch (NoSuchMessageException noSuchForm) {
            return messages.getMessage(key + ".other", all, locale);
        }
    }

    /** "3 d 4 h", "2 h 5 min", "40 s" (or "3 д 4 ч"…); a dash for no duration. */
    public String duration(Duration duration) {
        if (duration == null) {
            return "—";
        }
        if (duration.toDays() > 0) {
            return message("duration.days", duration.toDays(), duration.toHoursPart());
        }
        if (duration.toHours() > 0) {
            return message("duration.hours", duration.toHours(), duration.toMinutesPart());
        }
        if (duration.toMinutes() > 0) {
            return message("duration.minutes", duration.toMinutes());
        }
        return message("duration.seconds", duration.toSeconds());
    }
}
