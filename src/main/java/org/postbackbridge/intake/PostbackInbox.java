package org.postbackbridge.intake;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postbackbridge.eventlog.DepositTotal;
import org.postbackbridge.platform.Money;
import org.postbackbridge.attribution.PlayerLinks;
import org.postbackbridge.attribution.UnlinkedRegistrations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code postbacks} table: every request received, as sent (secrets masked), with what
 * became of it. The unique idempotency key is what turns a network's retry into a no-op, also
 * between instances sharing one PostgreSQL.
 */
@Repository
public class PostbackInbox implements UnlinkedRegistrations {

    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
    };

    /**
     * Reads only refused rows, through the partial index {@code postbacks_rejected}: its condition is spelled
     * out, not bound, and the rows go by time, since in the order of their IDs SQLite would read the table.
     */
    static final String DELETE_REJECTED = """
            DELETE FROM postbacks WHERE id IN (
                SELECT id FROM postbacks WHERE status = 'rejected' AND received_at < ? ORDER BY received_at LIMIT ?)""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final PostbackProperties properties;

    PostbackInbox(JdbcClient jdbc, JsonMapper json, Clock clock, PostbackProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Stores the postback with {@code status} and its user, if already known; empty when its
     * idempotency key was stored before, in which case the original row counts one more sighting.
     * A postback identified by its content only is a repeat only within the dedupe window.
     */
    Optional<Long> store(PostbackEvent event, Map<String, String> params, String sourceAddress,
                         PostbackStatus status, Long telegramId, List<Warning> warnings) {
        Duration window = properties.dedupeWindow();
        if (event.identifiedByContentOnly() && seenWithinWindow(event, window)) {
            return Optional.empty();
        }
        Money money = event.money();
        String key = event.idempotencyKey(window);
        Optional<Long> id = jdbc.sql("""
                INSERT INTO postbacks (network, event, player_id, amount, currency, transaction_id, click_id, params,
                                       source_ip, idempotency_key, status, telegram_id, event_time, received_at,
                                       warnings)
                VALUES (:network, :event, :player, :amount, :currency, :tx, :click, :params,
                        :ip, :key, :status, :telegramId, :eventTime, :now, :warnings)
                ON CONFLICT DO NOTHING
                RETURNING id""")
                .param("network", event.network())
                .param("event", event.type().canonicalName())
                .param("player", event.playerId())
                .param("amount", money == null ? null : money.plainAmount())
                .param("currency", money == null ? null : money.currency())
                .param("tx", event.transactionId())
                .param("click", event.clickId())
                .param("params", json.writeValueAsString(StoredParameters.bounded(params)))
                .param("ip", sourceAddress)
                .param("key", key)
                .param("status", status.value())
                .param("telegramId", telegramId)
                .param("eventTime", event.eventTime().toEpochMilli())
                .param("now", clock.millis())
                .param("warnings", warnings.isEmpty() ? null : json.writeValueAsString(warnings))
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            seenAgain(key);
        }
        return id;
    }

    /** A repeat of a postback identified by its content that came in the period before, within the window. */
    private boolean seenWithinWindow(PostbackEvent event, Duration window) {
        String previous = event.previousWindowKey(window);
        boolean seen = jdbc.sql("SELECT COUNT(*) FROM postbacks WHERE idempotency_key = ? AND event_time > ?")
                .param(previous).param(event.eventTime().minus(window).toEpochMilli())
                .query(Long.class).single() > 0;
        if (seen) {
            seenAgain(previous);
        }
        return seen;
    }

    private void seenAgain(String idempotencyKey) {
        jdbc.sql("UPDATE postbacks SET seen_count = seen_count + 1, last_seen_at = ? WHERE idempotency_key = ?")
                .param(clock.millis()).param(idempotencyKey)
                .update();
    }

    /**
     * Records a refused request so the operator can see it, with the event and player it named; it
     * changes nothing else. Everything stored is bounded, however large the request.
     */
    void storeRejected(String network, PostbackParser.Identity identity, Map<String, String> params,
                       String sourceAddress, Rejection rejection) {
        long now = clock.millis();
        jdbc.sql("""
                INSERT INTO postbacks (network, event, player_id, params, source_ip, status, reason, event_time,
                                       received_at)
                VALUES (?, ?, ?, ?, ?, 'rejected', ?, ?, ?)""")
                .param(StoredParameters.cut(network, StoredParameters.MAX_NAME))
                .param(StoredParameters.cut(identity.event(), StoredParameters.MAX_NAME))
                .param(StoredParameters.cut(identity.playerId(), StoredParameters.MAX_VALUE))
                .param(json.writeValueAsString(StoredParameters.bounded(params))).param(sourceAddress)
                .param(StoredParameters.cut(rejection.error() + ": " + rejection.message(), StoredParameters.MAX_VALUE))
                .param(now).param(now)
                .update();
    }

    /** Deletes refused requests received before {@code before}, at most {@code limit}; returns how many. */
    int deleteRejectedBefore(Instant before, int limit) {
        return jdbc.sql(DELETE_REJECTED)
                .param(before.toEpochMilli()).param(limit)
                .update();
    }

    /** A refused request as recorded, for a replay; empty when there is no such refused request. */
    Optional<RejectedPostback> rejected(long id) {
        return jdbc.sql("SELECT network, params, source_ip, reason FROM postbacks WHERE id = ? AND status = 'rejected'")
                .param(id)
                .query((rs, n) -> new RejectedPostback(id, rs.getString("network"),
                        json.readValue(rs.getString("params"), STRING_MAP), rs.getString("source_ip"),
                        rs.getString("reason")))
                .optional();
    }

    void markOutcome(long id, PostbackStatus status, Long telegramId, String reason) {
        jdbc.sql("UPDATE postbacks SET status = ?, telegram_id = ?, reason = ? WHERE id = ?")
                .param(status.value()).param(telegramId).param(reason).param(id)
                .update();
    }

    /**
     * Moves an unmatched postback to its applied status; false when someone else (another
     * instance, or the sweeper) already did, so its effects are applied exactly once.
     */
    boolean claimUnmatched(long id, PostbackStatus status, long telegramId) {
        return jdbc.sql("UPDATE postbacks SET status = ?, telegram_id = ?, reason = NULL WHERE id = ? AND status = 'unmatched'")
                .param(status.value()).param(telegramId).param(id)
                .update() == 1;
    }

    /**
     * The postbacks of this player applied to this user wait again as unmatched, with {@code reason};
     * returns how many.
     */
    int unapply(String network, String playerId, long telegramId, String reason) {
        return jdbc.sql("""
                UPDATE postbacks SET status = 'unmatched', telegram_id = NULL, reason = ?
                WHERE network = ? AND player_id = ? AND telegram_id = ? AND status = 'processed'""")
                .param(reason).param(network).param(playerId).param(telegramId)
                .update();
    }

    /** Unmatched postbacks whose player has been linked since (at most {@code limit}), with the user. */
    List<Map.Entry<StoredPostback, Long>> unmatchedButLinked(int limit) {
        String linkedUser = PlayerLinks.linkedTelegramId("p.network", "p.player_id");
        return jdbc.sql("""
                SELECT p.id, p.network, p.event, p.player_id, p.amount, p.currency, p.transaction_id, p.click_id,
                       p.event_time, %1$s AS linked_user
                FROM postbacks p
                WHERE p.status = 'unmatched' AND %1$s IS NOT NULL ORDER BY p.id LIMIT ?""".formatted(linkedUser))
                .param(limit)
                .query((rs, n) -> Map.entry(mapStored(rs, n), rs.getLong("linked_user")))
                .list();
    }

    /** The registration postback stored for this player that waits for its user (a claim may take it). */
    @Override
    public Optional<Registration> find(String network, String playerId) {
        return jdbc.sql("""
                SELECT received_at, click_id FROM postbacks
                WHERE network = ? AND player_id = ? AND event = 'registration' AND status = 'unmatched'
                ORDER BY id LIMIT 1""")
                .param(network).param(playerId)
                .query((rs, n) -> new Registration(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2)))
                .optional();
    }

    /** Postbacks stored for this player while nobody was linked to it. */
    List<StoredPostback> unmatched(String network, String playerId) {
        return jdbc.sql("""
                SELECT id, network, event, player_id, amount, currency, transaction_id, click_id, event_time
                FROM postbacks WHERE network = ? AND player_id = ? AND status = 'unmatched' ORDER BY id""")
                .param(network).param(playerId)
                .query(this::mapStored).list();
    }

    /** Count and sum of applied deposits per currency, for everyone; test postbacks too when {@code includeTests}. */
    public List<DepositTotal> depositTotals(boolean includeTests) {
        return jdbc.sql("""
                SELECT currency, COUNT(*), SUM(CAST(amount AS NUMERIC)) FROM postbacks
                WHERE event IN ('deposit', 'first_deposit') AND status IN ('processed', :test)
                GROUP BY currency ORDER BY currency""")
                .param("test", includeTests ? PostbackStatus.TEST.value() : PostbackStatus.PROCESSED.value())
                .query((rs, n) -> new DepositTotal(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)))
                .list();
    }

    public long count(PostbackStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM postbacks WHERE status = ?")
                .param(status.value()).query(Long.class).single();
    }

    public long count(EventType event, PostbackStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM postbacks WHERE event = ? AND status = ?")
                .param(event.canonicalName()).param(status.value()).query(Long.class).single();
    }

    private StoredPostback mapStored(ResultSet rs, int row) throws SQLException {
        String amount = rs.getString("amount");
        PostbackEvent event = new PostbackEvent(
                rs.getString("network"),
                EventType.fromCanonicalName(rs.getString("event")),
                rs.getString("player_id"),
                amount == null ? null : new Money(new BigDecimal(amount), rs.getString("currency")),
                rs.getString("transaction_id"),
                null,
                null,
                Instant.ofEpochMilli(rs.getLong("event_time")),
                rs.getString("click_id"),
                false);
        return new StoredPostback(rs.getLong("id"), event);
    }
}
