package org.postbackbridge.console.queries;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.postbackbridge.console.reconcile.Conversion;

/** The conversions we received from a network, each once: applied or waiting (unmatched). Read-only. */
@Repository
public class OurConversions {

    private final JdbcClient jdbc;

    OurConversions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Conversion> between(String network, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT id, player_id, event, amount, event_time FROM postbacks
                WHERE network = ? AND status IN ('processed', 'unmatched') AND event_time BETWEEN ? AND ?
                ORDER BY event_time""")
                .param(network).param(from.toEpochMilli()).param(to.toEpochMilli())
                .query((rs, n) -> {
                    String amount = rs.getString("amount");
                    return new Conversion(rs.getLong("id"), rs.getString("player_id"),
                            Conversion.family(rs.getString("event")), amount == null ? null : new BigDecimal(amount),
                            Instant.ofEpochMilli(rs.getLong("event_time")), false);
                })
                .list();
    }
}
