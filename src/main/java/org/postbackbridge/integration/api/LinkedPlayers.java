package org.postbackbridge.integration.api;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The players a user is linked to, one per network at most. */
@Component
class LinkedPlayers {

    private final JdbcClient jdbc;

    LinkedPlayers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<UserState.LinkedPlayer> of(long telegramId) {
        return jdbc.sql("SELECT network, player_id, linked_by, linked_at FROM players WHERE telegram_id = ? ORDER BY network")
                .param(telegramId)
                .query((rs, row) -> new UserState.LinkedPlayer(rs.getString("network"), rs.getString("player_id"),
                        rs.getString("linked_by").toLowerCase(), Instant.ofEpochMilli(rs.getLong("linked_at"))))
                .list();
    }
}
