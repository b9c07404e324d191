package org.postbackbridge.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Safety net for late binding across instances: a postback stored as unmatched while another
 * instance was committing the link for its player is applied here within seconds.
 *
 * <p>The first sweep after a start reads every unmatched postback, since the race may have come
 * just before a crash. Later sweeps read only the players linked since the previous sweep began,
 * less {@link #OVERLAP}: unmatched postbacks pile up over months (players who never come to the
 * bot), and reading them all every few seconds would keep a small server busy for nothing.
 */
@Component
class UnmatchedSweeper {

    private static final Logger log = LoggerFactory.getLogger(UnmatchedSweeper.class);
    private static final int BATCH = 200;
    /**
     * A link is stamped before its transaction commits, by the clock of the instance that made it:
     * this covers a slow commit and clocks a few minutes apart. Every instance sweeps, each also
     * covering the links made on its own clock.
     */
    static final Duration OVERLAP = Duration.ofMinutes(5);

    private final PostbackHandler handler;
    private final Clock clock;
    /** When the last complete sweep began; null until the first one has read every unmatched postback. */
    private Instant lastSweepStarted;

    UnmatchedSweeper(PostbackHandler handler, Clock clock) {
        this.handler = handler;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${postback-bridge.postback.unmatched-sweep-ms:5000}")
    void sweep() {
        Instant started = clock.instant();
        try {
            int applied = lastSweepStarted == null ? applyAllWaiting()
                    : handler.applyUnmatchedOfPlayersLinkedSince(lastSweepStarted.minus(OVERLAP));
            lastSweepStarted = started;
            if (applied > 0) {
                log.info("Applied {} unmatched postbacks whose player was linked concurrently", applied);
            }
        } catch (RuntimeException e) {
            log.debug("Unmatched sweep skipped: {}", e.toString());
        }
    }

    private int applyAllWaiting() {
        int applied = 0;
        int batch;
        do {
            batch = handler.applyUnmatchedButLinked(BATCH);
            applied += batch;
        } while (batch == BATCH);
        return applied;
    }
}
