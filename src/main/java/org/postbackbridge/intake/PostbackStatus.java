package org.postbackbridge.intake;

import java.util.Locale;

/** What became of a postback; stored lower-case in {@code postbacks.status} and answered as such. */
public enum PostbackStatus {
    /** Stored, not yet decided (only ever seen inside the transaction that stores it). */
    RECEIVED,
    /** Attributed and applied. */
    PROCESSED,
    /** The network sent it before; nothing was changed. */
    DUPLICATE,
    /** Stored, but no Telegram user is linked to the player yet; applied when one is. */
    UNMATCHED,
    /** Refused (authentication or validation); nothing was changed. */
    REJECTED,
    /** Sent by the operator through /postback/test and run through the real pipeline. */
    TEST;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
