package org.postbackbridge.outbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.TestDatabase;

/** Two instances' leadership on one PostgreSQL: exactly one dispatches, and the other takes over. */
@Tag("integration")
class PostgresAdvisoryLeadershipTest {

    String url;
    HikariDataSource poolA;
    HikariDataSource poolB;
    PostgresAdvisoryLeadership instanceA;
    PostgresAdvisoryLeadership instanceB;

    @BeforeEach
    void setUp() {
        assumeTrue(TestDatabase.isPostgres(), "advisory locks are a PostgreSQL feature; runs in the PostgreSQL half");
        url = TestDatabase.freshUrl();
        poolA = pool();
        poolB = pool();
        instanceA = new PostgresAdvisoryLeadership(poolA);
        instanceB = new PostgresAdvisoryLeadership(poolB);
    }

    @AfterEach
    void tearDown() {
        if (poolA != null) {
            instanceA.close();
            instanceB.close();
            poolA.close();
            poolB.close();
        }
    }

    @Test
    void exactlyOneInstanceLeadsAndKeepsLeading() {
        assertThat(instanceA.isLeader()).isTrue();
        assertThat(instanceB.isLeader()).isFalse();
        assertThat(instanceA.isLeader()).isTrue();
        assertThat(instanceB.isLeader()).isFalse();
    }

    @Test
    void anotherInstanceTakesOverWhenTheLeaderStops() {
        assertThat(instanceA.isLeader()).isTrue();

        instanceA.close();

        assertThat(instanceB.isLeader()).isTrue();
        assertThat(instanceA.isLeader()).isFalse();
    }

    @Test
    void anotherInstanceTakesOverWhenTheLeadersConnectionDies() throws Exception {
        assertThat(instanceA.isLeader()).isTrue();

        try (Connection admin = DriverManager.getConnection(url)) {
            admin.createStatement().execute("SELECT pg_terminate_backend(pid) FROM pg_locks "
                    + "WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()");
        }

        assertThat(instanceB.isLeader()).isTrue();
        assertThat(instanceA.isLeader()).isFalse();
    }

    private HikariDataSource pool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setMaximumPoolSize(2);
        return pool;
    }
}
