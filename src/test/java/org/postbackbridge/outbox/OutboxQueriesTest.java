package org.postbackbridge.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.QueryPlans;
import org.postbackbridge.testsupport.TestDatabase;
import org.postbackbridge.platform.database.HeldInserts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which messages the dispatcher may send next (each chat's oldest pending one, when it is due), the
 * lookup a partial index serves (the alerts'), and what pruning reads.
 */
class OutboxQueriesTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    JdbcClient jdbc;
    Outbox outbox;
    TransactionTemplate transaction;

    @BeforeEach
    void freshOutbox() {
        SingleConnectionDataSource database = new SingleConnectionDataSource(TestDatabase.freshSqliteUrl(), true);
        Flyway.configure().dataSource(database).locations("classpath:db/migration/sqlite").load().migrate();
        HeldInserts heldInserts = new HeldInserts(database);
        jdbc = JdbcClient.create(heldInserts);
        outbox = new Outbox(jdbc, heldInserts, Clock.fixed(NOW, ZoneOffset.UTC), new DispatchSignal());
        transaction = new TransactionTemplate(new DataSourceTransactionManager(heldInserts));
    }

    @Test
    void eachChatSendsItsOldestPendingMessageFirst() {
        outbox.enqueue(1, "test", "1a", null, null);
        outbox.enqueue(2, "test", "2a", null, null);
        outbox.enqueue(1, "test", "1b", null, null);

        assertThat(outbox.heads(10).due()).extracting(OutboxMessage::text).containsExactly("1a", "2a");

        outbox.markSent(outbox.heads(10).due().getFirst().id(), 100);
        assertThat(outbox.heads(10).due()).extracting(OutboxMessage::text).containsExactly("2a", "1b");
    }

    @Test
    void aChatWhoseOldestMessageWaitsForARetrySendsNothingNewer() {
        outbox.enqueue(1, "test", "1a", null, null);
        outbox.enqueue(1, "test", "1b", null, null);
        outbox.enqueue(2, "test", "2a", null, null);

        outbox.retryAt(outbox.heads(10).due().getFirst().id(), NOW.plus(Duration.ofMinutes(1)), "502", true);

        assertThat(outbox.heads(10).due()).extracting(OutboxMessage::text).containsExactly("2a");
    }

    @Test
    void withNothingDueTheHeadsTellWhenTheFirstRetryComesDue() {
        assertThat(outbox.heads(10).nextDueAt()).as("nothing pending").isEmpty();
        outbox.enqueue(1, "test", "1a", null, null);
        outbox.enqueue(1, "test", "1b", null, null);
        outbox.enqueue(2, "test", "2a", null, null);
        List<OutboxMessage> heads = outbox.heads(10).due();

        outbox.retryAt(heads.get(0).id(), NOW.plus(Duration.ofMinutes(2)), "502", true);
        assertThat(outbox.heads(10).nextDueAt()).as("chat 2's message is due: no time to wait for").isEmpty();

        outbox.retryAt(heads.get(1).id(), NOW.plus(Duration.ofMinutes(1)), "502", true);
        Outbox.Heads waiting = outbox.heads(10);
        assertThat(waiting.due()).isEmpty();
        assertThat(waiting.nextDueAt()).as("the earlier of the two chats' first messages; 1b waits behind 1a")
                .contains(NOW.plus(Duration.ofMinutes(1)));
    }

    @Test
    void aChatBehindAnotherChatsLongBacklogIsStillFound() {
        // More than one page of the head scan for one chat: the other chat's message is on a later page.
        // One transaction, so the backlog costs one write to disk rather than 1,200.
        transaction.executeWithoutResult(tx -> IntStream.range(0, 1_200)
                .forEach(n -> outbox.enqueue(-1001, "operator_deposit", "backlog " + n, null, null)));
        outbox.enqueue(7, "deposit", "after the backlog", null, null);

        assertThat(outbox.heads(10).due()).extracting(OutboxMessage::text).containsExactly("backlog 0", "after the backlog");
        assertThat(outbox.heads(1).due()).extracting(OutboxMessage::text).containsExactly("backlog 0");
    }

    @Test
    void theLastAlertOfAKindIsFoundWhateverTheChat() {
        assertThat(outbox.lastAlertEnqueued("alert_dead_messages")).isEmpty();

        outbox.enqueue(9001, "alert_no_postbacks", "another kind", null, null);
        outbox.enqueue(7, "deposit", "not an alert", null, null);
        assertThat(outbox.lastAlertEnqueued("alert_dead_messages")).isEmpty();

        outbox.enqueue(9002, "alert_dead_messages", "dead messages", null, null);
        assertThat(outbox.lastAlertEnqueued("alert_dead_messages")).contains(NOW);
        assertThat(QueryPlans.onSqlite(Outbox.LAST_ALERT)).contains("outbox_alerts");
    }

    @Test
    void pruningFindsTheOldMessagesByTheirIdsAndReadsNoOthers() {
        assertThat(outbox.firstIdQueuedSince(NOW)).as("an empty outbox").isEqualTo(1);
        outbox.enqueue(1, "test", "a", null, null);
        outbox.enqueue(1, "test", "b", null, null);
        long first = outbox.forChat(1).getFirst().id();

        assertThat(outbox.firstIdQueuedSince(NOW)).isEqualTo(first);
        assertThat(outbox.firstIdQueuedSince(NOW.plusMillis(1))).as("none queued since").isEqualTo(first + 2);
        assertThat(QueryPlans.onSqlite(Outbox.DELETE_FINISHED)).contains("INDEX outbox_pending (status=? AND id<?)");
    }
}
