package org.postbackbridge.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import org.postbackbridge.console.queries.PageRequest;
import org.postbackbridge.console.queries.UserDirectory;

/**
 * What the history pages (messages, operator actions) are searched by, as the form sends it:
 * blank fields do not filter, the user is a Telegram ID or an @username, and the dates are whole
 * days in the console's time zone, {@code to} included. {@code kind} is a message's kind or an
 * action's name; {@code address} is where an operator acted from; {@code page} and {@code size} pick
 * the page of what is found ({@link PageRequest}).
 */
record HistoryFilter(String user, String kind, String status, String address, String from, String to, Integer page,
                     Integer size) {

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The value when {@code known} has it, null when blank, and a 400 otherwise. */
    static String oneOf(String parameter, String value, Collection<String> known) {
        String given = blankToNull(value);
        if (given != null && !known.contains(given)) {
            throw BadFilter.unknown(parameter, given, known);
        }
        return given;
    }

    /** The Telegram ID of the user asked for, null when none is. */
    Long telegramId(UserDirectory users) {
        String given = blankToNull(user);
        if (given == null) {
            return null;
        }
        return users.resolve(given).orElseThrow(() -> new BadFilter("filter.unknown_user", given));
    }

    Long fromMillis(PageFormat format) {
        LocalDate day = day("from", from);
        return day == null ? null : format.startOf(day);
    }

    /** The first moment after the {@code to} day. */
    Long untilMillis(PageFormat format) {
        LocalDate day = day("to", to);
        return day == null ? null : format.startOf(day.plusDays(1));
    }

    PageRequest pageRequest() {
        return PageRequest.of(page, size);
    }

    private static LocalDate day(String parameter, String value) {
        String given = blankToNull(value);
        try {
            return given == null ? null : LocalDate.parse(given);
        } catch (DateTimeParseException e) {
            throw new BadFilter("filter.bad_date", parameter, given);
        }
    }
}
