package org.postbackbridge.console.queries;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bot's users as the operator looks them up. Read-only. */
@Repository
public class UserDirectory {

    /** A user with the players linked to them ({@code network:player}, comma-separated). */
    public record UserRow(long telegramId, String username, String firstName, String trafficSource, String players,
                   boolean subscribed, boolean deposited, boolean signalsUnlocked, boolean blocked,
                   Instant createdAt) {
    }

    private static final String SELECT = """
            SELECT u.telegram_id, u.username, u.first_name, u.traffic_source, u.is_subscribed, u.is_deposited,
                   u.signals_unlocked, u.is_blocked, u.created_at,
                   (SELECT STRING_AGG(p.network || ':' || p.player_id, ', ') FROM players p
                    WHERE p.telegram_id = u.telegram_id) AS players
            FROM users u""";

    private final JdbcClient jdbc;

    UserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Users whose Telegram ID or linked player ID is {@code query}, or whose username starts with
     * it (a leading @ is ignored); the newest users when the query is blank.
     */
    public Page<UserRow> search(String query, PageRequest page) {
        List<UserRow> rows = select(query, " LIMIT :limit OFFSET :offset").param("limit", page.size())
                .param("offset", page.offset()).query(UserDirectory::map).list();
        Search search = Search.of(query);
        JdbcClient.StatementSpec count = jdbc.sql("SELECT COUNT(*) FROM users u" + (search == null ? "" : search.condition()));
        return Page.counted(rows, page, (search == null ? count : search.bind(count)).query(Long.class).single());
    }

    /** Every user {@link #search} would find, without a limit, one at a time (for exports). */
    public void each(String query, Consumer<UserRow> consumer) {
        select(query, "").query(rs -> {
            consumer.accept(map(rs, 0));
        });
    }

    private JdbcClient.StatementSpec select(String query, String tail) {
        Search search = Search.of(query);
        JdbcClient.StatementSpec statement = jdbc.sql(SELECT + (search == null ? "" : search.condition())
                + " ORDER BY u.created_at DESC, u.telegram_id DESC" + tail);
        return search == null ? statement : search.bind(statement);
    }

    /** The Telegram ID of the user written as a number or as an @username. */
    public Optional<Long> resolve(String user) {
        String given = user == null ? "" : user.trim();
        if (given.matches("-?\\d{1,18}")) {
            return jdbc.sql("SELECT telegram_id FROM users WHERE telegram_id = ?")
                    .param(Long.parseLong(given)).query(Long.class).optional();
        }
        String username = given.startsWith("@") ? given.substring(1) : given;
        return jdbc.sql("SELECT telegram_id FROM users WHERE LOWER(username) = LOWER(?)")
                .param(username).query(Long.class).optional();
    }

    /** A non-blank query, as the SQL condition that finds it. */
    private record Search(String text, Long number) {

        static Search of(String query) {
            if (query == null || query.isBlank()) {
                return null;
            }
            String text = query.trim();
            return new Search(text, text.matches("-?\\d{1,18}") ? Long.parseLong(text) : null);
        }

        String condition() {
            return " WHERE u.telegram_id = :number OR LOWER(u.username) LIKE :usernamePrefix ESCAPE '\\'"
                    + " OR EXISTS (SELECT 1 FROM players p WHERE p.telegram_id = u.telegram_id AND p.player_id = :text)";
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            String username = text.startsWith("@") ? text.substring(1) : text;
            String escaped = username.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            return statement.param("number", number).param("usernamePrefix", escaped + "%").param("text", text);
        }
    }

    private static UserRow map(ResultSet rs, int row) throws SQLException {
        return new UserRow(rs.getLong("telegram_id"), rs.getString("username"), rs.getString("first_name"),
                rs.getString("traffic_source"), rs.getString("players"), rs.getInt("is_subscribed") == 1,
                rs.getInt("is_deposited") == 1, rs.getInt("signals_unlocked") == 1, rs.getInt("is_blocked") == 1,
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
