package org.postbackbridge.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.postbackbridge.platform.database.DatabaseUrl;

/**
 * A fresh, empty database for each Spring context, of the vendor the build asks for with
 * {@code -Dtest.database=sqlite|postgresql} (SQLite when unset). PostgreSQL is the server named by
 * {@code TEST_DATABASE_URL} when that is set, otherwise one the build brings ({@link EmbeddedPostgres}).
 */
public final class TestDatabase {

    public static final String VENDOR_PROPERTY = "test.database";

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return "postgresql".equals(System.getProperty(VENDOR_PROPERTY, "sqlite"));
    }

    /** A DATABASE_URL for a database nobody else uses. */
    public static String freshUrl() {
        return isPostgres() ? freshPostgres() : freshSqliteUrl();
    }

    /**
     * Makes the database at {@code jdbcUrl} unusable until the returned handle is closed: SQLite
     * by holding its exclusive lock from another connection, PostgreSQL by refusing and cutting
     * every connection to that database (the server and other databases stay up).
     */
    public static AutoCloseable outage(String jdbcUrl) throws SQLException {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            Connection holder = DriverManager.getConnection(jdbcUrl);
            holder.createStatement().execute("BEGIN EXCLUSIVE");
            return () -> {
                holder.createStatement().execute("COMMIT");
                holder.close();
            };
        }
        String name = jdbcUrl.replaceFirst("^jdbc:postgresql://[^/]+/([^?]+).*$", "$1");
        DatabaseUrl server = DatabaseUrl.parse(serverUrl());
        Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
        admin.createStatement().execute("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS false");
        admin.createStatement().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
        return () -> {
            admin.createStatement().execute("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS true");
            admin.close();
        };
    }

    /** A new SQLite file, whatever the vendor under test. */
    public static String freshSqliteUrl() {
        try {
            Path dir = Files.createTempDirectory("postback-bridge-test");
            return "jdbc:sqlite:" + dir.resolve("test.db");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String freshPostgres() {
        DatabaseUrl server = DatabaseUrl.parse(serverUrl());
        String name = "pb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + server, e);
        }
        String base = server.jdbcUrl().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        String credentials = server.username() == null ? "" : (base.contains("?") ? "&" : "?") + "user=" + server.username()
                + (server.password() == null ? "" : "&password=" + server.password());
        return base + credentials;
    }

    private static String serverUrl() {
        String external = System.getenv("TEST_DATABASE_URL");
        return external != null && !external.isBlank() ? external : EmbeddedPostgres.jdbcUrl();
    }
}
