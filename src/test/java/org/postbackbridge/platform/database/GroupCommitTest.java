package org.postbackbridge.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.TestDatabase;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** On the database the build tests (SQLite, then PostgreSQL), where a failed statement ends the transaction. */
@Tag("integration")
class GroupCommitTest {

    SingleConnectionDataSource connection;
    HeldInserts dataSource;
    JdbcClient jdbc;
    GroupCommit groupCommit;
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    AtomicInteger savepointsTaken = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        DatabaseUrl url = DatabaseUrl.parse(TestDatabase.freshUrl());
        Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.username(), url.password());
        this.connection = new SingleConnectionDataSource(countingSavepoints(connection), true);
        dataSource = new HeldInserts(this.connection);
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE items (name TEXT PRIMARY KEY)").update();
        groupCommit = new GroupCommit(new DataSourceTransactionManager(dataSource), dataSource, 64, 1, meters);
    }

    @AfterEach
    void tearDown() throws Exception {
        groupCommit.close();
        connection.destroy();
    }

    @Test
    void aFailingUnitIsUndoneAloneWhileItsBatchCommits() throws Exception {
        List<CompletableFuture<Integer>> batch = inOneBatch(List.of("a", "b", "boom", "c"));

        assertThat(batch.get(0).join()).isEqualTo(1);
        assertThat(batch.get(1).join()).isEqualTo(1);
        assertThat(batch.get(3).join()).isEqualTo(1);
        assertThatThrownBy(() -> batch.get(2).join()).hasRootCauseMessage("unit failed after writing");
        assertThat(jdbc.sql("SELECT name FROM items ORDER BY name").query(String.class).list())
                .containsExactly("a", "b", "c", "first");
        assertThat(meters.get("postback_bridge.group_commit.batch_size").summary().totalAmount())
                .as("units run, over all batches").isEqualTo(5);
        assertThat(savepointsTaken).as("the batch ran again, a savepoint per unit").hasValue(4);
    }

    @Test
    void aUnitWhoseStatementFailsIsUndoneAloneWhileItsBatchCommits() throws Exception {
        // "first" is taken by the unit that holds the writer: inserting it again breaks the key.
        List<CompletableFuture<Integer>> batch = inOneBatch(List.of("a", "first", "c"));

        assertThat(batch.get(0).join()).isEqualTo(1);
        assertThatThrownBy(() -> batch.get(1).join()).hasCauseInstanceOf(DataAccessException.class);
        assertThat(batch.get(2).join()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT name FROM items ORDER BY name").query(String.class).list())
                .containsExactly("a", "c", "first");
    }

    @Test
    void aBatchHoldsItsUnitsInsertsBackAndSendsThemBeforeItCommits() {
        int heldInUnit = groupCommit.execute(() -> {
            insertHeldBack("a");
            return dataSource.heldCount();
        });

        assertThat(heldInUnit).isEqualTo(1);
        assertThat(jdbc.sql("SELECT name FROM items").query(String.class).list()).containsExactly("a");
    }

    @Test
    void anInsertHeldBackThatFailsWhenSentIsRefusedWithItsUnitAlone() throws Exception {
        // Held back, the duplicate of "first" fails only when the batch sends its inserts.
        List<CompletableFuture<Integer>> batch = inOneBatch(List.of("a", "first", "c"), this::insertHeldBack);

        assertThat(batch.get(0).join()).isEqualTo(1);
        assertThatThrownBy(() -> batch.get(1).join()).hasCauseInstanceOf(DataAccessException.class);
        assertThat(batch.get(2).join()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT name FROM items ORDER BY name").query(String.class).list())
                .containsExactly("a", "c", "first");
        assertThat(savepointsTaken).as("the batch ran again, a savepoint per unit").hasValue(3);
    }

    @Test
    void aBatchInWhichNoUnitFailsTakesNoSavepoint() throws Exception {
        List<CompletableFuture<Integer>> batch = inOneBatch(List.of("a", "b", "c", "d"));

        assertThat(batch).allSatisfy(unit -> assertThat(unit.join()).isEqualTo(1));
        assertThat(jdbc.sql("SELECT name FROM items ORDER BY name").query(String.class).list())
                .containsExactly("a", "b", "c", "d", "first");
        assertThat(meters.get("postback_bridge.group_commit.batch_size").summary().max())
                .as("the four units shared a batch").isEqualTo(4);
        assertThat(savepointsTaken).hasValue(0);
    }

    /**
     * Holds the writer inside a unit that inserts "first" until a unit per name is queued, so they
     * share the next batch. Each inserts its name; "boom" then throws.
     */
    private List<CompletableFuture<Integer>> inOneBatch(List<String> names) throws InterruptedException {
        return inOneBatch(names, this::insert);
    }

    private List<CompletableFuture<Integer>> inOneBatch(List<String> names, Consumer<String> insert)
            throws InterruptedException {
        CountDownLatch inFirstUnit = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> groupCommit.execute(() -> {
            inFirstUnit.countDown();
            await(release);
            return insert("first");
        }));
        inFirstUnit.await();
        List<CompletableFuture<Integer>> batch = new ArrayList<>();
        for (String name : names) {
            batch.add(CompletableFuture.supplyAsync(() -> groupCommit.execute(() -> {
                insert.accept(name);
                if (name.equals("boom")) {
                    throw new IllegalStateException("unit failed after writing");
                }
                return 1;
            })));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> groupCommit.queuedUnits() == names.size());
        release.countDown();
        first.join();
        return batch;
    }

    /** The connection itself, counting the savepoints set on it. */
    private Connection countingSavepoints(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setSavepoint")) {
                        savepointsTaken.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aCallerWaitsNoLongerThanTheLimitAndWorkItWasRefusedForIsNeverCommitted() throws Exception {
        GroupCommit slow = new GroupCommit(new DataSourceTransactionManager(dataSource), dataSource, 64, 1, Duration.ofMillis(300), meters);
        try {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Integer> stuck = CompletableFuture.supplyAsync(() -> slow.execute(() -> {
                await(release);
                return insert("stuck");
            })).orTimeout(5, TimeUnit.SECONDS);
            Thread.sleep(50);
            long start = System.nanoTime();
            CompletableFuture<Integer> queued = CompletableFuture.supplyAsync(() -> slow.execute(() -> insert("queued")))
                    .orTimeout(5, TimeUnit.SECONDS);

            assertThatThrownBy(queued::join).hasCauseInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("not committed within 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThatThrownBy(stuck::join).hasCauseInstanceOf(StorageUnavailableException.class);

            release.countDown();
            // The stuck unit was already running, so it ends committed (a network's retry of it is
            // answered "duplicate"); the queued one was refused before it ran, so it never is.
            assertThat(slow.execute(() -> jdbc.sql("SELECT name FROM items ORDER BY name").query(String.class).list()))
                    .containsExactly("stuck");
        } finally {
            slow.close();
        }
    }

    @Test
    void whileOneWriterIsHeldTheOtherCommitsAndWorkOfTheHeldWritersKeysWaitsForIt() throws Exception {
        DatabaseUrl url = DatabaseUrl.parse(TestDatabase.freshUrl());
        HeldInserts connections = new HeldInserts(
                new DriverManagerDataSource(url.jdbcUrl(), url.username(), url.password()));
        GroupCommit twoWriters = new GroupCommit(new DataSourceTransactionManager(connections), connections, 64, 2, meters);
        CountDownLatch release = new CountDownLatch(1);
        try {
            // Integer keys are their own hash: 0 and 2 belong to the first writer, 1 to the second.
            CompletableFuture<String> held = CompletableFuture.supplyAsync(() -> twoWriters.execute(0, () -> {
                await(release);
                return "held";
            }));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !held.isDone() && twoWriters.queuedUnits() == 0);
            CompletableFuture<String> sameWriter = CompletableFuture.supplyAsync(() -> twoWriters.execute(2, () -> "queued"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> twoWriters.queuedUnits() == 1);

            CompletableFuture<String> otherWriter = CompletableFuture.supplyAsync(() -> twoWriters.execute(1, () -> "other"));

            assertThat(otherWriter.get(10, TimeUnit.SECONDS)).isEqualTo("other");
            assertThat(sameWriter).as("behind the held unit of its writer").isNotDone();
            release.countDown();
            assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("held");
            assertThat(sameWriter.get(10, TimeUnit.SECONDS)).isEqualTo("queued");
        } finally {
            release.countDown();
            twoWriters.close();
        }
    }

    @Test
    void aFailedCommitFailsEveryUnitWithStorageUnavailable() {
        connection.destroy();

        assertThatThrownBy(() -> groupCommit.execute(() -> insert("x")))
                .isInstanceOf(StorageUnavailableException.class);
    }

    private int insert(String name) {
        return jdbc.sql("INSERT INTO items (name) VALUES (?)").param(name).update();
    }

    private void insertHeldBack(String name) {
        dataSource.insert("INSERT INTO items (name) VALUES (?)", name);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
