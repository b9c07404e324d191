package org.postbackbridge.intake;

import java.time.Clock;
import java.time.Instant;
import org.postbackbridge.platform.database.GroupCommit;
import org.postbackbridge.platform.database.Pruning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes refused requests older than {@code REJECTED_RETENTION}: they are kept for the operator to
 * review, not for ever.
 */
@Component
class RejectedPruner {

    private static final Logger log = LoggerFactory.getLogger(RejectedPruner.class);

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
        Pruning.scheduled(log, "refused postbacks", properties.rejectedRetention(), this::prune);
    }

    /** Deletes every refused request older than the retention; returns how many. */
    int prune() {
        Instant before = clock.instant().minus(properties.rejectedRetention());
        return Pruning.inBatches(() -> groupCommit.execute(() -> inbox.deleteRejectedBefore(before, Pruning.BATCH)));
    }
}
