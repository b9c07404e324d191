package org.postbackbridge.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postbackbridge.platform.database.DatabaseUrl;
import org.postbackbridge.testsupport.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A player's first deposit opens their access once, even when two of their deposits are applied at
 * the same moment by two writers (two instances sharing PostgreSQL).
 */
@Tag("integration")
class FirstDepositTest {

    static final long PLAYER = 42;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

    DatabaseUrl url;
    Connection first;
    Connection second;

    @BeforeEach
    void aUserWhoHasNotDeposited() throws Exception {
        url = DatabaseUrl.parse(TestDatabase.freshUrl());
        first = connect();
        second = connect();
        Flyway.configure().dataSource(new SingleConnectionDataSource(first, true))
                .locations("classpath:db/migration/" + (TestDatabase.isPostgres() ? "postgresql" : "sqlite"))
                .load().migrate();
        users(first).saveProfile(PLAYER, "player", "Player", "en", null, "click-42");
    }

    @AfterEach
    void close() throws Exception {
        first.close();
        second.close();
    }

    @Test
    void onlyTheFirstDepositOpensAccess() {
        UserRepository users = users(first);

        assertThat(users.markFirstDeposit(PLAYER)).isTrue();
        assertThat(users.markFirstDeposit(PLAYER)).isFalse();

        BotUser user = users.findById(PLAYER).orElseThrow();
        assertThat(user.deposited()).isTrue();
        assertThat(user.signalsUnlocked()).isTrue();
    }

    @Test
    void ofTwoDepositsAppliedAtOnceOnlyOneIsTheFirst() throws Exception {
        // Two transactions writing at once exist only on PostgreSQL; SQLite has one writer.
        assumeTrue(TestDatabase.isPostgres());
        first.setAutoCommit(false);
        second.setAutoCommit(false);

        assertThat(users(first).markFirstDeposit(PLAYER)).isTrue();
        CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> users(second).markFirstDeposit(PLAYER));
        await().atMost(Duration.ofSeconds(10)).until(() -> waitingForALock() == 1);  // on the first's row lock
        first.commit();

        assertThat(other.get(10, TimeUnit.SECONDS)).isFalse();
        second.commit();
        assertThat(users(first).findById(PLAYER).orElseThrow().deposited()).isTrue();
    }

    private int waitingForALock() throws Exception {
        try (Connection observer = connect(); var rows = observer.createStatement()
                .executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                        + "AND wait_event_type = 'Lock'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(url.jdbcUrl(), url.username(), url.password());
    }

    private static UserRepository users(Connection connection) {
        return new UserRepository(JdbcClient.create(new SingleConnectionDataSource(connection, true)), CLOCK);
    }
}
