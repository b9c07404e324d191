package org.postbackbridge.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * When a message that failed is tried again: the wait doubles from the first delay, with jitter so
 * endpoints that failed together do not all come back at once, up to a cap; a message is retried for
 * {@code retryFor} after its first attempt (or an operator's retry) and is dead after that.
 */
final class RetrySchedule {

    private final ExponentialBackOff policy;
    private final Duration retryFor;

    RetrySchedule(Duration first, Duration max, Duration retryFor) {
        this.policy = new ExponentialBackOff(first.toMillis(), 2.0);
        policy.setMaxInterval(max.toMillis());
        policy.setJitter(first.toMillis() / 2);
        this.retryFor = retryFor;
    }

    /** The next attempt after {@code failures} failed ones, or empty when the message is dead. */
    Optional<Instant> next(int failures, Instant retryingSince, Instant now) {
        if (!now.isBefore(retryingSince.plus(retryFor))) {
            return Optional.empty();
        }
        BackOffExecution execution = policy.start();
        long delay = 0;
        for (int i = 0; i < failures; i++) {
            delay = execution.nextBackOff();
        }
        return Optional.of(now.plusMillis(Math.max(delay, 0)));
    }
}
