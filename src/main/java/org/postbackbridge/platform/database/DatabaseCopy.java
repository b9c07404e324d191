package org.postbackbridge.platform.database;

import java.io.PrintStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * Copies every table of one database into another, empty one — the way from SQLite to PostgreSQL
 * (or back). Both are migrated to the current schema first; the rows keep their IDs, and
 * PostgreSQL's ID sequences are moved past the copied ones. All of it is one transaction on the
 * target: a copy that fails leaves the target empty.
 */
public final class DatabaseCopy {

    /** Parents before children, so the foreign keys hold at every insert. */
    static final List<String> TABLES = List.of("users", "players", "postbacks", "events", "outbox", "claims", "settings");
    private static final List<String> TABLES_WITH_GENERATED_IDS = List.of("postbacks", "events", "outbox", "claims");
    private static final int BATCH = 1000;

    private final PrintStream out;

    public DatabaseCopy(PrintStream out) {
        this.out = out;
    }

    public void copy(DatabaseUrl from, DatabaseUrl to) throws SQLException {
        if (from.vendor() == DatabaseUrl.Vendor.SQLITE && (from.sqliteFile() == null || !Files.exists(from.sqliteFile()))) {
            // SQLite would create an empty file, and the "copy" would quietly copy nothing.
            throw new IllegalArgumentException("There is no SQLite database at " + from.sqliteFile());
        }
        migrate(from);
        migrate(to);
        try (Connection source = connect(from); Connection target = connect(to)) {
            refuseUnlessEmpty(target, to);
            target.setAutoCommit(false);
            try {
                for (String table : TABLES) {
                    long copied = copyTable(source, target, table);
                    out.printf("%-10s %,d rows%n", table, copied);
                }
                if (to.vendor() == DatabaseUrl.Vendor.POSTGRESQL) {
                    moveSequencesPastCopiedIds(target);
                }
                for (String table : TABLES) {
                    long inSource = count(source, table);
                    long inTarget = count(target, table);
                    if (inSource != inTarget) {
                        throw new SQLException(table + ": " + inSource + " rows in the source but " + inTarget + " copied");
                    }
                }
                target.commit();
            } catch (SQLException | RuntimeException e) {
                target.rollback();
                throw e;
            }
        }
        out.println("Copied " + from + " to " + to + ". Point DATABASE_URL at the new database and start the service.");
    }

    private static void migrate(DatabaseUrl database) {
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations(database.migrations())
                .load()
                .migrate();
    }

    private static Connection connect(DatabaseUrl database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static void refuseUnlessEmpty(Connection target, DatabaseUrl to) throws SQLException {
        for (String table : TABLES) {
            if (count(target, table) > 0) {
                throw new IllegalStateException("The target " + to + " already has rows in " + table
                        + "; copy only into an empty database");
            }
        }
    }

    private static long copyTable(Connection source, Connection target, String table) throws SQLException {
        try (Statement select = source.createStatement(); ResultSet rows = select.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(column -> "?").toList()) + ")";
            long copied = 0;
            try (PreparedStatement statement = target.prepareStatement(insert)) {
                while (rows.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        statement.setObject(i, rows.getObject(i));
                    }
                    statement.addBatch();
                    if (++copied % BATCH == 0) {
                        statement.executeBatch();
                    }
                }
                statement.executeBatch();
            }
            return copied;
        }
    }

    private static void moveSequencesPastCopiedIds(Connection target) throws SQLException {
        try (Statement statement = target.createStatement()) {
            for (String table : TABLES_WITH_GENERATED_IDS) {
                statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), "
                        + "COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM " + table);
            }
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
