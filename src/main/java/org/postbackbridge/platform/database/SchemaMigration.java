package org.postbackbridge.platform.database;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.context.SmartLifecycle;

/**
 * Brings the schema up to date (Flyway) on a thread of its own while the rest of the application is
 * built, instead of before it: on two cores that is about a tenth of the start. Connections are
 * handed out only once it is done ({@link MigratedDataSource}), and as the first step of the start's
 * lifecycle, before the web server opens its port, the start waits for it: a migration that fails
 * stops the start with Flyway's message.
 */
final class SchemaMigration implements SmartLifecycle {

    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile boolean running;

    private SchemaMigration() {
    }

    /** Starts migrating {@code pool} to the migrations of {@code url}'s vendor. */
    static SchemaMigration start(DataSource pool, DatabaseUrl url, int connectRetries) {
        SchemaMigration migration = new SchemaMigration();
        Thread.ofPlatform().name("schema-migration").daemon().start(() -> {
            try {
                Flyway.configure(SchemaMigration.class.getClassLoader())
                        .dataSource(pool)
                        .locations(url.migrations())
                        .connectRetries(connectRetries)
                        .load()
                        .migrate();
                migration.done.complete(null);
            } catch (Throwable e) {
                migration.done.completeExceptionally(e);
            }
        });
        return migration;
    }

    /** Returns once the schema is current; throws what the migration failed with. */
    void await() throws SQLException {
        try {
            done.join();
        } catch (CompletionException e) {
            throw new SQLException("The database schema could not be migrated: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void start() {
        try {
            await();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e.getCause());
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before every other part that starts: the outbox's and the webhooks' dispatchers, the web server. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
