package org.postbackbridge.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code outbox} table. Messages are inserted in the same transaction as the change they
 * report, so a committed change is always followed by its message and a rolled-back one never is;
 * the dedupe key makes a replayed insert a no-op.
 */
@Repository
public class Outbox {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String DRY_RUN = "dry_run";
    public static final String BLOCKED = "blocked";
    public static final String DEAD = "dead";

    private static final String COLUMNS = "id, chat_id, kind, text, buttons, status, attempts";

    private final JdbcClient jdbc;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Queues a message; false when one with this dedupe key was queued before. */
    public boolean enqueue(long chatId, String kind, String text, String buttons, String dedupeKey) {
        long now = clock.millis();
        return jdbc.sql("""
                INSERT INTO outbox (chat_id, kind, text, buttons, status, attempts, next_attempt_at, dedupe_key, created_at)
                VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .param(chatId).param(kind).param(text).param(buttons).param(now).param(dedupeKey).param(now)
                .update() == 1;
    }

    public Optional<Instant> lastEnqueued(long chatId, String kind) {
        return jdbc.sql("SELECT MAX(created_at) FROM outbox WHERE chat_id = ? AND kind = ?")
                .param(chatId).param(kind)
                .query((rs, n) -> {
                    long millis = rs.getLong(1);
                    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
                })
                .optional();
    }

    /** Pending messages whose time has come, oldest first. */
    public List<OutboxMessage> due(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?")
                .param(clock.millis()).param(limit)
                .query(OutboxMessage.class).list();
    }

    public List<OutboxMessage> forChat(long chatId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbox WHERE chat_id = ? ORDER BY id")
                .param(chatId).query(OutboxMessage.class).list();
    }

    /** Marks many messages at once: one write (and one fsync) instead of one per message. */
    public void markDone(List<Long> ids, String status) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE outbox SET status = :status, attempts = attempts + 1, sent_at = :now WHERE id IN (:ids)")
                .param("status", status).param("now", clock.millis()).param("ids", ids)
                .update();
    }

    public long countByStatus(String status) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE status = ?").param(status).query(Long.class).single();
    }
}
