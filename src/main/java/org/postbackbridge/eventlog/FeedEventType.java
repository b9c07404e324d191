package org.postbackbridge.eventlog;

/** What a feed event says happened, as its {@code type} spells it. */
public enum FeedEventType {
    PLAYER_LINKED,
    REGISTRATION,
    FIRST_DEPOSIT,
    DEPOSIT,
    WITHDRAWAL,
    WIN,
    ACCESS_UNLOCKED,
    CLAIM_DECIDED;

    public String value() {
        return name().toLowerCase();
    }
}
