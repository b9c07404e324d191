package org.postbackbridge.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** Hands out connections once the schema is migrated, so nothing reads a table that does not exist yet. */
final class MigratedDataSource extends DelegatingDataSource {

    private final SchemaMigration migration;

    MigratedDataSource(DataSource pool, SchemaMigration migration) {
        super(pool);
        this.migration = migration;
    }

    @Override
    public Connection getConnection() throws SQLException {
        migration.await();
        return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        migration.await();
        return super.getConnection(username, password);
    }
}
