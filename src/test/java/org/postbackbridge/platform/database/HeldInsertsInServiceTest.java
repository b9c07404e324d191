package org.postbackbridge.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postbackbridge.eventlog.EventLog;
import org.postbackbridge.testsupport.ServiceInstance;
import org.postbackbridge.testsupport.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * As the service wires it: on PostgreSQL the group commit holds the event log's inserts back, and
 * sends them on the batch's own connection, inside its transaction (on any other, a unit undone would
 * leave them); on SQLite each is sent at once.
 */
@Tag("integration")
class HeldInsertsInServiceTest {

    static ServiceInstance service;
    static GroupCommit groupCommit;
    static EventLog events;
    static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        service = ServiceInstance.start(TestDatabase.freshUrl(), Map.of());
        groupCommit = service.bean(GroupCommit.class);
        events = service.bean(EventLog.class);
        jdbc = service.bean(JdbcClient.class);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void onPostgresqlABatchHoldsTheEventLogsInsertsBack() {
        int held = groupCommit.execute(() -> {
            events.log(null, "held_check", Map.of());
            return service.bean(HeldInserts.class).heldCount();
        });

        assertThat(held).isEqualTo(TestDatabase.isPostgres() ? 1 : 0);
        assertThat(count("held_check")).as("sent before the commit").isEqualTo(1);
    }

    @Test
    void heldInsertsSentBeforeAUnitFailsAreUndoneWithIt() {
        List<Integer> seenInUnit = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> groupCommit.execute(() -> {
            events.log(null, "undone_check", Map.of());
            seenInUnit.add(count("undone_check"));
            throw new IllegalStateException("the unit fails after its insert was sent");
        })).hasMessageContaining("the unit fails");

        assertThat(seenInUnit).as("each attempt, the batch then a savepoint, saw its own insert only").containsExactly(1, 1);
        assertThat(count("undone_check")).isZero();
    }

    private static int count(String type) {
        return jdbc.sql("SELECT COUNT(*) FROM events WHERE type = ?").param(type).query(Integer.class).single();
    }
}
