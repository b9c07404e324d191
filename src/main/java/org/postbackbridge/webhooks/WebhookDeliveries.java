package org.postbackbridge.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code webhook_deliveries} table: each endpoint's queue, oldest first, and its log. An endpoint
 * has at most one message in play, its oldest pending one, so its messages arrive in feed order.
 */
@Component
public class WebhookDeliveries {

    /** What goes out on an attempt. */
    record Message(long id, long endpointId, String messageId, String body, int attempts, Instant retryingSince,
                   Instant nextAttemptAt) {
    }

    /** A message to queue: {@code messageId} is the webhook-id, {@code body} the JSON sent every time. */
    record Queued(String messageId, String eventType, String body) {
    }

    private static final String COLUMNS = """
            id, endpoint_id, message_id, event_type, status, attempts, next_attempt_at, last_status_code,
            last_latency_ms, last_error, created_at, delivered_at""";
    private static final int MAX_ERROR_LENGTH = 300;
    // Through webhook_deliveries_queue (endpoint_id, status, id): the rows to delete, and no others, are read.
    static final String DELETE_ENDED = """
            DELETE FROM webhook_deliveries WHERE id IN (
                SELECT id FROM webhook_deliveries WHERE endpoint_id = ? AND status = ? AND id < ? ORDER BY id LIMIT ?)""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    WebhookDeliveries(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Queues {@code messages} for the endpoint and moves its feed cursor from {@code from} to {@code to},
     * in one transaction: a cursor never passes an event that is not queued. False (and nothing
     * written) when the cursor was no longer {@code from}.
     */
    boolean queue(long endpointId, String from, String to, List<Queued> messages) {
        return Boolean.TRUE.equals(transaction.execute(tx -> {
            int moved = jdbc.sql("UPDATE webhook_endpoints SET feed_cursor = ? WHERE id = ? AND feed_cursor = ?")
                    .params(to, endpointId, from).update();
            if (moved == 0) {
                return false;
            }
            messages.forEach(message -> insert(endpointId, message));
            return true;
        }));
    }

    /** Queues a test message behind the endpoint's others. */
    void queueTest(long endpointId, Queued message) {
        insert(endpointId, message);
    }

    /** The endpoint's oldest pending message, when it is due. */
    Optional<Message> dueHead(long endpointId) {
        return jdbc.sql("""
                SELECT id, endpoint_id, message_id, body, attempts, retrying_since, next_attempt_at FROM webhook_deliveries
                WHERE endpoint_id = ? AND status = ? ORDER BY id LIMIT 1""")
                .params(endpointId, WebhookDelivery.PENDING)
                .query((rs, row) -> new Message(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getString("message_id"),
                        rs.getString("body"), rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("retrying_since")),
                        Instant.ofEpochMilli(rs.getLong("next_attempt_at"))))
                .optional()
                .filter(head -> !head.nextAttemptAt().isAfter(clock.instant()));
    }

    void delivered(long id, int statusCode, long latencyMs) {
        jdbc.sql("""
                UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, last_status_code = ?,
                last_latency_ms = ?, last_error = NULL, delivered_at = ? WHERE id = ? AND status = ?""")
                .params(WebhookDelivery.DELIVERED, statusCode, latencyMs, clock.millis(), id, WebhookDelivery.PENDING)
                .update();
    }

    /** A failed attempt: tried again at {@code nextAttempt}, or dead when that is empty. */
    void failed(long id, Integer statusCode, long latencyMs, String error, Optional<Instant> nextAttempt) {
        jdbc.sql("""
                UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, last_status_code = ?,
                last_latency_ms = ?, last_error = ?, next_attempt_at = ? WHERE id = ? AND status = ?""")
                .params(nextAttempt.isPresent() ? WebhookDelivery.PENDING : WebhookDelivery.DEAD, statusCode, latencyMs,
                        error == null ? null : truncate(error), nextAttempt.orElse(clock.instant()).toEpochMilli(), id,
                        WebhookDelivery.PENDING)
                .update();
    }

    /** Puts a dead message back at its place in its endpoint's queue, due now, with a new retry window. */
    public boolean retry(long endpointId, long id) {
        long now = clock.millis();
        return jdbc.sql("""
                UPDATE webhook_deliveries SET status = ?, next_attempt_at = ?, retrying_since = ?
                WHERE id = ? AND endpoint_id = ? AND status = ?""")
                .params(WebhookDelivery.PENDING, now, now, id, endpointId, WebhookDelivery.DEAD).update() == 1;
    }

    /** The endpoint's latest messages, newest first. */
    public List<WebhookDelivery> latest(long endpointId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY id DESC LIMIT ?")
                .params(endpointId, limit).query(WebhookDeliveries::map).list();
    }

    public long pending(long endpointId) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE endpoint_id = ? AND status = ?")
                .params(endpointId, WebhookDelivery.PENDING).query(Long.class).single();
    }

    /**
     * An ID below which every message was queued before {@code time}, and above which none was (to the
     * clock's precision): messages are numbered in the order they are queued.
     */
    long firstIdQueuedSince(Instant time) {
        return jdbc.sql("SELECT id FROM webhook_deliveries WHERE created_at >= ? ORDER BY id LIMIT 1")
                .param(time.toEpochMilli()).query(Long.class).optional()
                .orElseGet(() -> jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM webhook_deliveries").query(Long.class).single());
    }

    /** Deletes at most {@code limit} of the endpoint's delivered or dead messages with an ID below {@code belowId}. */
    int deleteEnded(long endpointId, String status, long belowId, int limit) {
        if (!WebhookDelivery.ENDED.contains(status)) {
            throw new IllegalArgumentException("not a status a message ends in: " + status);
        }
        return jdbc.sql(DELETE_ENDED).params(endpointId, status, belowId, limit).update();
    }

    private void insert(long endpointId, Queued message) {
        long now = clock.millis();
        jdbc.sql("""
                INSERT INTO webhook_deliveries (endpoint_id, message_id, event_type, body, status, next_attempt_at,
                retrying_since, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (endpoint_id, message_id) DO NOTHING""")
                .params(endpointId, message.messageId(), message.eventType(), message.body(), WebhookDelivery.PENDING,
                        now, now, now)
                .update();
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH) + "…";
    }

    private static WebhookDelivery map(ResultSet rs, int row) throws SQLException {
        return new WebhookDelivery(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getString("message_id"),
                rs.getString("event_type"), rs.getString("status"), rs.getInt("attempts"),
                Instant.ofEpochMilli(rs.getLong("next_attempt_at")),
                rs.getObject("last_status_code") == null ? null : rs.getInt("last_status_code"),
                rs.getObject("last_latency_ms") == null ? null : rs.getLong("last_latency_ms"), rs.getString("last_error"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getObject("delivered_at") == null ? null : Instant.ofEpochMilli(rs.getLong("delivered_at")));
    }
}
