package org.postbackbridge.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbackbridge.testsupport.ServiceInstance;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.sqlite.SQLiteDataSource;

/** The schema is migrated beside the rest of the start, and nothing gets a connection before it is done. */
class SchemaMigrationTest {

    @TempDir
    Path folder;

    @Test
    void aConnectionIsHandedOutOnlyOnceTheSchemaIsMigrated() throws Exception {
        DatabaseUrl url = DatabaseUrl.parse(folder.resolve("new.db").toString());
        CountDownLatch migrationMayConnect = new CountDownLatch(1);
        DelegatingDataSource pool = new DelegatingDataSource(sqlite(url)) {
            @Override
            public Connection getConnection() throws SQLException {
                if (Thread.currentThread().getName().equals("schema-migration")) {
                    await(migrationMayConnect);
                }
                return super.getConnection();
            }
        };
        SchemaMigration migration = SchemaMigration.start(pool, url, 0);
        MigratedDataSource application = new MigratedDataSource(pool, migration);

        CompletableFuture<Long> postbacks = CompletableFuture.supplyAsync(() -> countPostbacks(application));
        Thread.sleep(300);
        assertThat(postbacks).as("a connection handed out before the migration ran").isNotDone();

        migrationMayConnect.countDown();
        assertThat(postbacks.get(30, TimeUnit.SECONDS)).isZero();
        migration.start();
        assertThat(migration.isRunning()).isTrue();
    }

    @Test
    void aMigrationThatFailsFailsEveryConnectionAndStopsTheStartWithItsCause() throws Exception {
        Path notADatabase = folder.resolve("notes.db");
        Files.writeString(notADatabase, "these are notes, not an SQLite database ".repeat(200));
        DatabaseUrl url = DatabaseUrl.parse(notADatabase.toString());
        SQLiteDataSource pool = sqlite(url);

        SchemaMigration migration = SchemaMigration.start(pool, url, 0);

        assertThatThrownBy(() -> new MigratedDataSource(pool, migration).getConnection())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("The database schema could not be migrated")
                .hasStackTraceContaining("not a database");
        assertThatThrownBy(migration::start)
                .hasMessageContaining("The database schema could not be migrated");
        assertThat(migration.isRunning()).isFalse();
    }

    @Test
    void theServiceDoesNotStartOnADatabaseItCannotMigrate() throws Exception {
        Path notADatabase = folder.resolve("notes.db");
        Files.writeString(notADatabase, "these are notes, not an SQLite database ".repeat(200));

        assertThatThrownBy(() -> ServiceInstance.start(notADatabase.toString(),
                Map.of("postback-bridge.database.migration-connect-retries", "0")))
                .hasStackTraceContaining("The database schema could not be migrated")
                .hasStackTraceContaining("not a database");
    }

    private static long countPostbacks(MigratedDataSource application) {
        try (Connection connection = application.getConnection();
             ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM postbacks")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SQLiteDataSource sqlite(DatabaseUrl url) {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl(url.jdbcUrl());
        return sqlite;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the migration connect");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
