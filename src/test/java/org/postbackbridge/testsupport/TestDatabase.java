package org.postbackbridge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.postbackbridge.platform.database.DatabaseUrl;
import org.springframework.boot.SpringApplication;

/**
 * A fresh, empty database for each Spring context, of the vendor the build asks for with
 * {@code -Dtest.database=sqlite|postgresql} (SQLite when unset). PostgreSQL is the server named by
 * {@code TEST_DATABASE_URL} when that is set, otherwise one the build brings ({@link EmbeddedPostgres}).
 */
public final class TestDatabase {

    public static final String VENDOR_PROPERTY = "test.database";

    /** Free memory needed before SQLite files go there: a suite run writes megabytes, not gigabytes. */
    private static final long MEMORY_NEEDED = 2L * 1024 * 1024 * 1024;
    private static final Path SQLITE_FOLDER = sqliteFolder();

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
            Path dir = Files.createTempDirectory(SQLITE_FOLDER, "postback-bridge-test");
            return "jdbc:sqlite:" + dir.resolve("test.db");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Where the SQLite test files go: memory ({@code /dev/shm}) when there is room, the temporary
     * folder otherwise. The service asks SQLite for {@code synchronous=FULL}, one fsync per commit,
     * which on a disk costs milliseconds; in memory the same statements, locks and pragmas run and
     * the fsync costs nothing, as the PostgreSQL the build brings runs with {@code fsync=off}.
     */
    private static Path sqliteFolder() {
        Path memory = Path.of("/dev/shm");
        try {
            if (Files.isDirectory(memory) && Files.isWritable(memory)
                    && Files.getFileStore(memory).getUsableSpace() >= MEMORY_NEEDED) {
                Path folder = Files.createTempDirectory(memory, "postback-bridge-tests");
                // Once Spring Boot has closed the test contexts, and with them their connections.
                SpringApplication.getShutdownHandlers().add(() -> deleteQuietly(folder));
                return folder;
            }
        } catch (IOException e) {
            // No room in memory: the temporary folder will do.
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Deletes the SQLite files this JVM made in memory once it exits; on disk they are left as before. */
    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Memory is given back when the machine restarts.
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
