package org.postbackbridge.attribution;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code claims} table: player IDs users typed, and what became of each. */
@Repository
class ClaimLog {

    static final String PENDING = "pending";
    static final String LINKED = "linked";
    static final String REFUSED = "refused";

    record PendingClaim(long id, long telegramId) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ClaimLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long add(long telegramId, String network, String playerId) {
        return jdbc.sql("""
                INSERT INTO claims (telegram_id, network, player_id, status, created_at)
                VALUES (?, ?, ?, 'pending', ?) RETURNING id""")
                .param(telegramId).param(network).param(playerId).param(clock.millis())
                .query(Long.class).single();
    }

    int countSince(long telegramId, Duration window) {
        return jdbc.sql("SELECT COUNT(*) FROM claims WHERE telegram_id = ? AND created_at > ?")
                .param(telegramId).param(clock.millis() - window.toMillis())
                .query(Integer.class).single();
    }

    /** Claims of this player still waiting for its registration, oldest first. */
    List<PendingClaim> pendingFor(String network, String playerId) {
        return jdbc.sql("SELECT id, telegram_id FROM claims WHERE network = ? AND player_id = ? AND status = 'pending' ORDER BY id")
                .param(network).param(playerId)
                .query(PendingClaim.class).list();
    }

    void finish(long id, String status) {
        jdbc.sql("UPDATE claims SET status = ? WHERE id = ?").param(status).param(id).update();
    }
}
