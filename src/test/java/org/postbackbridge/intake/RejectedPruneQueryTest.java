package org.postbackbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Pruning refused postbacks runs inside a write transaction that every postback waits behind, so it
 * must read the refused rows only, never the whole table of postbacks kept for ever.
 */
class RejectedPruneQueryTest {

    @Test
    void pruningReadsTheRefusedRowsThroughTheirIndex() {
        SingleConnectionDataSource database = new SingleConnectionDataSource(TestDatabase.freshSqliteUrl(), true);
        Flyway.configure().dataSource(database).locations("classpath:db/migration/sqlite").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database);

        String plan = String.join("\n", jdbc.sql("EXPLAIN QUERY PLAN " + PostbackInbox.DELETE_REJECTED)
                .query((rs, n) -> rs.getString("detail")).list());

        assertThat(plan).contains("INDEX postbacks_rejected").doesNotContain("SCAN postbacks");
    }
}
