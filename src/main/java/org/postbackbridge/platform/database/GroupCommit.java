package org.postbackbridge.platform.database;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs units of work from many request threads in shared transactions: one writer thread takes
 * whatever is queued (up to {@code maxBatch}), runs each unit inside its own savepoint, commits
 * once, and only then hands each caller its result. One fsync is shared by the whole batch,
 * which is what makes durable SQLite commits fast; a unit that throws is rolled back to its
 * savepoint alone, and a failed commit fails every unit of the batch.
 *
 * <p>A batch first runs without savepoints, because units almost never throw and each savepoint
 * costs two statements (on PostgreSQL two round trips, as many as the postback's own inserts).
 * Only when a unit throws is that attempt rolled back and the batch run again, a savepoint per
 * unit, so the units that succeed still commit. Units must therefore have no effect outside the
 * transaction: anything to do after the commit is registered as a transaction synchronization.
 *
 * <p>A caller waits at most {@code maxWait}: a watchdog fails the units that have waited longer
 * (the writer then skips those still queued). Callers park without a timeout of their own, because
 * a timed park of a virtual thread costs a timer task per request (an eighth of the request
 * threads' CPU in a profile), and the watchdog's one look a second costs nothing per request.
 */
public final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final Duration MAX_WAIT = Duration.ofSeconds(15);

    private final BlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();
    private final TransactionTemplate batchTransaction;
    private final TransactionTemplate unitSavepoint;
    private final int maxBatch;
    private final DistributionSummary batchSizes;
    private final Duration maxWait;
    private final Thread writer;
    private final ScheduledExecutorService watchdog;
    /** The batch the writer is running, for the watchdog. */
    private volatile List<Unit<?>> running = List.of();
    private volatile boolean closed;

    public GroupCommit(PlatformTransactionManager transactions, int maxBatch, MeterRegistry meters) {
        this(transactions, maxBatch, MAX_WAIT, meters);
    }

    GroupCommit(PlatformTransactionManager transactions, int maxBatch, Duration maxWait, MeterRegistry meters) {
        this.batchTransaction = new TransactionTemplate(transactions);
        this.unitSavepoint = new TransactionTemplate(transactions);
        this.unitSavepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.maxBatch = maxBatch;
        this.maxWait = maxWait;
        // Bigger batches are cheaper per unit (one commit, and the pages they share written once).
        this.batchSizes = DistributionSummary.builder("postback_bridge.group_commit.batch_size")
                .description("Units of work committed together").register(meters);
        this.writer = Thread.ofPlatform().name("group-commit").daemon().start(this::writeLoop);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("group-commit-watchdog").daemon().factory());
        long look = Math.max(10, Math.min(1000, maxWait.toMillis() / 4));
        watchdog.scheduleWithFixedDelay(this::failOverdueUnits, look, look, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs {@code work} in the next batch and returns its result once that batch is committed.
     * Exceptions thrown by {@code work} reach the caller unchanged (its writes are undone);
     * a failed or late commit throws {@link StorageUnavailableException}.
     */
    public <T> T execute(Supplier<T> work) {
        Unit<T> unit = new Unit<>(work, new CompletableFuture<>(), System.nanoTime());
        if (closed) {
            throw new StorageUnavailableException("shutting down", null);
        }
        queue.add(unit);
        try {
            return unit.result.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while waiting for the commit", e);
        }
    }

    /** Units waiting for the writer to take them. */
    int queuedUnits() {
        return queue.size();
    }

    /** Commits what is already queued, then stops taking work. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        writer.interrupt();
        writer.join(maxWait.toMillis());
        watchdog.shutdownNow();
    }

    private void failOverdueUnits() {
        long now = System.nanoTime();
        for (Unit<?> unit : queue) {
            unit.failIfOverdue(now, maxWait);
        }
        for (Unit<?> unit : running) {
            unit.failIfOverdue(now, maxWait);
        }
    }

    private void writeLoop() {
        List<Unit<?>> batch = new ArrayList<>(maxBatch);
        while (true) {
            Unit<?> first;
            try {
                first = closed ? queue.poll() : queue.take();
            } catch (InterruptedException e) {
                first = queue.poll();
            }
            if (first == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            // A caller already told "not committed" must not find its work committed after all.
            batch.removeIf(unit -> unit.result.isDone());
            if (!batch.isEmpty()) {
                running = List.copyOf(batch);
                batchSizes.record(batch.size());
                commit(batch);
                running = List.of();
            }
            batch.clear();
        }
    }

    private void commit(List<Unit<?>> batch) {
        Object[] results = new Object[batch.size()];
        RuntimeException[] failures = new RuntimeException[batch.size()];
        try {
            try {
                batchTransaction.executeWithoutResult(tx -> runTogether(batch, results));
            } catch (UnitFailed e) {
                batchTransaction.executeWithoutResult(tx -> runInSavepoints(batch, results, failures));
            }
        } catch (RuntimeException e) {
            log.warn("Group commit of {} units failed: {}", batch.size(), e.toString());
            StorageUnavailableException failure = new StorageUnavailableException("commit failed", e);
            batch.forEach(unit -> unit.result.completeExceptionally(failure));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).complete(results[i], failures[i]);
        }
    }

    /** Runs every unit in the one transaction; the first that throws rolls the whole attempt back. */
    private static void runTogether(List<Unit<?>> batch, Object[] results) {
        for (int i = 0; i < batch.size(); i++) {
            try {
                results[i] = batch.get(i).work.get();
            } catch (RuntimeException e) {
                throw new UnitFailed(e);
            }
        }
    }

    private void runInSavepoints(List<Unit<?>> batch, Object[] results, RuntimeException[] failures) {
        for (int i = 0; i < batch.size(); i++) {
            Unit<?> unit = batch.get(i);
            try {
                results[i] = unitSavepoint.execute(savepoint -> unit.work.get());
            } catch (RuntimeException e) {
                failures[i] = e;
            }
        }
    }

    /** A unit threw during the attempt without savepoints. */
    private static final class UnitFailed extends RuntimeException {
        UnitFailed(RuntimeException cause) {
            super(cause);
        }
    }

    private record Unit<T>(Supplier<T> work, CompletableFuture<T> result, long queuedAtNanos) {

        void failIfOverdue(long nowNanos, Duration maxWait) {
            if (nowNanos - queuedAtNanos > maxWait.toNanos()) {
                result.completeExceptionally(new StorageUnavailableException(
                        "not committed within " + maxWait.toMillis() + " ms", null));
            }
        }

        @SuppressWarnings("unchecked")
        void complete(Object value, RuntimeException failure) {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete((T) value);
            }
        }
    }
}
