package org.postbackbridge.eventlog;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.postbackbridge.platform.database.DatabaseUrl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives committed events their place in the feed, in the order they became visible.
 *
 * <p>An event's id is handed out when it is inserted, but on PostgreSQL two transactions commit in
 * any order: a reader that asked for "id after 7" could see 8, and 7 could commit a moment later
 * and never be read. So the feed has its own order: each call numbers the events committed so far
 * that have no position yet, after every earlier number is committed. Only one caller numbers at a
 * time (an advisory lock held for the transaction on PostgreSQL; one lock in this process on SQLite,
 * which runs one instance), so a position, once a reader sees it, has no unseen position before it.
 */
@Component
class FeedPositions {

    private static final long ADVISORY_LOCK = 0x70627266L; // "pbrf": postback-bridge feed
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final boolean postgres;
    private final ReentrantLock local = new ReentrantLock();

    FeedPositions(JdbcClient jdbc, TransactionTemplate transaction, DatabaseUrl database) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.postgres = database.vendor() == DatabaseUrl.Vendor.POSTGRESQL;
    }

    /** Numbers every committed event without a position yet, oldest id first. */
    void assign() {
        local.lock();
        try {
            while (Boolean.TRUE.equals(transaction.execute(tx -> assignBatch()))) {
                // More than one batch waited: go on until none does.
            }
        } finally {
            local.unlock();
        }
    }

    /** True when a whole batch was numbered and more may wait. */
    private boolean assignBatch() {
        if (postgres) {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(ADVISORY_LOCK).query(Object.class).single();
        }
        List<Long> waiting = jdbc.sql("SELECT id FROM events WHERE feed_position IS NULL ORDER BY id LIMIT ?")
                .param(BATCH).query(Long.class).list();
        if (waiting.isEmpty()) {
            return false;
        }
        long last = jdbc.sql("SELECT COALESCE(MAX(feed_position), 0) FROM events").query(Long.class).single();
        for (long id : waiting) {
            jdbc.sql("UPDATE events SET feed_position = ? WHERE id = ?").params(++last, id).update();
        }
        return waiting.size() == BATCH;
    }
}
