package org.postbackbridge.console.queries;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.postbackbridge.console.Funnel;

/** The dashboard's figures, read across users, players and postbacks. Read-only. */
@Repository
public class DashboardFigures {

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    /** Applied deposits of one day in one currency. */
    public record DepositDay(LocalDate day, String currency, long count, BigDecimal sum) {
    }

    private final JdbcClient jdbc;

    DashboardFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Test postbacks applied for real count only when asked for: then 'test' joins 'processed'. */
    private static String testStatus(boolean includeTests) {
        return includeTests ? "test" : "processed";
    }

    /**
     * Users who started the bot since {@code sinceMillis}, and how many of them got how far; through
     * the subscription step only when the bot is {@code gated}.
     */
    public Funnel funnel(long sinceMillis, boolean gated) {
        return jdbc.sql("""
                SELECT COUNT(*),
                       COALESCE(SUM(is_subscribed), 0),
                       COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM players p WHERE p.telegram_id = u.telegram_id)
                                         THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(is_deposited), 0)
                FROM users u WHERE created_at >= ?""")
                .param(sinceMillis)
                .query((rs, n) -> new Funnel(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        gated))
                .single();
    }

    /**
     * Applied deposits per day and currency since {@code sinceMillis}, by event time. Days are cut
     * at the zone's offset of today, which is exact except across a daylight-saving change.
     */
    public List<DepositDay> depositsPerDay(long sinceMillis, ZoneId zone, long nowMillis, boolean includeTests) {
        long offset = zone.getRules().getOffset(java.time.Instant.ofEpochMilli(nowMillis)).getTotalSeconds() * 1000L;
        return jdbc.sql("""
                SELECT (event_time + :offset) / :day AS day_number, currency, COUNT(*), SUM(CAST(amount AS NUMERIC))
                FROM postbacks
                WHERE event IN ('deposit', 'first_deposit') AND status IN ('processed', :test) AND event_time >= :since
                GROUP BY day_number, currency ORDER BY day_number, currency""")
                .param("offset", offset).param("day", DAY_MILLIS).param("since", sinceMillis)
                .param("test", testStatus(includeTests))
                .query((rs, n) -> new DepositDay(LocalDate.ofEpochDay(rs.getLong(1)), rs.getString(2), rs.getLong(3),
                        rs.getBigDecimal(4)))
                .list();
    }

    /** For each player whose first deposit came since {@code sinceMillis}: how long after registering. */
    public List<Duration> registrationToFirstDeposit(long sinceMillis, boolean includeTests) {
        return jdbc.sql("""
                SELECT d.first_at - r.first_at
                FROM (SELECT telegram_id, MIN(event_time) AS first_at FROM postbacks
                      WHERE event = 'registration' AND status IN ('processed', :test) GROUP BY telegram_id) r
                JOIN (SELECT telegram_id, MIN(event_time) AS first_at FROM postbacks
                      WHERE event IN ('deposit', 'first_deposit') AND status IN ('processed', :test) GROUP BY telegram_id) d
                  ON d.telegram_id = r.telegram_id
                WHERE d.first_at >= :since""")
                .param("since", sinceMillis).param("test", testStatus(includeTests))
                .query((rs, n) -> Duration.ofMillis(Math.max(0, rs.getLong(1))))
                .list();
    }
}
