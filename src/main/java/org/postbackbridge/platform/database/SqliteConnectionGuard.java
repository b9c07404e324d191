package org.postbackbridge.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.sqlite.SQLiteConnection;

/**
 * Hands out only SQLite connections in auto-commit mode. When {@code BEGIN IMMEDIATE} fails (the
 * database is locked or unwritable), sqlite-jdbc has already flagged the connection as in a
 * transaction, so every later transaction on it would fail to commit and the service would not
 * recover from the outage without a restart. Such a connection is evicted from the pool instead.
 */
class SqliteConnectionGuard extends DelegatingDataSource {

    private static final Logger log = LoggerFactory.getLogger(SqliteConnectionGuard.class);
    private static final int ATTEMPTS = 5;

    private final HikariDataSource pool;

    SqliteConnectionGuard(HikariDataSource pool) {
        super(pool);
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        for (int attempt = 1; ; attempt++) {
            Connection connection = pool.getConnection();
            if (connection.unwrap(SQLiteConnection.class).getConnectionConfig().isAutoCommit() || attempt == ATTEMPTS) {
                return connection;
            }
            log.warn("Evicting an SQLite connection left outside auto-commit by a failed BEGIN");
            pool.evictConnection(connection);
        }
    }
}
