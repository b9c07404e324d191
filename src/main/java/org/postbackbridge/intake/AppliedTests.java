package org.postbackbridge.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code applied_tests} table: test postbacks the operator applied for real, each with what its
 * user looked like before, which is what an undo puts back.
 */
@Repository
public class AppliedTests {

    /**
     * @param linkedPlayer the test linked the player (through a click token in sub1); an undo unlinks it
     * @param wasDeposited null when no user was affected
     */
    public record AppliedTest(long postbackId, Long telegramId, String network, String playerId, boolean linkedPlayer,
                              Boolean wasDeposited, Boolean wasUnlocked, String wasCasinoId, Instant appliedAt,
                              Instant undoneAt, String undoneBy) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AppliedTests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(long postbackId, String network, String playerId, Long telegramId, boolean linkedPlayer,
                Boolean wasDeposited, Boolean wasUnlocked, String wasCasinoId) {
        jdbc.sql("""
                INSERT INTO applied_tests (postback_id, telegram_id, network, player_id, linked_player, was_deposited,
                                           was_unlocked, was_casino_id, applied_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(postbackId).param(telegramId).param(network).param(playerId).param(linkedPlayer ? 1 : 0)
                .param(flag(wasDeposited)).param(flag(wasUnlocked)).param(wasCasinoId).param(clock.millis())
                .update();
    }

    Optional<AppliedTest> find(long postbackId) {
        return jdbc.sql("SELECT * FROM applied_tests WHERE postback_id = ?").param(postbackId)
                .query(AppliedTests::map).optional();
    }

    /** Marks it undone; false when it was undone already. */
    boolean markUndone(long postbackId, String operator) {
        return jdbc.sql("UPDATE applied_tests SET undone_at = ?, undone_by = ? WHERE postback_id = ? AND undone_at IS NULL")
                .param(clock.millis()).param(operator).param(postbackId)
                .update() == 1;
    }

    /** The newest applied tests, undone ones included, newest first. */
    public List<AppliedTest> latest(int limit) {
        return jdbc.sql("SELECT * FROM applied_tests ORDER BY postback_id DESC LIMIT ?").param(limit)
                .query(AppliedTests::map).list();
    }

    private static Integer flag(Boolean value) {
        return value == null ? null : value ? 1 : 0;
    }

    private static AppliedTest map(ResultSet rs, int row) throws SQLException {
        long telegramId = rs.getLong("telegram_id");
        Long user = rs.wasNull() ? null : telegramId;
        int deposited = rs.getInt("was_deposited");
        Boolean wasDeposited = rs.wasNull() ? null : deposited == 1;
        int unlocked = rs.getInt("was_unlocked");
        Boolean wasUnlocked = rs.wasNull() ? null : unlocked == 1;
        long undoneAt = rs.getLong("undone_at");
        Instant undone = rs.wasNull() ? null : Instant.ofEpochMilli(undoneAt);
        return new AppliedTest(rs.getLong("postback_id"), user, rs.getString("network"), rs.getString("player_id"),
                rs.getInt("linked_player") == 1, wasDeposited, wasUnlocked, rs.getString("was_casino_id"),
                Instant.ofEpochMilli(rs.getLong("applied_at")), undone, rs.getString("undone_by"));
    }
}
