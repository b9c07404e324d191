package org.postbackbridge.platform.database;

import org.postbackbridge.platform.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param url                {@code DATABASE_URL}; empty means SQLite under ./data
 * @param sqliteSynchronous  FULL survives power loss; NORMAL is faster and may lose the last
 *                           commits on power loss (never on a process crash). Opt-in only.
 * @param poolSize           connections; SQLite has one writer at a time whatever this is, and each
 *                           PostgreSQL connection is a server process of several MB
 * @param maxBatch           postbacks committed together by one group commit
 * @param postgresWriters    threads committing postbacks on PostgreSQL, each with a connection of
 *                           its own; SQLite has one writer whatever this is
 * @param sqliteBusyTimeoutMs how long an SQLite writer waits for the write lock before failing
 * @param connectionTimeoutMs how long a request waits for a connection before it is answered 503; a
 *                           database that is down is noticed within it, so answers stay under two seconds
 * @param startupConnectionTimeoutMs the same wait while the service starts: the first SQLite connection
 *                           loads the native library, and a busy machine or a database still coming up
 *                           would otherwise fail the start
 * @param migrationConnectRetries how many times the schema migration at start tries again to reach a
 *                           database that is still coming up, a second apart at first
 */
@ConfigurationProperties("postback-bridge.database")
public record DatabaseProperties(
        @DefaultValue("") String url,
        @DefaultValue("FULL") String sqliteSynchronous,
        @DefaultValue("5") int poolSize,
        @DefaultValue("256") int maxBatch,
        @DefaultValue("2") int postgresWriters,
        @DefaultValue("10000") int sqliteBusyTimeoutMs,
        @DefaultValue("1000") int connectionTimeoutMs,
        @DefaultValue("15000") int startupConnectionTimeoutMs,
        @DefaultValue("3") int migrationConnectRetries) {

    public DatabaseProperties {
        Settings.matches(sqliteSynchronous, "FULL|NORMAL|EXTRA", "SQLITE_SYNCHRONOUS must be FULL, NORMAL or EXTRA");
        Settings.between("postback-bridge.database.pool-size", poolSize, 2, 200);
        Settings.between("postback-bridge.database.max-batch", maxBatch, 1, 10_000);
        Settings.between("postback-bridge.database.postgres-writers", postgresWriters, 1, 16);
        Settings.atLeast("postback-bridge.database.sqlite-busy-timeout-ms", sqliteBusyTimeoutMs, 0);
        Settings.atLeast("postback-bridge.database.connection-timeout-ms", connectionTimeoutMs, 500);
        Settings.atLeast("postback-bridge.database.startup-connection-timeout-ms", startupConnectionTimeoutMs, 500);
        Settings.atLeast("postback-bridge.database.migration-connect-retries", migrationConnectRetries, 0);
    }
}
