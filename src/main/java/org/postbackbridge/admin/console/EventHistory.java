package org.postbackbridge.admin.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The events table as the operator reads it, newest first, by type and user. Read-only. */
@Repository
class EventHistory {

    record Entry(long id, Instant createdAt, Long telegramId, String type, String details) {
    }

    /** Blank fields do not filter; {@code user} is a Telegram ID. */
    record Filter(String type, Long user) {
    }

    private final JdbcClient jdbc;

    EventHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Entry> page(Filter filter, int limit) {
        return select(filter, " LIMIT :limit").param("limit", limit).query(EventHistory::map).list();
    }

    void each(Filter filter, Consumer<Entry> consumer) {
        select(filter, "").query(rs -> {
            consumer.accept(map(rs, 0));
        });
    }

    private JdbcClient.StatementSpec select(Filter filter, String tail) {
        boolean byType = filter.type() != null && !filter.type().isBlank();
        String where = byType && filter.user() != null ? " WHERE type = :type AND telegram_id = :user"
                : byType ? " WHERE type = :type"
                : filter.user() != null ? " WHERE telegram_id = :user" : "";
        return jdbc.sql("SELECT id, created_at, telegram_id, type, details FROM events" + where + " ORDER BY id DESC" + tail)
                .param("type", filter.type()).param("user", filter.user());
    }

    private static Entry map(ResultSet rs, int row) throws SQLException {
        long telegramId = rs.getLong("telegram_id");
        return new Entry(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.wasNull() ? null : telegramId, rs.getString("type"), rs.getString("details"));
    }
}
