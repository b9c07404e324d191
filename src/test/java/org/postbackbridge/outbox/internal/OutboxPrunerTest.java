package org.postbackbridge.outbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postbackbridge.outbox.Outbox;
import org.postbackbridge.outbox.OutboxMessage;
import org.postbackbridge.outbox.TestOutboxes;
import org.postbackbridge.platform.database.DatabaseUrl;
import org.postbackbridge.platform.database.GroupCommit;
import org.postbackbridge.platform.database.HeldInserts;
import org.postbackbridge.platform.database.Pruning;
import org.postbackbridge.testsupport.MovableClock;
import org.postbackbridge.testsupport.TestDatabase;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** On the database the build tests (SQLite, then PostgreSQL): what the outbox keeps, and for how long. */
@Tag("integration")
class OutboxPrunerTest {

    static final Duration RETENTION = Duration.ofDays(90);
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    SingleConnectionDataSource connection;
    GroupCommit groupCommit;
    MovableClock clock = new MovableClock(NOW.minus(RETENTION).minus(Duration.ofDays(10)));
    Outbox outbox;
    TransactionTemplate transaction;
    OutboxPruner pruner;

    @BeforeEach
    void freshOutbox() {
        DatabaseUrl url = DatabaseUrl.parse(TestDatabase.freshUrl());
        connection = new SingleConnectionDataSource(url.jdbcUrl(), url.username(), url.password(), true);
        Flyway.configure().dataSource(connection)
                .locations(TestDatabase.isPostgres() ? "classpath:db/migration/postgresql" : "classpath:db/migration/sqlite")
                .load().migrate();
        HeldInserts heldInserts = new HeldInserts(connection);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(heldInserts);
        transaction = new TransactionTemplate(transactions);
        groupCommit = new GroupCommit(transactions, heldInserts, 64, 1, new SimpleMeterRegistry());
        outbox = TestOutboxes.on(heldInserts, clock);
        pruner = new OutboxPruner(outbox, groupCommit, retainedFor(RETENTION), clock);
    }

    @AfterEach
    void close() throws InterruptedException {
        groupCommit.close();
        connection.destroy();
    }

    @Test
    void finishedMessagesOlderThanTheRetentionAreDeletedAndPendingOnesKept() {
        long sent = queued(1, "old, sent");
        outbox.markSent(sent, 10);
        outbox.markDryRun(queued(2, "old, dry run"));
        outbox.markDead(queued(3, "old, dead"), "400 Bad Request");
        queued(4, "old, blocked");
        outbox.blockChat(4, "the user has blocked the bot");
        long stillPending = queued(5, "old, still pending");
        clock.advance(Duration.ofDays(20));
        long recent = queued(1, "recent, sent");
        outbox.markSent(recent, 11);
        clock.advance(Duration.ofDays(80));

        assertThat(pruner.prune()).isEqualTo(4);

        assertThat(outbox.find(stillPending)).map(OutboxMessage::status).contains(Outbox.PENDING);
        assertThat(outbox.find(recent)).map(OutboxMessage::status).contains(Outbox.SENT);
        assertThat(outbox.find(sent)).isEmpty();
        assertThat(outbox.countByStatus(Outbox.DRY_RUN) + outbox.countByStatus(Outbox.DEAD)
                + outbox.countByStatus(Outbox.BLOCKED)).isZero();
        assertThat(pruner.prune()).as("nothing left to delete").isZero();
    }

    @Test
    void moreThanABatchIsDeletedInOneRun() {
        int count = Pruning.BATCH * 2 + 7;
        transaction.executeWithoutResult(tx -> IntStream.range(0, count)
                .forEach(n -> outbox.enqueue(-1001, "operator_deposit", "deposit " + n, null, null)));
        transaction.executeWithoutResult(tx -> outbox.forChat(-1001).forEach(message -> outbox.markDryRun(message.id())));
        clock.advance(RETENTION.plus(Duration.ofDays(11)));

        assertThat(pruner.prune()).isEqualTo(count);
        assertThat(outbox.forChat(-1001)).isEmpty();
    }

    @Test
    void aRetentionShorterThanADayIsRefused() {
        assertThatThrownBy(() -> retainedFor(Duration.ofHours(23)))
                .hasMessageContaining("MESSAGE_RETENTION must be at least 1d");
    }

    private long queued(long chatId, String text) {
        outbox.enqueue(chatId, "test", text, null, null);
        return outbox.forChat(chatId).getLast().id();
    }

    private static DeliveryProperties retainedFor(Duration retention) {
        return new DeliveryProperties(30, Duration.ofSeconds(1), 20, 8, Duration.ofSeconds(2), Duration.ofMinutes(10),
                Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(1), retention);
    }
}
