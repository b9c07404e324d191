package org.postbackbridge.console.queries;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bot's users grouped by traffic source (their /start payload) or by the day they started, and
 * how far each group got: one GROUP BY over users, one over their deposits. Read-only.
 */
@Repository
public class SourceFigures {

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    public enum Grouping {
        SOURCE("COALESCE(u.traffic_source, '')"),
        /** Days cut at {@code :offset}, the console time zone's offset from UTC. */
        DAY("CAST((u.created_at + :offset) / :day AS TEXT)");

        private final String key;

        Grouping(String key) {
            this.key = key;
        }
    }

    /** A group's users and how many of them subscribed, registered (have a player) and deposited. */
    public record UserCounts(String key, long users, long subscribed, long registered, long firstDeposits) {
    }

    /** A group's applied deposits in one currency. */
    public record DepositSum(String key, String currency, long count, BigDecimal sum) {
    }

    /**
     * Which users: those who started since {@code sinceMillis}, from {@code source} when it is not
     * null ({@code ""} stands for users who came without a payload).
     */
    public record Cohort(Grouping grouping, long sinceMillis, String source, long offsetMillis) {
    }

    private final JdbcClient jdbc;

    SourceFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<UserCounts> users(Cohort cohort) {
        return bind(cohort, """
                SELECT %s AS group_key, COUNT(*), COALESCE(SUM(u.is_subscribed), 0),
                       COALESCE(SUM(CASE WHEN linked.telegram_id IS NULL THEN 0 ELSE 1 END), 0),
                       COALESCE(SUM(u.is_deposited), 0)
                FROM users u
                LEFT JOIN (SELECT DISTINCT telegram_id FROM players) linked ON linked.telegram_id = u.telegram_id
                WHERE %s
                GROUP BY group_key""")
                .query((rs, n) -> new UserCounts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    /** Deposits of the cohort's users, whenever they were made: a group's revenue so far. */
    public List<DepositSum> deposits(Cohort cohort) {
        return bind(cohort, """
                SELECT %s AS group_key, p.currency, COUNT(*), SUM(CAST(p.amount AS NUMERIC))
                FROM users u JOIN postbacks p ON p.telegram_id = u.telegram_id
                WHERE p.event IN ('deposit', 'first_deposit') AND p.status = 'processed' AND %s
                GROUP BY group_key, p.currency""")
                .query((rs, n) -> new DepositSum(rs.getString(1), rs.getString(2), rs.getLong(3),
                        exact(rs.getBigDecimal(4))))
                .list();
    }

    /**
     * SQLite sums decimals as doubles (1500.5, or 0.30000000000000004 for 0.1 + 0.2), PostgreSQL as
     * exact numerics (1500.50): both to at most eight decimals, without trailing zeros.
     */
    private static BigDecimal exact(BigDecimal sum) {
        if (sum == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal rounded = sum.setScale(8, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    private JdbcClient.StatementSpec bind(Cohort cohort, String template) {
        String condition = "u.created_at >= :since"
                + (cohort.source() == null ? "" : " AND COALESCE(u.traffic_source, '') = :source");
        JdbcClient.StatementSpec statement = jdbc.sql(template.formatted(cohort.grouping().key, condition))
                .param("since", cohort.sinceMillis());
        if (cohort.source() != null) {
            statement = statement.param("source", cohort.source());
        }
        if (cohort.grouping() == Grouping.DAY) {
            statement = statement.param("offset", cohort.offsetMillis()).param("day", DAY_MILLIS);
        }
        return statement;
    }
}
