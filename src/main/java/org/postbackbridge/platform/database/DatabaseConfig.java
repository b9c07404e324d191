package org.postbackbridge.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

    @Bean
    DatabaseUrl databaseUrl(DatabaseProperties properties) {
        return DatabaseUrl.parse(properties.url());
    }

    /**
     * What the application uses: the pool, once the schema is migrated; guarded for SQLite (see
     * {@link SqliteConnectionGuard}); on PostgreSQL with connections that hold inserts back for group
     * commit (see {@link HeldInserts}).
     */
    @Bean
    @Primary
    HeldInserts dataSource(HikariDataSource pool, DatabaseUrl url, SchemaMigration migration) {
        return url.vendor() == DatabaseUrl.Vendor.SQLITE
                ? HeldInserts.sentAtOnce(new MigratedDataSource(new SqliteConnectionGuard(pool), migration))
                : new HeldInserts(new MigratedDataSource(pool, migration));
    }

    @Bean
    SchemaMigration schemaMigration(HikariDataSource pool, DatabaseUrl url, DatabaseProperties properties) {
        return SchemaMigration.start(pool, url, properties.migrationConnectRetries());
    }

    @Bean
    HikariDataSource connectionPool(DatabaseUrl url, DatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("db");
        config.setJdbcUrl(url.jdbcUrl());
        config.setMaximumPoolSize(properties.poolSize());
        // Fail requests fast (503) instead of hanging when the database is gone: the wait for a
        // connection, the check of an idle one, and (PostgreSQL) reaching the server are all bounded.
        // The start waits longer; RequestConnectionTimeout shortens the wait once the service is ready.
        config.setConnectionTimeout(Math.max(properties.startupConnectionTimeoutMs(), properties.connectionTimeoutMs()));
        config.setValidationTimeout(Math.max(250, properties.connectionTimeoutMs() / 2));
        config.setInitializationFailTimeout(-1);
        if (url.vendor() == DatabaseUrl.Vendor.SQLITE) {
            createParentFolder(url.sqliteFile());
            SQLiteConfig sqlite = new SQLiteConfig();
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setPragma(SQLiteConfig.Pragma.SYNCHRONOUS, properties.sqliteSynchronous());
            sqlite.setBusyTimeout(properties.sqliteBusyTimeoutMs());
            sqlite.enforceForeignKeys(true);
            // Each postback runs in a savepoint, whose undo journal would otherwise be a temporary
            // file written on every batch (a sixth of the writer's time in a profile).
            sqlite.setTempStore(SQLiteConfig.TempStore.MEMORY);
            // New IDs are read with RETURNING. Left on, sqlite-jdbc compiles and runs an extra
            // "SELECT last_insert_rowid()" after every INSERT: a twelfth of the writer's time in a profile.
            sqlite.setGetGeneratedKeys(false);
            // Writers take the lock at BEGIN, so two writers queue on busy_timeout instead of
            // deadlocking on a read-to-write upgrade (which SQLite answers with SQLITE_BUSY at once).
            sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            SQLiteDataSource file = new SQLiteDataSource(sqlite);
            file.setUrl(url.jdbcUrl());
            // Connections come from here; the JDBC URL above only names the file.
            config.setDataSource(new SqliteStatementCache(file));
        } else {
            config.setUsername(url.username());
            config.setPassword(url.password());
            int seconds = Math.max(1, properties.connectionTimeoutMs() / 1000);
            config.addDataSourceProperty("connectTimeout", seconds);
            config.addDataSourceProperty("loginTimeout", seconds);
        }
        log.info("Database: {}", url);
        return new HikariDataSource(config);
    }

    @Bean
    GroupCommit groupCommit(PlatformTransactionManager transactions, HeldInserts heldInserts,
                            DatabaseProperties properties, DatabaseUrl url, MeterRegistry meters) {
        return new GroupCommit(transactions, heldInserts, properties.maxBatch(), writers(url, properties), meters);
    }

    /**
     * One on SQLite; on PostgreSQL as set, fewer than the pool's connections, since each writer
     * holds one while it commits and requests and the outbox need theirs.
     */
    static int writers(DatabaseUrl url, DatabaseProperties properties) {
        if (url.vendor() != DatabaseUrl.Vendor.POSTGRESQL) {
            return 1;
        }
        if (properties.postgresWriters() >= properties.poolSize()) {
            throw new IllegalStateException("postback-bridge.database.postgres-writers (" + properties.postgresWriters()
                    + ") must be below postback-bridge.database.pool-size (" + properties.poolSize()
                    + "): each writer holds a connection while it commits, and requests need theirs");
        }
        return properties.postgresWriters();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    private static void createParentFolder(Path file) {
        if (file == null || file.toAbsolutePath().getParent() == null) {
            return;
        }
        Path folder = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder for the SQLite file " + file, e);
        }
        // SQLite writes its journal next to the file; without this the start fails deep in Flyway.
        if (!Files.isWritable(folder)) {
            throw new IllegalStateException("The SQLite folder " + folder + " is not writable by the user this "
                    + "service runs as (" + System.getProperty("user.name") + "). Give the folder to that user; "
                    + "for a Docker bind mount: sudo chown 10001:10001 <the host folder>. Or set DATABASE_URL.");
        }
    }
}
