package org.postbackbridge.alerts;

import org.postbackbridge.texts.MessageKind;

/** What the operators are alerted about; each is sent at most once an hour. */
enum AlertKind {
    PROCESSING_ERRORS(MessageKind.ALERT_PROCESSING_ERRORS),
    NO_POSTBACKS(MessageKind.ALERT_NO_POSTBACKS),
    UNDEPOSITED_REGISTRATIONS(MessageKind.ALERT_UNDEPOSITED_REGISTRATIONS),
    DEAD_MESSAGES(MessageKind.ALERT_DEAD_MESSAGES),
    ADMIN_TOKEN_GUESSING(MessageKind.ALERT_ADMIN_TOKEN_GUESSING);

    private final MessageKind message;

    AlertKind(MessageKind message) {
        this.message = message;
    }

    MessageKind message() {
        return message;
    }
}
