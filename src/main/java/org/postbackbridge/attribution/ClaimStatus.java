package org.postbackbridge.attribution;

import java.util.Locale;

/** What became of a claim; stored lower-case in {@code claims.status}. */
public enum ClaimStatus {
    /** Waits for the player's registration, at most {@link Claims#REGISTRATION_GRACE}. */
    PENDING,
    /** Waits for an operator. */
    AWAITING_APPROVAL,
    /** Two or more users claim the player; an operator decides, and the player's effects wait. */
    CONTESTED,
    LINKED,
    REFUSED,
    /** The registration did not arrive in time. */
    EXPIRED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ClaimStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Waits for an operator's decision. */
    public boolean open() {
        return this == AWAITING_APPROVAL || this == CONTESTED;
    }
}
