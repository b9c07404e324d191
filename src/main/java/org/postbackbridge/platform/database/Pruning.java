package org.postbackbridge.platform.database;

import java.time.Duration;
import java.util.function.IntSupplier;
import org.slf4j.Logger;

/** What every job that deletes rows past their retention does: delete in batches, and never fail its schedule. */
public final class Pruning {

    /** Rows deleted by one statement: each is its own short write, so the database is never locked for long. */
    public static final int BATCH = 1000;

    private Pruning() {
    }

    /** Runs {@code deleteBatch}, which deletes at most {@link #BATCH} rows and says how many, until a batch comes back short. */
    public static int inBatches(IntSupplier deleteBatch) {
        int total = 0;
        int deleted;
        do {
            deleted = deleteBatch.getAsInt();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    /** One scheduled run of {@code prune}, which deletes {@code what} older than {@code retention} and says how many. */
    public static void scheduled(Logger log, String what, Duration retention, IntSupplier prune) {
        try {
            int deleted = prune.getAsInt();
            if (deleted > 0) {
                log.info("Deleted {} {} older than {}", deleted, what, retention);
            }
        } catch (RuntimeException e) {
            // The database may be down; the next run deletes what this one could not.
            log.warn("Pruning {} failed: {}", what, e.toString());
        }
    }
}
