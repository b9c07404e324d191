package org.postbackbridge.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.postbackbridge.console.auth.AdminTokenGuessing;
import org.postbackbridge.outbox.Notifier;
import org.postbackbridge.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends an alert to the operator chats unless one of its kind went out within the hour. The last
 * one is read from the outbox, so the hour holds across restarts and for the whole fleet (only the
 * dispatching instance checks); each alert is also logged, for operators without a chat.
 */
@Component
class OperatorAlerts {

    static final Duration MIN_GAP = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(OperatorAlerts.class);

    private final Notifier notifier;
    private final Outbox outbox;
    private final Clock clock;
    private final Map<AlertKind, Instant> lastRaised = new EnumMap<>(AlertKind.class);

    OperatorAlerts(Notifier notifier, Outbox outbox, Clock clock) {
        this.notifier = notifier;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** When an alert of this kind was last queued. */
    Optional<Instant> lastSent(AlertKind kind) {
        return outbox.lastAlertEnqueued(kind.message().key());
    }

    @EventListener
    void adminTokenGuessing(AdminTokenGuessing guessing) {
        raise(AlertKind.ADMIN_TOKEN_GUESSING, Map.of("per_minute", guessing.perMinute(),
                "until", guessing.refusedUntil().toString()));
    }

    /** Queues the alert unless one of its kind is less than an hour old; true if it was queued. */
    synchronized boolean raise(AlertKind kind, Map<String, ?> values) {
        Instant now = clock.instant();
        Instant last = lastSent(kind).orElse(lastRaised.get(kind));
        if (last != null && last.isAfter(now.minus(MIN_GAP))) {
            return false;
        }
        log.warn("Alert {}: {}", kind, values);
        notifier.toOperators(kind.message(), values, "alert:" + kind.name() + ":" + now.toEpochMilli());
        lastRaised.put(kind, now);
        return true;
    }
}
