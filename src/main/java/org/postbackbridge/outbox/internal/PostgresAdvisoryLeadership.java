package org.postbackbridge.outbox.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.postbackbridge.outbox.DispatchLeadership;

/**
 * Leadership among instances sharing one PostgreSQL: a session-level advisory lock held on a
 * connection of its own. If this instance dies or its connection breaks, PostgreSQL releases the
 * lock and the next instance that asks becomes the dispatcher.
 */
final class PostgresAdvisoryLeadership implements DispatchLeadership, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresAdvisoryLeadership.class);
    /** Any constant all instances agree on; these are the bytes of "pbbridge". */
    static final long LOCK_KEY = 0x7062627269646765L;

    private final DataSource dataSource;
    private Connection connection;
    private boolean leader;

    PostgresAdvisoryLeadership(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized boolean isLeader() {
        try {
            if (connection == null || !connection.isValid(2)) {
                release();
                connection = dataSource.getConnection();
            }
            if (!leader) {
                leader = tryLock();
                if (leader) {
                    log.info("This instance now dispatches the outbox");
                }
            }
        } catch (SQLException e) {
            if (leader) {
                log.warn("Lost the dispatch lease: {}", e.toString());
            }
            release();
        }
        return leader;
    }

    @Override
    public synchronized void close() {
        release();
    }

    private boolean tryLock() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
            return result.next() && result.getBoolean(1);
        }
    }

    /**
     * Unlocks before the connection goes back to the pool, where its session (and so the lock)
     * would otherwise live on. A broken connection has lost its session and the lock with it; the
     * pool discards it on its fatal error.
     */
    private void release() {
        if (connection != null) {
            try (Connection held = connection; Statement statement = held.createStatement()) {
                if (leader) {
                    statement.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
                }
            } catch (SQLException e) {
                log.debug("Dispatch lease connection was already gone: {}", e.toString());
            }
            connection = null;
        }
        leader = false;
    }
}
