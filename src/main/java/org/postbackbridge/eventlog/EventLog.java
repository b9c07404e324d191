package org.postbackbridge.eventlog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postbackbridge.platform.database.HeldInserts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The append-only {@code events} table: what happened to whom, as a type and JSON details. */
@Repository
public class EventLog {

    private final JdbcClient jdbc;
    private final HeldInserts heldInserts;
    private final JsonMapper json;
    private final Clock clock;

    EventLog(JdbcClient jdbc, HeldInserts heldInserts, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.heldInserts = heldInserts;
        this.json = json;
        this.clock = clock;
    }

    public void log(Long telegramId, String type, Map<String, ?> details) {
        log(telegramId, type, details, null);
    }

    /** An event of a test postback applied for real when {@code testPostbackId} is set: counted nowhere, undoable. */
    public void log(Long telegramId, String type, Map<String, ?> details, Long testPostbackId) {
        heldInserts.insert("INSERT INTO events (telegram_id, type, details, created_at, test_postback_id) VALUES (?, ?, ?, ?, ?)",
                telegramId, type, json.writeValueAsString(details), clock.millis(), testPostbackId);
    }

    /** Undoes an applied test postback's events; returns how many there were. */
    public int deleteTestEvents(long testPostbackId) {
        return jdbc.sql("DELETE FROM events WHERE test_postback_id = ?").param(testPostbackId).update();
    }

    /** {@code get_last_event(user_id, type)}: the user's newest event of this type. */
    public Optional<LoggedEvent> getLastEvent(long telegramId, String type) {
        return jdbc.sql("""
                SELECT id, telegram_id, type, details, created_at, test_postback_id FROM events
                WHERE telegram_id = ? AND type = ? ORDER BY id DESC LIMIT 1""")
                .param(telegramId).param(type)
                .query(EventLog::map).optional();
    }

    /** All of one user's real events of one type (tests left out), oldest first. */
    public List<LoggedEvent> ofType(long telegramId, String type) {
        return jdbc.sql("""
                SELECT id, telegram_id, type, details, created_at, test_postback_id FROM events
                WHERE telegram_id = ? AND type = ? AND test_postback_id IS NULL ORDER BY id""")
                .param(telegramId).param(type)
                .query(EventLog::map).list();
    }

    /** Real events of this type, tests left out. */
    public long countOfType(String type) {
        return jdbc.sql("SELECT COUNT(*) FROM events WHERE type = ? AND test_postback_id IS NULL")
                .param(type).query(Long.class).single();
    }

    /** The events a test postback logged, oldest first. */
    public List<LoggedEvent> ofTestPostback(long testPostbackId) {
        return jdbc.sql("SELECT id, telegram_id, type, details, created_at, test_postback_id FROM events"
                        + " WHERE test_postback_id = ? ORDER BY id")
                .param(testPostbackId)
                .query(EventLog::map).list();
    }

    public List<LoggedEvent> forUser(long telegramId, int limit) {
        return jdbc.sql("""
                SELECT id, telegram_id, type, details, created_at, test_postback_id FROM events
                WHERE telegram_id = ? ORDER BY id DESC LIMIT ?""")
                .param(telegramId).param(limit)
                .query(EventLog::map).list();
    }

    private static LoggedEvent map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long telegramId = rs.getLong("telegram_id");
        Long user = rs.wasNull() ? null : telegramId;
        long testPostbackId = rs.getLong("test_postback_id");
        Long test = rs.wasNull() ? null : testPostbackId;
        return new LoggedEvent(rs.getLong("id"), user, rs.getString("type"), rs.getString("details"),
                Instant.ofEpochMilli(rs.getLong("created_at")), test);
    }
}
