package org.postbackbridge.platform.database;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Named locks held until the caller's transaction ends, for work that must not interleave with the
 * same work elsewhere, in this process or on another instance. On PostgreSQL a transaction-level
 * advisory lock (names that hash alike only wait for each other, which is harmless). On SQLite
 * nothing: it has one writer, and the whole service one process.
 */
@Component
public class TransactionLocks {

    private final JdbcClient jdbc;
    private final boolean postgres;

    TransactionLocks(JdbcClient jdbc, DatabaseUrl url) {
        this.jdbc = jdbc;
        this.postgres = url.vendor() == DatabaseUrl.Vendor.POSTGRESQL;
    }

    /** Waits until no other transaction holds {@code name}, then holds it until this one ends. */
    public void lock(String name) {
        if (postgres) {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:name))").param("name", name).query(row -> { });
        }
    }
}
