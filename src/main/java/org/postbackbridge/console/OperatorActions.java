package org.postbackbridge.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.postbackbridge.console.queries.Page;
import org.postbackbridge.console.queries.PageRequest;
import org.postbackbridge.console.queries.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code operator_actions} table: what operators did by hand in the console, and what came of it. */
@Repository
class OperatorActions {

    /** @param subject what it was done to, e.g. {@code postback:42} */
    record Action(long id, Instant at, String action, String subject, String outcome, String sourceIp) {
    }

    static final String REPLAY_POSTBACK = "replay_postback";
    static final String UNLINK_PLAYER = "unlink_player";
    static final String GRANT_ACCESS = "grant_access";
    static final String REVOKE_ACCESS = "revoke_access";
    static final String RESEND_MESSAGE = "resend_message";
    static final String SEND_MESSAGE = "send_message";
    static final List<String> ACTIONS = List.of(REPLAY_POSTBACK, UNLINK_PLAYER, GRANT_ACCESS, REVOKE_ACCESS,
            RESEND_MESSAGE, SEND_MESSAGE);

    /** Null fields do not filter; the dates are epoch millis, {@code from} inclusive, {@code until} exclusive. */
    record Search(String action, String subject, String sourceIp, Long fromMillis, Long untilMillis) {
    }

    /** The subject of an action on a Telegram user. */
    static String user(long telegramId) {
        return "user:" + telegramId;
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    OperatorActions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String action, String subject, String outcome, String sourceIp) {
        jdbc.sql("INSERT INTO operator_actions (action, subject, outcome, source_ip, created_at) VALUES (?, ?, ?, ?, ?)")
                .param(action).param(subject).param(outcome).param(sourceIp).param(clock.millis())
                .update();
    }

    /** One page of the actions found, newest first; not counted, as the log only grows. */
    Page<Action> page(Search search, PageRequest page) {
        return Page.probed(find(search, page.offset(), page.sizeWithProbe()), page);
    }

    /** Up to {@code limit} actions found, newest first, skipping the first {@code offset}. */
    List<Action> find(Search search, int offset, int limit) {
        return new SqlFilter()
                .where("action = :action", "action", search.action())
                .where("subject = :subject", "subject", search.subject())
                .where("source_ip = :ip", "ip", search.sourceIp())
                .where("created_at >= :from", "from", search.fromMillis())
                .where("created_at < :until", "until", search.untilMillis())
                .apply(jdbc, "SELECT id, created_at, action, subject, outcome, source_ip FROM operator_actions",
                        " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset)
                .query(OperatorActions::map).list();
    }

    /** The actions done to any of {@code subjects}, oldest first. */
    List<Action> on(List<String> subjects) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, created_at, action, subject, outcome, source_ip FROM operator_actions
                WHERE subject IN (:subjects) ORDER BY id""")
                .param("subjects", subjects)
                .query(OperatorActions::map)
                .list();
    }

    private static Action map(ResultSet rs, int row) throws SQLException {
        return new Action(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("action"),
                rs.getString("subject"), rs.getString("outcome"), rs.getString("source_ip"));
    }
}
