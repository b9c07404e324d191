package org.postbackbridge.webhooks;

import java.time.Clock;
import org.postbackbridge.platform.database.Pruning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes webhook messages that were delivered or given up on once they are older than
 * {@code MESSAGE_RETENTION}, endpoint by endpoint. Pending messages are never deleted.
 */
@Component
class WebhookDeliveryPruner {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryPruner.class);

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
        Pruning.scheduled(log, "webhook messages", properties.retention(), this::prune);
    }

    /** Deletes every delivered or dead message queued before the retention; returns how many. */
    int prune() {
        long belowId = deliveries.firstIdQueuedSince(clock.instant().minus(properties.retention()));
        int total = 0;
        for (WebhookEndpoint endpoint : endpoints.all()) {
            for (String status : WebhookDelivery.ENDED) {
                total += Pruning.inBatches(() -> deliveries.deleteEnded(endpoint.id(), status, belowId, Pruning.BATCH));
            }
        }
        return total;
    }
}
