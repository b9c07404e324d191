package org.postbackbridge.testsupport;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Awaitility waits that look at once and then every 20 ms, instead of first sleeping 100 ms and
 * looking every 100 ms after: a condition already met costs nothing, one met soon is seen soon.
 * Only for conditions that are cheap to check and that nothing but the passing time makes true
 * (a wait that moves a clock on each look would move it faster).
 */
public final class Waits {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

    private Waits() {
    }

    /** Waits at most {@code atMost}, looking first at once. */
    public static ConditionFactory promptly(Duration atMost) {
        return Awaitility.await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(POLL_INTERVAL);
    }
}
