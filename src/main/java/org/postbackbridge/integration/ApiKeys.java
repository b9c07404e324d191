package org.postbackbridge.integration;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.postbackbridge.integration.apikeys.ApiKey;
import org.postbackbridge.integration.apikeys.ApiScope;
import org.postbackbridge.platform.secrets.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keys another bot sends as {@code Authorization: Bearer} on {@code /api/v1}. A key is shown once,
 * when created; the table holds its SHA-256 only, so neither the database nor a log can give it back.
 */
@Component
public class ApiKeys {

    /** Every key starts so: the access rules tell a key from the admin token without a lookup. */
    public static final String KEY_PREFIX = "pbb_";
    private static final int SHOWN_PREFIX_LENGTH = KEY_PREFIX.length() + 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key just created: {@code key} is shown to the operator this once. */
    public record Created(ApiKey apiKey, String key) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Created create(String name, ApiScope scope) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String prefix = key.substring(0, SHOWN_PREFIX_LENGTH);
        Instant now = clock.instant();
        long id = jdbc.sql("""
                INSERT INTO api_keys (name, scope, key_hash, prefix, created_at) VALUES (?, ?, ?, ?, ?)
                RETURNING id""")
                .params(name, scope.name(), Secrets.sha256Hex(key), prefix, now.toEpochMilli())
                .query(Long.class).single();
        return new Created(new ApiKey(id, name, scope, prefix, now, null), key);
    }

    /** The key's scope, unless it is unknown or revoked. */
    public Optional<ApiScope> scopeOf(String key) {
        if (key == null || !key.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT scope FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL")
                .param(Secrets.sha256Hex(key)).query(String.class).optional().map(ApiScope::valueOf);
    }

    public List<ApiKey> all() {
        return jdbc.sql("SELECT id, name, scope, prefix, created_at, revoked_at FROM api_keys ORDER BY id DESC")
                .query(ApiKeys::map).list();
    }

    public boolean anyActive() {
        return jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE revoked_at IS NULL").query(Long.class).single() > 0;
    }

    /** Revokes the key; the next request that carries it is refused. False if it was unknown or revoked already. */
    public boolean revoke(long id) {
        return jdbc.sql("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(clock.millis(), id).update() == 1;
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        long revoked = rs.getLong("revoked_at");
        return new ApiKey(rs.getLong("id"), rs.getString("name"), ApiScope.valueOf(rs.getString("scope")),
                rs.getString("prefix"), Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.wasNull() ? null : Instant.ofEpochMilli(revoked));
    }
}
