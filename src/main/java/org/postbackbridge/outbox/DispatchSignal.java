package org.postbackbridge.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Wakes a dispatcher's {@link LeaderLoop} when there may be something to send (a message committed,
 * a send finished), so a message leaves within milliseconds instead of at the next poll. The bean is
 * the outbox's; another dispatcher makes one of its own.
 */
@Component
public class DispatchSignal {

    private final Semaphore permits = new Semaphore(0);

    public void wake() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    /** Waits until woken or until {@code timeout} passes. */
    void await(Duration timeout) throws InterruptedException {
        if (permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            permits.drainPermits();
        }
    }
}
