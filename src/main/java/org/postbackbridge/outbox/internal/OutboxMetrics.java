package org.postbackbridge.outbox.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.postbackbridge.outbox.Outbox;

/**
 * The outbox as the operator watches it: {@code postback_bridge_outbox_messages{status}} for pending
 * and dead messages and {@code postback_bridge_outbox_oldest_pending_age_seconds}. Read from the
 * database at each scrape, so every instance of a fleet reports the same figures.
 */
@Component
class OutboxMetrics {

    OutboxMetrics(Outbox outbox, MeterRegistry meters, Clock clock) {
        for (String status : new String[] {Outbox.PENDING, Outbox.DEAD}) {
            Gauge.builder("postback_bridge.outbox.messages", () -> outbox.countByStatus(status))
                    .tag("status", status).register(meters);
        }
        Gauge.builder("postback_bridge.outbox.oldest_pending_age", () -> outbox.oldestPendingCreatedAt()
                        .map(created -> (clock.millis() - created.toEpochMilli()) / 1000.0).orElse(0.0))
                .baseUnit("seconds").register(meters);
    }
}
