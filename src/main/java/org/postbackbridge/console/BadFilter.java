package org.postbackbridge.console;

import java.util.Collection;

/**
 * A console search asked for something that does not exist (a status, a kind, a user): the page
 * answers 400 and names the problem instead of quietly showing something else.
 */
class BadFilter extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    BadFilter(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    /** An unknown value of {@code parameter}, with the values it may take. */
    static BadFilter unknown(String parameter, String value, Collection<String> known) {
        return new BadFilter("filter.unknown", parameter, value, String.join(", ", known));
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments;
    }
}
