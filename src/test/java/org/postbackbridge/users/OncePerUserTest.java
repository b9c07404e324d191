package org.postbackbridge.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postbackbridge.platform.database.DatabaseUrl;
import org.postbackbridge.testsupport.MovableClock;
import org.postbackbridge.testsupport.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What happens once per user, even when two of their postbacks are applied at the same moment by two
 * writers (two instances sharing PostgreSQL): the first deposit opens their access, and a win is told
 * at most once per interval.
 */
@Tag("integration")
class OncePerUserTest {

    static final long PLAYER = 42;
    static final Duration WIN_INTERVAL = Duration.ofMinutes(5);

    final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T12:00:00Z"));

    DatabaseUrl url;
    Connection first;
    Connection second;

    @BeforeEach
    void aUserWhoHasNotDeposited() throws Exception {
        url = DatabaseUrl.parse(TestDatabase.freshUrl());
        first = connect();
        second = connect();
        migrations(first).load().migrate();
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
        assertThat(twoAtOnce(users -> users.markFirstDeposit(PLAYER))).containsExactly(true, false);
        assertThat(users(first).findById(PLAYER).orElseThrow().deposited()).isTrue();
    }

    @Test
    void aWinIsToldAtMostOncePerInterval() {
        UserRepository users = users(first);

        assertThat(users.claimWinMessage(PLAYER, WIN_INTERVAL)).isTrue();
        clock.advance(WIN_INTERVAL.minusSeconds(1));
        assertThat(users.claimWinMessage(PLAYER, WIN_INTERVAL)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(users.claimWinMessage(PLAYER, WIN_INTERVAL)).isTrue();
    }

    @Test
    void ofTwoWinsAppliedAtOnceOnlyOneIsTold() throws Exception {
        assertThat(twoAtOnce(users -> users.claimWinMessage(PLAYER, WIN_INTERVAL))).containsExactly(true, false);
    }

    @Test
    void aWinMessageQueuedBeforeTheUpgradeStillCounts() throws Exception {
        DatabaseUrl beforeUpgrade = DatabaseUrl.parse(TestDatabase.freshUrl());
        try (Connection connection = DriverManager.getConnection(beforeUpgrade.jdbcUrl(), beforeUpgrade.username(),
                beforeUpgrade.password())) {
            migrations(connection).target("15").load().migrate();
            users(connection).saveProfile(PLAYER, "player", "Player", "en", null, "click-42");
            JdbcClient.create(new SingleConnectionDataSource(connection, true)).sql("""
                    INSERT INTO outbox (chat_id, kind, text, status, attempts, next_attempt_at, created_at)
                    VALUES (?, 'win', 'a win', 'sent', 1, ?, ?)""")
                    .params(PLAYER, clock.millis(), clock.millis()).update();

            migrations(connection).load().migrate();

            assertThat(users(connection).claimWinMessage(PLAYER, WIN_INTERVAL)).isFalse();
            clock.advance(WIN_INTERVAL);
            assertThat(users(connection).claimWinMessage(PLAYER, WIN_INTERVAL)).isTrue();
        }
    }

    /**
     * What {@code change} says in two transactions at once, the first's committed while the second waits
     * for its row lock. Two transactions writing at once exist only on PostgreSQL; SQLite has one writer.
     */
    private List<Boolean> twoAtOnce(Predicate<UserRepository> change) throws Exception {
        assumeTrue(TestDatabase.isPostgres());
        first.setAutoCommit(false);
        second.setAutoCommit(false);

        boolean firstSaid = change.test(users(first));
        CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> change.test(users(second)));
        await().atMost(Duration.ofSeconds(10)).until(() -> waitingForALock() == 1);
        first.commit();
        boolean secondSaid = other.get(10, TimeUnit.SECONDS);
        second.commit();
        return List.of(firstSaid, secondSaid);
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

    private static FluentConfiguration migrations(Connection connection) {
        return Flyway.configure().dataSource(new SingleConnectionDataSource(connection, true))
                .locations("classpath:db/migration/" + (TestDatabase.isPostgres() ? "postgresql" : "sqlite"));
    }

    private UserRepository users(Connection connection) {
        return new UserRepository(JdbcClient.create(new SingleConnectionDataSource(connection, true)), clock);
    }
}
