package org.postbackbridge.console.reconcile;

import java.util.List;
import org.postbackbridge.console.ConsoleText;

/**
 * Why the cabinet's file, or one of its rows, cannot be read: a message key of the console with its
 * values, said in the operator's language ({@link #describe}); {@link #getMessage()} is the English.
 * {@code count}, when not null, picks the key's plural form and is its {@code {0}}.
 */
final class CabinetProblem extends IllegalArgumentException {

    private final String key;
    private final Long count;
    private final List<Object> args;

    private CabinetProblem(String english, String key, Long count, Object... args) {
        super(english);
        this.key = key;
        this.count = count;
        this.args = List.of(args);
    }

    static CabinetProblem of(String english, String key, Object... args) {
        return new CabinetProblem(english, key, null, args);
    }

    static CabinetProblem counting(String english, String key, long count, Object... args) {
        return new CabinetProblem(english, key, count, args);
    }

    String describe(ConsoleText text) {
        return count == null ? text.message(key, args.toArray()) : text.plural(key, count, args.toArray());
    }
}
