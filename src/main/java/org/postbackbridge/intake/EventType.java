package org.postbackbridge.intake;

import org.postbackbridge.eventlog.UserDeposits;

/** The events a partner program reports, with the event-log type each one is logged under. */
public enum EventType {
    REGISTRATION("registration", "casino_registration"),
    FIRST_DEPOSIT("first_deposit", UserDeposits.EVENT_TYPE),
    DEPOSIT("deposit", UserDeposits.EVENT_TYPE),
    WITHDRAWAL("withdrawal", "casino_withdrawal"),
    WIN("win", "casino_win");

    private final String canonicalName;
    private final String logType;

    EventType(String canonicalName, String logType) {
        this.canonicalName = canonicalName;
        this.logType = logType;
    }

    public String canonicalName() {
        return canonicalName;
    }

    public String logType() {
        return logType;
    }

    public boolean isDeposit() {
        return this == FIRST_DEPOSIT || this == DEPOSIT;
    }

    /**
     * The name idempotency keys use: a first-deposit and a deposit postback for the same
     * transaction are one deposit, so a cabinet configured with both does not count it twice.
     */
    String idempotencyFamily() {
        return isDeposit() ? "deposit" : canonicalName;
    }

    boolean requiresAmount() {
        return this != REGISTRATION;
    }

    static EventType fromCanonicalName(String name) {
        for (EventType type : values()) {
            if (type.canonicalName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown event " + name);
    }
}
