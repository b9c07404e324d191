package org.postbackbridge.console.queries;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox as the operator reads it: messages of one status, newest first. Read-only. */
@Repository
public class OutboxView {

    record Row(long id, long chatId, String kind, String text, String status, int attempts, String lastError,
               Instant createdAt) {
    }

    record Counts(long pending, long dead, long blocked) {
    }

    private final JdbcClient jdbc;

    OutboxView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<Row> withStatus(String status, PageRequest page) {
        List<Row> rows = jdbc.sql("""
                SELECT id, chat_id, kind, text, status, attempts, last_error, created_at FROM outbox
                WHERE status = ? ORDER BY id DESC LIMIT ? OFFSET ?""")
                .param(status).param(page.size()).param(page.offset())
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("chat_id"), rs.getString("kind"),
                        rs.getString("text"), rs.getString("status"), rs.getInt("attempts"),
                        rs.getString("last_error"), Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list();
        long total = jdbc.sql("SELECT COUNT(*) FROM outbox WHERE status = ?").param(status).query(Long.class).single();
        return Page.counted(rows, page, total);
    }

    public Counts counts() {
        return jdbc.sql("""
                SELECT COALESCE(SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN status = 'dead' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN status = 'blocked' THEN 1 ELSE 0 END), 0)
                FROM outbox WHERE status IN ('pending', 'dead', 'blocked')""")
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }
}
