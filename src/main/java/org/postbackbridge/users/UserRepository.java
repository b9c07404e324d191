package org.postbackbridge.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code users} table. The documented DB methods ({@code get_user_by_casino_id},
 * {@code update_user_casino_id}, …) are here under their Java names, each citing its original.
 */
@Repository
public class UserRepository {

    private static final String COLUMNS = """
            telegram_id, username, first_name, language, click_token, traffic_source, casino_id,
            is_subscribed, is_deposited, signals_unlocked, is_blocked, notifications_muted, created_at""";

    private final JdbcClient jdbc;
    private final Clock clock;

    UserRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Adds the user if new (with the given click token), otherwise refreshes the profile fields;
     * the traffic source is kept from the first /start only.
     */
    public BotUser saveProfile(long telegramId, String username, String firstName, String language,
                               String trafficSource, String newClickToken) {
        long now = clock.millis();
        jdbc.sql("""
                INSERT INTO users (telegram_id, username, first_name, language, click_token, traffic_source,
                                   created_at, updated_at)
                VALUES (:id, :username, :firstName, :language, :token, :source, :now, :now)
                ON CONFLICT (telegram_id) DO UPDATE SET
                    username = excluded.username, first_name = excluded.first_name,
                    language = excluded.language, updated_at = excluded.updated_at,
                    traffic_source = COALESCE(users.traffic_source, excluded.traffic_source)""")
                .param("id", telegramId).param("username", username).param("firstName", firstName)
                .param("language", language).param("token", newClickToken).param("source", trafficSource)
                .param("now", now)
                .update();
        return findById(telegramId).orElseThrow();
    }

    public Optional<BotUser> findById(long telegramId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE telegram_id = ?")
                .param(telegramId).query(UserRepository::map).optional();
    }

    /**
     * The user whose Telegram ID {@code telegramId} gives: an SQL expression, a subquery of another
     * module's table with {@code params} for its markers. That module keeps its SQL, and the caller
     * still reads the user in one statement (the postback's path does so for every postback).
     */
    public Optional<BotUser> findByTelegramIdIn(String telegramId, Object... params) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE telegram_id = " + telegramId)
                .params(params).query(UserRepository::map).optional();
    }

    public Optional<BotUser> findByClickToken(String clickToken) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE click_token = ?")
                .param(clickToken).query(UserRepository::map).optional();
    }

    /** {@code get_user_by_casino_id}: the user linked to this player of the default network. */
    public Optional<BotUser> getUserByCasinoId(String casinoId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE casino_id = ?")
                .param(casinoId).query(UserRepository::map).optional();
    }

    /** {@code update_user_casino_id}: links the user to this player of the default network. */
    public void updateUserCasinoId(long telegramId, String casinoId) {
        update("casino_id = ?", casinoId, telegramId);
    }

    /** {@code update_user_deposited}: sets or clears the deposited flag. */
    public void updateUserDeposited(long telegramId, boolean deposited) {
        update("is_deposited = ?", flag(deposited), telegramId);
    }

    /**
     * Marks the user deposited and opens their access, unless a deposit did so before; true when
     * this call did. One conditional update, so two deposits of one player at once (on two
     * instances sharing PostgreSQL) cannot both be the first: the second waits for the first's row
     * lock, then finds the flag set and changes nothing.
     */
    public boolean markFirstDeposit(long telegramId) {
        return jdbc.sql("UPDATE users SET is_deposited = 1, signals_unlocked = 1, updated_at = ? "
                        + "WHERE telegram_id = ? AND is_deposited = 0")
                .param(clock.millis()).param(telegramId)
                .update() == 1;
    }

    /**
     * Records that the user is told of a win now, unless they were told of one within {@code interval};
     * true when this call did. One conditional update, as {@link #markFirstDeposit}: of two wins applied
     * at once (on two instances sharing PostgreSQL) only one is told.
     */
    public boolean claimWinMessage(long telegramId, Duration interval) {
        long now = clock.millis();
        return jdbc.sql("UPDATE users SET last_win_message_at = ? "
                        + "WHERE telegram_id = ? AND (last_win_message_at IS NULL OR last_win_message_at <= ?)")
                .param(now).param(telegramId).param(now - interval.toMillis())
                .update() == 1;
    }

    public void updateSignalsUnlocked(long telegramId, boolean unlocked) {
        update("signals_unlocked = ?", flag(unlocked), telegramId);
    }

    public void updateSubscribed(long telegramId, boolean subscribed) {
        update("is_subscribed = ?", flag(subscribed), telegramId);
    }

    public void updateBlocked(long telegramId, boolean blocked) {
        update("is_blocked = ?", flag(blocked), telegramId);
    }

    public void updateNotificationsMuted(long telegramId, boolean muted) {
        update("notifications_muted = ?", flag(muted), telegramId);
    }

    /** {@code get_stats}: how many users, subscribed, unlocked and deposited. */
    public Stats getStats() {
        return jdbc.sql("""
                SELECT COUNT(*), COALESCE(SUM(is_subscribed), 0), COALESCE(SUM(signals_unlocked), 0),
                       COALESCE(SUM(is_deposited), 0)
                FROM users""")
                .query((rs, n) -> new Stats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }

    private void update(String assignment, Object value, long telegramId) {
        jdbc.sql("UPDATE users SET " + assignment + ", updated_at = ? WHERE telegram_id = ?")
                .param(value).param(clock.millis()).param(telegramId)
                .update();
    }

    private static int flag(boolean value) {
        return value ? 1 : 0;
    }

    private static BotUser map(ResultSet rs, int row) throws SQLException {
        return new BotUser(
                rs.getLong("telegram_id"),
                rs.getString("username"),
                rs.getString("first_name"),
                rs.getString("language"),
                rs.getString("click_token"),
                rs.getString("traffic_source"),
                rs.getString("casino_id"),
                rs.getInt("is_subscribed") == 1,
                rs.getInt("is_deposited") == 1,
                rs.getInt("signals_unlocked") == 1,
                rs.getInt("is_blocked") == 1,
                rs.getInt("notifications_muted") == 1,
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
