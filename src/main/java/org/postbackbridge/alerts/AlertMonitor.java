package org.postbackbridge.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.postbackbridge.console.queries.AlertFacts.Registrations;
import org.postbackbridge.outbox.DispatchLeadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.postbackbridge.console.queries.AlertFacts;

/**
 * Looks at the service every few minutes and alerts the operators when postbacks fail, stop
 * coming, come without deposits, or messages die. Runs on the dispatching instance only.
 */
@Component
class AlertMonitor {

    private static final Logger log = LoggerFactory.getLogger(AlertMonitor.class);
    /** Registrations younger than this are not counted as "without a deposit" yet. */
    private static final Duration TIME_TO_DEPOSIT = Duration.ofDays(1);
    private static final Duration REGISTRATION_WINDOW = Duration.ofDays(7);

    private final AlertFacts facts;
    private final OperatorAlerts alerts;
    private final AlertProperties properties;
    private final MeterRegistry meters;
    private final DispatchLeadership leadership;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Instant startedAt;
    /** Processing errors counted (by this process) up to the last alert about them. */
    private double errorsAlerted;

    AlertMonitor(AlertFacts facts, OperatorAlerts alerts, AlertProperties properties, MeterRegistry meters,
                 DispatchLeadership leadership, TransactionTemplate transaction, Clock clock) {
        this.facts = facts;
        this.alerts = alerts;
        this.properties = properties;
        this.meters = meters;
        this.leadership = leadership;
        this.transaction = transaction;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Scheduled(initialDelayString = "${postback-bridge.alerts.check-interval:5m}",
            fixedDelayString = "${postback-bridge.alerts.check-interval:5m}")
    void scheduledCheck() {
        if (!leadership.isLeader()) {
            return;
        }
        try {
            check();
        } catch (RuntimeException e) {
            // The database may be down; the conditions are looked at again next time.
            log.warn("Alert check failed: {}", e.toString());
        }
    }

    void check() {
        transaction.executeWithoutResult(tx -> {
            processingErrors();
            noPostbacks();
            undepositedRegistrations();
            deadMessages();
        });
    }

    private void processingErrors() {
        double total = meters.find("postback_bridge.postbacks").tag("status", "error").counters().stream()
                .mapToDouble(Counter::count).sum();
        long fresh = Math.round(total - errorsAlerted);
        if (fresh > 0 && alerts.raise(AlertKind.PROCESSING_ERRORS, Map.of("count", fresh))) {
            errorsAlerted = total;
        }
    }

    private void noPostbacks() {
        if (properties.noPostbackHours() == 0) {
            return;
        }
        Instant last = facts.lastPostbackAt().orElse(startedAt);
        Duration quiet = Duration.between(last, clock.instant());
        if (quiet.toHours() >= properties.noPostbackHours()) {
            alerts.raise(AlertKind.NO_POSTBACKS, Map.of("hours", quiet.toHours(), "since", last.toString()));
        }
    }

    private void undepositedRegistrations() {
        if (properties.undepositedRatio() == 0) {
            return;
        }
        Instant until = clock.instant().minus(TIME_TO_DEPOSIT);
        Registrations registrations = facts.registrations(until.minus(REGISTRATION_WINDOW), until);
        if (registrations.total() < properties.undepositedMinimum()) {
            return;
        }
        double ratio = (double) registrations.undeposited() / registrations.total();
        if (ratio >= properties.undepositedRatio()) {
            alerts.raise(AlertKind.UNDEPOSITED_REGISTRATIONS, Map.of("undeposited", registrations.undeposited(),
                    "registrations", registrations.total(), "percent", Math.round(ratio * 100)));
        }
    }

    private void deadMessages() {
        long dead = facts.deadMessagesSince(alerts.lastSent(AlertKind.DEAD_MESSAGES).orElse(Instant.EPOCH));
        if (dead > 0) {
            alerts.raise(AlertKind.DEAD_MESSAGES, Map.of("count", dead));
        }
    }
}
