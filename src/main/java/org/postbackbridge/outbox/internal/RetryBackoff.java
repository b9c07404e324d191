package org.postbackbridge.outbox.internal;

import java.time.Duration;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/** How long a message waits after its n-th failed send: doubling from the first delay, with jitter, capped. */
final class RetryBackoff {

    private final ExponentialBackOff policy;

    RetryBackoff(Duration first, Duration max) {
        policy = new ExponentialBackOff(first.toMillis(), 2.0);
        policy.setMaxInterval(max.toMillis());
        policy.setJitter(first.toMillis() / 2);
    }

    Duration afterFailures(int failures) {
        BackOffExecution execution = policy.start();
        long delay = 0;
        for (int i = 0; i < failures; i++) {
            delay = execution.nextBackOff();
        }
        return Duration.ofMillis(Math.max(delay, 0));
    }
}
