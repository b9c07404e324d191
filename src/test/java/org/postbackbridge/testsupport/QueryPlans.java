package org.postbackbridge.testsupport;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Which indexes a statement reads, for the statements that must never read a whole table. */
public final class QueryPlans {

    private QueryPlans() {
    }

    /** SQLite's plan for {@code sql}, its parameters left unbound, on a freshly migrated database: one line per step. */
    public static String onSqlite(String sql) {
        SingleConnectionDataSource database = new SingleConnectionDataSource(TestDatabase.freshSqliteUrl(), true);
        try {
            Flyway.configure().dataSource(database).locations("classpath:db/migration/sqlite").load().migrate();
            return String.join("\n", JdbcClient.create(database).sql("EXPLAIN QUERY PLAN " + sql)
                    .query((rs, n) -> rs.getString("detail")).list());
        } finally {
            database.destroy();
        }
    }
}
