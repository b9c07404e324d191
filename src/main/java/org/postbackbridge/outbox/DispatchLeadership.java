package org.postbackbridge.outbox;

/**
 * Whether this instance is the one that may dispatch the outbox right now. Exactly one instance
 * of a fleet dispatches, so Telegram's global rate limit holds for the fleet.
 */
public interface DispatchLeadership {

    /** True while this instance holds the dispatch lease; cheap enough to ask before every batch. */
    boolean isLeader();
}
