package org.postbackbridge.console.queries;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import java.util.function.Consumer;
import org.postbackbridge.intake.StoredParameters;
import org.postbackbridge.intake.Warning;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.postbackbridge.console.PostbackFilter;

/** The postbacks table as the operator reads it: newest first, filtered. Read-only. */
@Repository
public class PostbackLog {

    /**
     * One received request, as stored: parameters with secrets masked, what became of it and why, what
     * it was accepted in spite of, and how often the network sent it ({@code seenCount}, last at
     * {@code lastSeenAt}, null when only once).
     */
    public record Entry(long id, Instant receivedAt, String network, String event, String playerId, String amount,
                 String currency, String transactionId, String clickId, String status, String reason,
                 Long telegramId, String sourceIp, Map<String, String> params, List<Warning> warnings,
                 int seenCount, Instant lastSeenAt) {

        /** Some of its parameters were cut to keep the log bounded. */
        public boolean truncated() {
            return StoredParameters.truncated(params);
        }

        public String subject() {
            return "postback:" + id;
        }
    }

    private static final String COLUMNS = """
            id, received_at, network, event, player_id, amount, currency, transaction_id, click_id, status, reason,
            telegram_id, source_ip, params, warnings, seen_count, last_seen_at""";

    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
    };
    private static final TypeReference<List<Warning>> WARNINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PostbackLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * One page of the entries the filter matches, newest first. Not counted: the table holds every
     * request ever received, and counting it would read all of it for each page.
     */
    public Page<Entry> page(PostbackFilter filter, PageRequest page) {
        return Page.probed(select(filter, "", " LIMIT :limit OFFSET :offset").param("limit", page.sizeWithProbe())
                .param("offset", page.offset()).query(this::map).list(), page);
    }

    /**
     * Every entry the filter matches, newest first, one at a time (for exports). Test postbacks only
     * when the filter asks for status {@code test} or {@code includeTests}.
     */
    public void each(PostbackFilter filter, boolean includeTests, Consumer<Entry> consumer) {
        boolean testsAsked = includeTests || filter.status() != null && !filter.status().isBlank();
        select(filter, testsAsked ? "" : "status <> 'test'", "").query(rs -> {
            consumer.accept(map(rs, 0));
        });
    }

    private JdbcClient.StatementSpec select(PostbackFilter filter, String extraCondition, String tail) {
        PostbackFilter.Where where = filter.where(extraCondition);
        return jdbc.sql("SELECT " + COLUMNS + " FROM postbacks" + where.sql() + " ORDER BY id DESC" + tail)
                .params(where.params());
    }

    private Entry map(ResultSet rs, int row) throws SQLException {
        long telegramId = rs.getLong("telegram_id");
        Long telegram = rs.wasNull() ? null : telegramId;
        String warnings = rs.getString("warnings");
        long lastSeen = rs.getLong("last_seen_at");
        return new Entry(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("received_at")), rs.getString("network"),
                rs.getString("event"), rs.getString("player_id"), rs.getString("amount"), rs.getString("currency"),
                rs.getString("transaction_id"), rs.getString("click_id"), rs.getString("status"),
                rs.getString("reason"), telegram, rs.getString("source_ip"), json.readValue(rs.getString("params"), PARAMS),
                warnings == null ? List.of() : json.readValue(warnings, WARNINGS), rs.getInt("seen_count"),
                lastSeen == 0 ? null : Instant.ofEpochMilli(lastSeen));
    }
}
