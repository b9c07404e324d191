package org.postbackbridge.outbox.internal;

import java.time.Clock;
import org.postbackbridge.outbox.Outbox;
import org.postbackbridge.platform.database.GroupCommit;
import org.postbackbridge.platform.database.Pruning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes messages that are no longer pending once they are older than {@code MESSAGE_RETENTION}:
 * every answer the bot gives is a message, and anyone can write to the bot, so the outbox must not
 * keep them for ever.
 */
@Component
class OutboxPruner {

    private static final Logger log = LoggerFactory.getLogger(OutboxPruner.class);

    private final Outbox outbox;
    private final GroupCommit groupCommit;
    private final DeliveryProperties properties;
    private final Clock clock;

    OutboxPruner(Outbox outbox, GroupCommit groupCommit, DeliveryProperties properties, Clock clock) {
        this.outbox = outbox;
        this.groupCommit = groupCommit;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${postback-bridge.telegram.delivery.prune-interval-ms:600000}",
            fixedDelayString = "${postback-bridge.telegram.delivery.prune-interval-ms:600000}")
    void scheduledPrune() {
        Pruning.scheduled(log, "messages to Telegram", properties.retention(), this::prune);
    }

    /** Deletes every finished message queued before the retention; returns how many. */
    int prune() {
        // Read outside the write transaction: it may read many rows the first time.
        long belowId = outbox.firstIdQueuedSince(clock.instant().minus(properties.retention()));
        int total = 0;
        for (String status : Outbox.FINISHED) {
            total += Pruning.inBatches(() -> groupCommit.execute(() -> outbox.deleteFinished(status, belowId, Pruning.BATCH)));
        }
        return total;
    }
}
