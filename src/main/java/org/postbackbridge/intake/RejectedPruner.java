package org.postbackbridge.intake;

import java.time.Clock;
import java.time.Instant;
import org.postbackbridge.platform.database.GroupCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes refused requests older than {@code REJECTED_RETENTION}: they are kept for the operator to
 * review, not for ever. In batches, so the database is never locked for long.
 */
@Component
class RejectedPruner {

    private static final Logger log = LoggerFactory.getLogger(RejectedPruner.class);
    static final int BATCH = 1000;

    private final PostbackInbox inbox;
    private final GroupCommit groupCommit;
    private final PostbackProperties properties;
    private final Clock clock;

    RejectedPruner(PostbackInbox inbox, GroupCommit groupCommit,
                   PostbackProperties properties, Clock clock) {
        this.inbox = inbox;
        this.groupCommit = groupCommit;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${postback-bridge.postback.prune-interval-ms:600000}",
            fixedDelayString = "${postback-bridge.postback.prune-interval-ms:600000}")
    void scheduledPrune() {
        try {
            int deleted = prune();
            if (deleted > 0) {
                log.info("Deleted {} refused postbacks older than {}", deleted, properties.rejectedRetention());
            }
        } catch (RuntimeException e) {
            // The database may be down; the next run deletes what this one could not.
            log.warn("Pruning refused postbacks failed: {}", e.toString());
        }
    }

    /** Deletes every refused request older than the retention; returns how many. */
    int prune() {
        Instant before = clock.instant().minus(properties.rejectedRetention());
        int total = 0;
        int deleted;
        do {
            deleted = groupCommit.execute(() -> inbox.deleteRejectedBefore(before, BATCH));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
