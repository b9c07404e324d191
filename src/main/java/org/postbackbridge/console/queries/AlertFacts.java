package org.postbackbridge.console.queries;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the alert conditions read from the database. Read-only. */
@Repository
public class AlertFacts {

    /** Registrations in a window and how many of their users have not deposited. */
    public record Registrations(long total, long undeposited) {
    }

    private final JdbcClient jdbc;

    AlertFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When the newest postback of any status arrived. */
    public Optional<Instant> lastPostbackAt() {
        return jdbc.sql("SELECT MAX(received_at) FROM postbacks")
                .query((rs, n) -> {
                    long millis = rs.getLong(1);
                    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
                })
                .optional();
    }

    /** Applied registrations between {@code from} and {@code to}, by event time. */
    public Registrations registrations(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT COUNT(*), COALESCE(SUM(CASE WHEN u.is_deposited = 0 THEN 1 ELSE 0 END), 0)
                FROM postbacks p JOIN users u ON u.telegram_id = p.telegram_id
                WHERE p.event = 'registration' AND p.status = 'processed' AND p.event_time >= ? AND p.event_time < ?""")
                .param(from.toEpochMilli()).param(to.toEpochMilli())
                .query((rs, n) -> new Registrations(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    /** Messages given up on since {@code since}, alerts themselves excepted (an alert about them would loop). */
    public long deadMessagesSince(Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE status = 'dead' AND sent_at > ? AND kind NOT LIKE 'alert%'")
                .param(since.toEpochMilli())
                .query(Long.class).single();
    }
}
