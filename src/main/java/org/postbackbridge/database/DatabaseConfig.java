package org.postbackbridge.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

    @Bean
    DatabaseUrl databaseUrl(DatabaseProperties properties) {
        return DatabaseUrl.parse(properties.url());
    }

    /** What the application uses: the pool, guarded for SQLite (see {@link SqliteConnectionGuard}). */
    @Bean
    @Primary
    DataSource dataSource(HikariDataSource pool, DatabaseUrl url) {
        return url.vendor() == DatabaseUrl.Vendor.SQLITE ? new SqliteConnectionGuard(pool) : pool;
    }

    @Bean
    HikariDataSource connectionPool(DatabaseUrl url, DatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("db");
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.username());
        config.setPassword(url.password());
        config.setMaximumPoolSize(properties.poolSize());
        // Fail requests fast (503) instead of hanging when the database is gone.
        config.setConnectionTimeout(properties.connectionTimeoutMs());
        config.setInitializationFailTimeout(-1);
        if (url.vendor() == DatabaseUrl.Vendor.SQLITE) {
            createParentFolder(url.sqliteFile());
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", properties.sqliteSynchronous());
            config.addDataSourceProperty("busy_timeout", String.valueOf(properties.sqliteBusyTimeoutMs()));
            config.addDataSourceProperty("foreign_keys", "true");
            // Each postback runs in a savepoint, whose undo journal would otherwise be a temporary
            // file written on every batch (a sixth of the writer's time in a profile).
            config.addDataSourceProperty("temp_store", "MEMORY");
            // Writers take the lock at BEGIN, so two writers queue on busy_timeout instead of
            // deadlocking on a read-to-write upgrade (which SQLite answers with SQLITE_BUSY at once).
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        }
        log.info("Database: {}", url);
        return new HikariDataSource(config);
    }

    @Bean
    GroupCommit groupCommit(PlatformTransactionManager transactions, DatabaseProperties properties) {
        return new GroupCommit(transactions, properties.maxBatch());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    private static void createParentFolder(Path file) {
        if (file == null || file.toAbsolutePath().getParent() == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder for the SQLite file " + file, e);
        }
    }
}
