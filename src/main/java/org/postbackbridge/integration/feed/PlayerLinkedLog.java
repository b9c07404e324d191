package org.postbackbridge.integration.feed;

import java.util.Map;
import org.postbackbridge.attribution.PlayerLinked;
import org.postbackbridge.eventlog.EventLog;
import org.postbackbridge.eventlog.EventsFeed;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Logs a player linked by a claim or an operator, in the linking transaction, so the feed tells it.
 * A player linked by the registration postback's click token is told by that registration.
 */
@Component
class PlayerLinkedLog {

    private final EventLog events;

    PlayerLinkedLog(EventLog events) {
        this.events = events;
    }

    /** Before the listener that applies the player's stored postbacks, so the feed tells the link first. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void linked(PlayerLinked linked) {
        events.log(linked.telegramId(), EventsFeed.PLAYER_LINKED, Map.of("network", linked.network(), "player_id", linked.playerId()));
    }
}
