package org.postbackbridge.console.queries;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** When postbacks from partner programs (not the tester's) came, and how many were refused. Read-only. */
@Repository
public class PostbackArrivals {

    /** The latest refused postback's reason, and how many were refused. */
    public record Refused(long count, String latestReason) {
    }

    private final JdbcClient jdbc;

    PostbackArrivals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Instant> first() {
        return receivedAt("ASC");
    }

    public Optional<Instant> last() {
        return receivedAt("DESC");
    }

    public Refused refusedSince(long sinceMillis) {
        long count = jdbc.sql("SELECT COUNT(*) FROM postbacks WHERE status = 'rejected' AND received_at >= ?")
                .param(sinceMillis).query(Long.class).single();
        String reason = count == 0 ? null : jdbc.sql("""
                SELECT reason FROM postbacks WHERE status = 'rejected' AND received_at >= ?
                ORDER BY received_at DESC LIMIT 1""").param(sinceMillis).query(String.class).optional().orElse(null);
        return new Refused(count, reason);
    }

    /** Walks the index on received_at from one end, so it stays quick on millions of rows. */
    private Optional<Instant> receivedAt(String order) {
        return jdbc.sql("SELECT received_at FROM postbacks WHERE status <> 'test' ORDER BY received_at " + order + " LIMIT 1")
                .query(Long.class).optional().map(Instant::ofEpochMilli);
    }
}
