package org.postbackbridge.platform.database;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
 */
@Validated
@ConfigurationProperties("postback-bridge.database")
public record DatabaseProperties(
        @DefaultValue("") String url,
        @DefaultValue("FULL") @Pattern(regexp = "FULL|NORMAL|EXTRA") String sqliteSynchronous,
        @DefaultValue("5") @Min(2) @Max(200) int poolSize,
        @DefaultValue("256") @Min(1) @Max(10_000) int maxBatch,
        @DefaultValue("2") @Min(1) @Max(16) int postgresWriters,
        @DefaultValue("10000") @Min(0) int sqliteBusyTimeoutMs,
        @DefaultValue("1000") @Min(value = 500, message = "set postback-bridge.database.connection-timeout-ms to 500 or more")
        int connectionTimeoutMs,
        @DefaultValue("15000") @Min(500) int startupConnectionTimeoutMs) {
}
