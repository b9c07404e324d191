package org.postbackbridge.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.postbackbridge.eventlog.EventsFeed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code webhook_endpoints} table. A new endpoint starts at the end of the events feed: it gets
 * what happens from then on (the feed API has the history).
 */
@Component
public class WebhookEndpoints {

    /** An endpoint just added: {@code secret} is shown to the operator this once. */
    public record Created(WebhookEndpoint endpoint, String secret) {

        @Override
        public String toString() {
            return "Created[endpoint=" + endpoint + ", secret=***]";
        }
    }

    private static final String ALL_TYPES = "*";
    private static final String COLUMNS = "id, url, event_types, declared, enabled, disabled_reason, created_at";

    private final JdbcClient jdbc;
    private final EventsFeed feed;
    private final Clock clock;

    WebhookEndpoints(JdbcClient jdbc, EventsFeed feed, Clock clock) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.clock = clock;
    }

    /** Adds an endpoint with a new secret; the URL must have passed {@link EndpointUrlPolicy}. */
    public Created create(String url, List<String> eventTypes) {
        String secret = WebhookSigner.newSecret();
        long id = insert(url, eventTypes, secret, false);
        return new Created(find(id).orElseThrow(), secret);
    }

    /** Adds or updates the endpoint declared in configuration at {@code url}, enabled. */
    void declare(String url, String secret, List<String> eventTypes) {
        int updated = jdbc.sql("""
                UPDATE webhook_endpoints SET event_types = ?, secret = ?, enabled = ?, disabled_reason = NULL
                WHERE url = ? AND declared = ?""")
                .params(types(eventTypes), secret, true, url, true).update();
        if (updated == 0) {
            insert(url, eventTypes, secret, true);
        }
    }

    /** Disables the declared endpoints no longer in configuration; their queue waits in case they come back. */
    void undeclareAllBut(List<String> urls) {
        for (WebhookEndpoint endpoint : all()) {
            if (endpoint.declared() && endpoint.enabled() && !urls.contains(endpoint.url())) {
                setEnabled(endpoint.id(), false, "No longer declared in configuration.");
            }
        }
    }

    public List<WebhookEndpoint> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints ORDER BY id").query(WebhookEndpoints::map).list();
    }

    List<WebhookEndpoint> enabled() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE enabled = ? ORDER BY id")
                .param(true).query(WebhookEndpoints::map).list();
    }

    public boolean anyEnabled() {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_endpoints WHERE enabled = ?").param(true)
                .query(Long.class).single() > 0;
    }

    public Optional<WebhookEndpoint> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE id = ?").param(id)
                .query(WebhookEndpoints::map).optional();
    }

    String secretOf(long id) {
        return jdbc.sql("SELECT secret FROM webhook_endpoints WHERE id = ?").param(id).query(String.class).single();
    }

    String cursorOf(long id) {
        return jdbc.sql("SELECT feed_cursor FROM webhook_endpoints WHERE id = ?").param(id).query(String.class).single();
    }

    void moveCursor(long id, String cursor) {
        jdbc.sql("UPDATE webhook_endpoints SET feed_cursor = ? WHERE id = ?").params(cursor, id).update();
    }

    /** False when the endpoint is unknown. */
    public boolean setEnabled(long id, boolean enabled, String reason) {
        return jdbc.sql("UPDATE webhook_endpoints SET enabled = ?, disabled_reason = ? WHERE id = ?")
                .params(enabled, enabled ? null : reason, id).update() == 1;
    }

    /** Deletes an endpoint added in the console, with its deliveries; false for a declared or unknown one. */
    public boolean delete(long id) {
        if (find(id).filter(endpoint -> !endpoint.declared()).isEmpty()) {
            return false;
        }
        jdbc.sql("DELETE FROM webhook_deliveries WHERE endpoint_id = ?").param(id).update();
        return jdbc.sql("DELETE FROM webhook_endpoints WHERE id = ?").param(id).update() == 1;
    }

    private long insert(String url, List<String> eventTypes, String secret, boolean declared) {
        return jdbc.sql("""
                INSERT INTO webhook_endpoints (url, event_types, secret, declared, enabled, feed_cursor, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(url, types(eventTypes), secret, declared, true, feed.end(), clock.millis())
                .query(Long.class).single();
    }

    private static String types(List<String> eventTypes) {
        return eventTypes.isEmpty() ? ALL_TYPES : String.join(",", eventTypes);
    }

    private static WebhookEndpoint map(ResultSet rs, int row) throws SQLException {
        String types = rs.getString("event_types");
        return new WebhookEndpoint(rs.getLong("id"), rs.getString("url"),
                ALL_TYPES.equals(types) ? List.of() : Arrays.asList(types.split(",")), rs.getBoolean("declared"),
                rs.getBoolean("enabled"), rs.getString("disabled_reason"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
