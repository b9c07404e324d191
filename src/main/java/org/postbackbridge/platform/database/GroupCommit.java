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
 * <p>On PostgreSQL a writer waits for the server's answer after every statement, and one writer
 * alone was busy a third of the time at its highest rate. There the work is spread over several
 * writers ({@code writers}), each with its own queue, transaction and connection. A unit given a
 * key always goes to the same writer, so the postbacks of one player are still applied one after
 * another, in the order received; units of different players may commit in parallel, as they
 * already do on two instances sharing the database. A unit without a key goes to the first
 * writer. SQLite, which lets one transaction write at a time, gets one writer.
 *
 * <p>While a batch runs without savepoints, the inserts its units need no answer from (events,
 * messages) are held back and sent together before the commit ({@link HeldInserts}); a second
 * attempt, a savepoint per unit, sends each at once, so a failing insert is refused with its unit.
 *
 * <p>Two writers may wait for each other's locks (two players linked to one user, say). PostgreSQL
 * then fails a statement of one of them, as it would between two instances; that writer's batch is
 * rolled back, which releases its locks, and is run again a savepoint per unit, so the other writer
 * goes on and at most a unit that fails again is refused.
 *
 * <p>A caller waits at most {@code maxWait}: a watchdog fails the units that have waited longer
 * (the writer then skips those still queued). Callers park without a timeout of their own, because
 * a timed park of a virtual thread costs a timer task per request (an eighth of the request
 * threads' CPU in a profile), and the watchdog's one look a second costs nothing per request.
 */
public final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final Duration MAX_WAIT = Duration.ofSeconds(15);

    private final TransactionTemplate batchTransaction;
    private final TransactionTemplate unitSavepoint;
    private final HeldInserts heldInserts;
    private final int maxBatch;
    private final DistributionSummary batchSizes;
    private final Duration maxWait;
    private final List<Writer> writers;
    private final ScheduledExecutorService watchdog;
    private volatile boolean closed;

    /** {@code heldInserts} must be the data source {@code transactions} manages. */
    public GroupCommit(PlatformTransactionManager transactions, HeldInserts heldInserts, int maxBatch, int writers,
                       MeterRegistry meters) {
        this(transactions, heldInserts, maxBatch, writers, MAX_WAIT, meters);
    }

    GroupCommit(PlatformTransactionManager transactions, HeldInserts heldInserts, int maxBatch, int writers,
                Duration maxWait, MeterRegistry meters) {
        this.heldInserts = heldInserts;
        this.batchTransaction = new TransactionTemplate(transactions);
        this.unitSavepoint = new TransactionTemplate(transactions);
        this.unitSavepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.maxBatch = maxBatch;
        this.maxWait = maxWait;
        // Bigger batches are cheaper per unit (one commit, and the pages they share written once).
        this.batchSizes = DistributionSummary.builder("postback_bridge.group_commit.batch_size")
                .description("Units of work committed together").register(meters);
        List<Writer> started = new ArrayList<>(writers);
        for (int i = 0; i < writers; i++) {
            started.add(new Writer(writers == 1 ? "group-commit" : "group-commit-" + (i + 1)));
        }
        this.writers = List.copyOf(started);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("group-commit-watchdog").daemon().factory());
        long look = Math.max(10, Math.min(1000, maxWait.toMillis() / 4));
        watchdog.scheduleWithFixedDelay(this::failOverdueUnits, look, look, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs {@code work} in the first writer's next batch and returns its result once that batch is
     * committed. Exceptions thrown by {@code work} reach the caller unchanged (its writes are undone);
     * a failed or late commit throws {@link StorageUnavailableException}.
     */
    public <T> T execute(Supplier<T> work) {
        return execute(writers.getFirst(), work);
    }

    /**
     * As {@link #execute(Supplier)}, in the batch of the writer that {@code key} belongs to: work
     * with equal keys is run by the same writer, in the order it was handed in.
     */
    public <T> T execute(Object key, Supplier<T> work) {
        return execute(writers.get(Math.floorMod(key.hashCode(), writers.size())), work);
    }

    private <T> T execute(Writer writer, Supplier<T> work) {
        Unit<T> unit = new Unit<>(work, new CompletableFuture<>(), System.nanoTime());
        if (closed) {
            throw new StorageUnavailableException("shutting down", null);
        }
        writer.queue.add(unit);
        try {
            return unit.result.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while waiting for the commit", e);
        }
    }

    /** Units waiting for a writer to take them. */
    int queuedUnits() {
        return writers.stream().mapToInt(writer -> writer.queue.size()).sum();
    }

    /** Commits what is already queued, then stops taking work. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        writers.forEach(writer -> writer.thread.interrupt());
        for (Writer writer : writers) {
            writer.thread.join(maxWait.toMillis());
        }
        watchdog.shutdownNow();
    }

    private void failOverdueUnits() {
        long now = System.nanoTime();
        for (Writer writer : writers) {
            for (Unit<?> unit : writer.queue) {
                unit.failIfOverdue(now, maxWait);
            }
            for (Unit<?> unit : writer.running) {
                unit.failIfOverdue(now, maxWait);
            }
        }
    }

    /** One thread committing the batches of its own queue. */
    private final class Writer {

        final BlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();
        final Thread thread;
        /** The batch being run, for the watchdog. */
        volatile List<Unit<?>> running = List.of();

        Writer(String name) {
            this.thread = Thread.ofPlatform().name(name).daemon().start(this::writeLoop);
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

    /**
     * Runs every unit in the one transaction, holding their inserts back until all have run; the
     * first unit that throws, or an insert that fails when sent, rolls the whole attempt back.
     */
    private void runTogether(List<Unit<?>> batch, Object[] results) {
        try {
            heldInserts.holdingBack(() -> {
                for (int i = 0; i < batch.size(); i++) {
                    results[i] = batch.get(i).work.get();
                }
            });
        } catch (RuntimeException e) {
            throw new UnitFailed(e);
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
