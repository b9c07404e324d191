package org.postbackbridge.attribution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code claims} table: player IDs users typed, and what became of each, with the policy's
 * reason and the operator who decided, if one did. Rows are never deleted: they are the record.
 */
@Repository
class ClaimLog {

    private static final String COLUMNS = "id, telegram_id, network, player_id, status, reason, created_at, decided_by, decided_at";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ClaimLog(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    long add(long telegramId, String network, String playerId, ClaimStatus status, String reason) {
        return jdbc.sql("""
                INSERT INTO claims (telegram_id, network, player_id, status, reason, created_at)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .param(telegramId).param(network).param(playerId).param(status.value()).param(reason)
                .param(clock.millis())
                .query(Long.class).single();
    }

    int countSince(long telegramId, Duration window) {
        return jdbc.sql("SELECT COUNT(*) FROM claims WHERE telegram_id = ? AND created_at > ?")
                .param(telegramId).param(clock.millis() - window.toMillis())
                .query(Integer.class).single();
    }

    Optional<Claim> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM claims WHERE id = ?").param(id).query(ClaimLog::map).optional();
    }

    /** Claims of this player in one of {@code statuses}, oldest first. */
    List<Claim> ofPlayer(String network, String playerId, ClaimStatus... statuses) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM claims WHERE network = :network AND player_id = :player"
                        + " AND status IN (:statuses) ORDER BY id")
                .param("network", network).param("player", playerId)
                .param("statuses", Arrays.stream(statuses).map(ClaimStatus::value).toList())
                .query(ClaimLog::map).list();
    }

    /** The claim through which this user holds this player, if a claim linked them. */
    Optional<Claim> linkedClaim(String network, String playerId, long telegramId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM claims WHERE network = ? AND player_id = ? AND telegram_id = ?"
                        + " AND status = 'linked' ORDER BY id DESC LIMIT 1")
                .param(network).param(playerId).param(telegramId)
                .query(ClaimLog::map).optional();
    }

    /** Claims waiting for an operator, oldest first. */
    List<Claim> open() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM claims WHERE status IN ('awaiting_approval', 'contested') ORDER BY id")
                .query(ClaimLog::map).list();
    }

    /** The newest claims whatever became of them, newest first. */
    List<Claim> latest(int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM claims ORDER BY id DESC LIMIT ? OFFSET ?")
                .param(limit).param(offset).query(ClaimLog::map).list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM claims").query(Long.class).single();
    }

    /** A change the policy made by itself; false when the claim had left {@code from} meanwhile. */
    boolean move(long id, ClaimStatus from, ClaimStatus to, String reason) {
        boolean moved = jdbc.sql("UPDATE claims SET status = ?, reason = ? WHERE id = ? AND status = ?")
                .param(to.value()).param(reason).param(id).param(from.value())
                .update() == 1;
        if (moved) {
            announceIfFinal(id, to, reason, null);
        }
        return moved;
    }

    /** An operator's decision on an open claim; false when it was decided already. */
    boolean decide(long id, ClaimStatus to, String reason, String decidedBy) {
        boolean decided = jdbc.sql("""
                UPDATE claims SET status = ?, reason = ?, decided_by = ?, decided_at = ?
                WHERE id = ? AND status IN ('awaiting_approval', 'contested')""")
                .param(to.value()).param(reason).param(decidedBy).param(clock.millis()).param(id)
                .update() == 1;
        if (decided) {
            announceIfFinal(id, to, reason, decidedBy);
        }
        return decided;
    }

    /** Every way a claim ends passes here, so the events feed tells each decision once. */
    private void announceIfFinal(long id, ClaimStatus to, String reason, String decidedBy) {
        if (to == ClaimStatus.LINKED || to == ClaimStatus.REFUSED || to == ClaimStatus.EXPIRED) {
            find(id).ifPresent(claim -> events.publishEvent(new ClaimDecided(id, claim.telegramId(), claim.network(),
                    claim.playerId(), to, reason, decidedBy)));
        }
    }

    private static Claim map(ResultSet rs, int row) throws SQLException {
        long decidedAt = rs.getLong("decided_at");
        Long decided = rs.wasNull() ? null : decidedAt;
        return new Claim(rs.getLong("id"), rs.getLong("telegram_id"), rs.getString("network"), rs.getString("player_id"),
                ClaimStatus.of(rs.getString("status")), rs.getString("reason"),
                Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("decided_by"),
                decided == null ? null : Instant.ofEpochMilli(decided));
    }
}
