package org.postbackbridge.console;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code operator_actions} table: what operators did by hand in the console, and what came of it. */
@Repository
class OperatorActions {

    /** @param subject what it was done to, e.g. {@code postback:42} */
    record Action(long id, Instant at, String action, String subject, String outcome, String sourceIp) {
    }

    static final String REPLAY_POSTBACK = "replay_postback";

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

    /** The actions done to any of {@code subjects}, oldest first. */
    List<Action> on(List<String> subjects) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, created_at, action, subject, outcome, source_ip FROM operator_actions
                WHERE subject IN (:subjects) ORDER BY id""")
                .param("subjects", subjects)
                .query((rs, n) -> new Action(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("created_at")),
                        rs.getString("action"), rs.getString("subject"), rs.getString("outcome"),
                        rs.getString("source_ip")))
                .list();
    }
}
