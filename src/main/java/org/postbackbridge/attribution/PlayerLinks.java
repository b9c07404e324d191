package org.postbackbridge.attribution;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code players} table: which Telegram user a network's player is, unique both ways. */
@Repository
public class PlayerLinks {

    private final JdbcClient jdbc;
    private final Clock clock;

    PlayerLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The Telegram ID linked to a player, or NULL, as an SQL expression for another module's statement:
     * {@code network} and {@code playerId} are parameter markers or that statement's columns. It reads
     * the link without naming this table, and without a round trip of its own.
     */
    public static String linkedTelegramId(String network, String playerId) {
        return "(SELECT l.telegram_id FROM players l WHERE l.network = " + network + " AND l.player_id = " + playerId + ")";
    }

    public Optional<Long> telegramIdOf(String network, String playerId) {
        return jdbc.sql("SELECT telegram_id FROM players WHERE network = ? AND player_id = ?")
                .param(network).param(playerId).query(Long.class).optional();
    }

    public Optional<String> playerIdOf(String network, long telegramId) {
        return jdbc.sql("SELECT player_id FROM players WHERE network = ? AND telegram_id = ?")
                .param(network).param(telegramId).query(String.class).optional();
    }

    /** Who holds this player, and how they came to. */
    public record Link(long telegramId, LinkMethod method) {
    }

    public Optional<Link> linkOf(String network, String playerId) {
        return jdbc.sql("SELECT telegram_id, linked_by FROM players WHERE network = ? AND player_id = ?")
                .param(network).param(playerId)
                .query((rs, n) -> new Link(rs.getLong(1), LinkMethod.valueOf(rs.getString(2).toUpperCase())))
                .optional();
    }

    /** A player a user is linked to. */
    public record LinkedPlayer(String network, String playerId, LinkMethod method, Instant linkedAt) {
    }

    /** The players the user is linked to, one per network at most. */
    public List<LinkedPlayer> linkedTo(long telegramId) {
        return jdbc.sql("SELECT network, player_id, linked_by, linked_at FROM players WHERE telegram_id = ? ORDER BY network")
                .param(telegramId)
                .query((rs, n) -> new LinkedPlayer(rs.getString("network"), rs.getString("player_id"),
                        LinkMethod.valueOf(rs.getString("linked_by").toUpperCase()),
                        Instant.ofEpochMilli(rs.getLong("linked_at"))))
                .list();
    }

    /** Players linked at or after {@code since}, oldest first. */
    List<PlayerLinked> linkedSince(Instant since) {
        return jdbc.sql("SELECT network, player_id, telegram_id FROM players WHERE linked_at >= ? ORDER BY linked_at")
                .param(since.toEpochMilli())
                .query((rs, n) -> new PlayerLinked(rs.getString("network"), rs.getString("player_id"),
                        rs.getLong("telegram_id")))
                .list();
    }

    /** Unlinks the player; false when it was not linked. */
    boolean remove(String network, String playerId) {
        return jdbc.sql("DELETE FROM players WHERE network = ? AND player_id = ?")
                .param(network).param(playerId).update() == 1;
    }

    /** Links them unless the player or the user already has a link on this network; true if linked now. */
    boolean insert(String network, String playerId, long telegramId, LinkMethod method) {
        return jdbc.sql("""
                INSERT INTO players (network, player_id, telegram_id, linked_by, linked_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .param(network).param(playerId).param(telegramId).param(method.name().toLowerCase())
                .param(clock.millis())
                .update() == 1;
    }
}
