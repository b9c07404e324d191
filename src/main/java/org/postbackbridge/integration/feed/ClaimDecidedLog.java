package org.postbackbridge.integration.feed;

import java.util.LinkedHashMap;
import java.util.Map;
import org.postbackbridge.attribution.ClaimDecided;
import org.postbackbridge.eventlog.EventLog;
import org.postbackbridge.eventlog.EventsFeed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Logs a claim's decision in the deciding transaction, so the feed (and the webhooks) tell the user's bot. */
@Component
class ClaimDecidedLog {

    private final EventLog events;

    ClaimDecidedLog(EventLog events) {
        this.events = events;
    }

    @EventListener
    void decided(ClaimDecided decided) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("claim_id", decided.claimId());
        details.put("network", decided.network());
        details.put("player_id", decided.playerId());
        details.put("decision", decided.status().value());
        details.put("reason", decided.reason());
        details.put("decided_by", decided.decidedBy() == null ? "policy" : "operator");
        events.log(decided.telegramId(), EventsFeed.CLAIM_DECIDED, details);
    }
}
