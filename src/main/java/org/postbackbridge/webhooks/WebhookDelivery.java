package org.postbackbridge.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * One message to one endpoint, as the console's delivery log shows it.
 *
 * @param messageId      the {@code webhook-id} header, the same on every attempt
 * @param status         {@code pending}, {@code delivered} or {@code dead}
 * @param lastStatusCode the endpoint's last answer code; null when there was none (no connection, timeout)
 * @param lastLatencyMs  how long the last attempt took
 */
public record WebhookDelivery(long id, long endpointId, String messageId, String eventType, String status, int attempts,
                              Instant nextAttemptAt, Integer lastStatusCode, Long lastLatencyMs, String lastError,
                              Instant createdAt, Instant deliveredAt) {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String DEAD = "dead";
    /** The statuses a message ends in (a dead one changes again only when an operator retries it). */
    static final List<String> ENDED = List.of(DELIVERED, DEAD);
}
