package org.postbackbridge.attribution;

import java.time.Instant;
import java.util.Optional;

/**
 * The registration the network reported for a player that no Telegram user is linked to yet: the
 * proof a typed player ID needs. Implemented where postbacks are stored.
 */
public interface UnlinkedRegistrations {

    /**
     * @param receivedAt when it reached us (our clock, not the network's {@code date})
     * @param clickId    its sub1 as sent; null or blank when it carried none
     */
    record Registration(Instant receivedAt, String clickId) {

        boolean carriesClickId() {
            return clickId != null && !clickId.isBlank();
        }
    }

    /** The oldest unlinked registration stored for this player, if any. */
    Optional<Registration> find(String network, String playerId);
}
