package org.postbackbridge.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Safety net for late binding across instances: a postback stored as unmatched while another
 * instance was committing the link for its player is applied here within seconds.
 */
@Component
class UnmatchedSweeper {

    private static final Logger log = LoggerFactory.getLogger(UnmatchedSweeper.class);
    private static final int BATCH = 200;

    private final PostbackHandler handler;

    UnmatchedSweeper(PostbackHandler handler) {
        this.handler = handler;
    }

    @Scheduled(fixedDelayString = "${postback-bridge.postback.unmatched-sweep-ms:5000}")
    void sweep() {
        try {
            int applied = handler.applyUnmatchedButLinked(BATCH);
            if (applied > 0) {
                log.info("Applied {} unmatched postbacks whose player was linked concurrently", applied);
            }
        } catch (RuntimeException e) {
            log.debug("Unmatched sweep skipped: {}", e.toString());
        }
    }
}
