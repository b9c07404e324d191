package org.postbackbridge.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.DelegatingPreparedStatement;
import org.apache.commons.dbcp2.PStmtKey;
import org.apache.commons.dbcp2.PoolingConnection;
import org.apache.commons.pool2.impl.GenericKeyedObjectPool;
import org.apache.commons.pool2.impl.GenericKeyedObjectPoolConfig;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Gives each SQLite connection a cache of its prepared statements, so the same SQL is compiled
 * once per connection instead of on every call: neither sqlite-jdbc nor HikariCP caches them, and
 * compiling was a fifth of the group-commit writer's time. The cache is DBCP2's statement pool;
 * HikariCP still pools the connections, and closing a statement returns it to the cache.
 */
final class SqliteStatementCache extends DelegatingDataSource {

    /** Past this many the least recently used idle statements are closed to make room. */
    private static final int STATEMENTS_PER_CONNECTION = 200;

    SqliteStatementCache(DataSource sqlite) {
        super(sqlite);
    }

    @Override
    public Connection getConnection() throws SQLException {
        PoolingConnection connection = new PoolingConnection(obtainTargetDataSource().getConnection());
        GenericKeyedObjectPoolConfig<DelegatingPreparedStatement> config = new GenericKeyedObjectPoolConfig<>();
        config.setMaxTotal(STATEMENTS_PER_CONNECTION);
        config.setMaxTotalPerKey(-1);
        config.setMaxIdlePerKey(1);
        config.setBlockWhenExhausted(false);
        // Registering each cache as an MBean would start the JVM's MBean server, 60 ms of every start; nothing reads it.
        config.setJmxEnabled(false);
        connection.setStatementPool(new GenericKeyedObjectPool<PStmtKey, DelegatingPreparedStatement>(connection, config));
        // Ask the driver every time: after a failed BEGIN its auto-commit state is what SqliteConnectionGuard checks.
        connection.setCacheState(false);
        return connection;
    }
}
