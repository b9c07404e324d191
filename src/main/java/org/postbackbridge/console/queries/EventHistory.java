package org.postbackbridge.console.queries;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The events table as the operator reads it, newest first, by type and user. Read-only. */
@Repository
public class EventHistory {

    /** {@code testPostbackId}: the test postback that logged it, null for a real event. */
    public record Entry(long id, Instant createdAt, Long telegramId, String type, String details, Long testPostbackId) {
    }

    /** Blank fields do not filter; {@code user} is a Telegram ID. Events of test postbacks only when {@code includeTest}. */
    public record Filter(String type, Long user, Boolean includeTest) {

        boolean includesTests() {
            return Boolean.TRUE.equals(includeTest);
        }
    }

    private final JdbcClient jdbc;

    EventHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the events the filter matches, newest first; not counted, as the log only grows. */
    public Page<Entry> page(Filter filter, PageRequest page) {
        return Page.probed(select(filter, "SELECT id, created_at, telegram_id, type, details, test_postback_id",
                " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("limit", page.sizeWithProbe()).param("offset", page.offset()).query(EventHistory::map).list(),
                page);
    }

    public void each(Filter filter, Consumer<Entry> consumer) {
        select(filter, "SELECT id, created_at, telegram_id, type, details, test_postback_id", " ORDER BY id DESC")
                .query(rs -> {
            consumer.accept(map(rs, 0));
        });
    }

    private JdbcClient.StatementSpec select(Filter filter, String columns, String tail) {
        List<String> conditions = new ArrayList<>();
        if (filter.type() != null && !filter.type().isBlank()) {
            conditions.add("type = :type");
        }
        if (filter.user() != null) {
            conditions.add("telegram_id = :user");
        }
        if (!filter.includesTests()) {
            conditions.add("test_postback_id IS NULL");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return jdbc.sql(columns + " FROM events" + where + tail)
                .param("type", filter.type()).param("user", filter.user());
    }

    private static Entry map(ResultSet rs, int row) throws SQLException {
        long telegramId = rs.getLong("telegram_id");
        Long user = rs.wasNull() ? null : telegramId;
        long testPostbackId = rs.getLong("test_postback_id");
        Long test = rs.wasNull() ? null : testPostbackId;
        return new Entry(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("created_at")), user, rs.getString("type"),
                rs.getString("details"), test);
    }
}
