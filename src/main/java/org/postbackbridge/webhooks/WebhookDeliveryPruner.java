package org.postbackbridge.webhooks;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes webhook messages that were delivered or given up on once they are older than
 * {@code MESSAGE_RETENTION}, endpoint by endpoint, in batches, so the database is never locked for long.
 * Pending messages are never deleted.
 */
@Component
class WebhookDeliveryPruner {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryPruner.class);
    static final int BATCH = 1000;

    private final WebhookDeliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookDeliveryPruner(WebhookDeliveries deliveries, WebhookEndpoints endpoints, WebhookProperties properties,
                          Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${postback-bridge.webhooks.prune-interval-ms:600000}",
            fixedDelayString = "${postback-bridge.webhooks.prune-interval-ms:600000}")
    void scheduledPrune() {
        try {
            int deleted = prune();
            if (deleted > 0) {
                log.info("Deleted {} webhook messages queued more than {} ago", deleted, properties.retention());
            }
        } catch (RuntimeException e) {
            // The database may be down; the next run deletes what this one could not.
            log.warn("Pruning webhook messages failed: {}", e.toString());
        }
    }

    /** Deletes every delivered or dead message queued before the retention; returns how many. */
    int prune() {
        long belowId = deliveries.firstIdQueuedSince(clock.instant().minus(properties.retention()));
        int total = 0;
        for (WebhookEndpoint endpoint : endpoints.all()) {
            for (String status : WebhookDelivery.ENDED) {
                int deleted;
                do {
                    deleted = deliveries.deleteEnded(endpoint.id(), status, belowId, BATCH);
                    total += deleted;
                } while (deleted == BATCH);
            }
        }
        return total;
    }
}
