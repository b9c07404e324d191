package org.postbackbridge.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.jdbc4.JDBC4PreparedStatement;

/** The SQLite connections the service makes: their durability settings and their statement cache. */
class SqliteConnectionsTest {

    @TempDir
    Path folder;

    HikariDataSource pool;

    @BeforeEach
    void openPool() {
        pool = new DatabaseConfig().connectionPool(DatabaseUrl.parse(folder.resolve("test.db").toString()),
                new DatabaseProperties("", "FULL", 2, 256, 1, 7000, 5000, 5000, 3));
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void everyConnectionCommitsDurablyToTheWalWithForeignKeysAndTemporaryJournalsInMemory() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(pragma(statement, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(statement, "synchronous")).isEqualTo("2"); // FULL
            assertThat(pragma(statement, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(statement, "temp_store")).isEqualTo("2"); // MEMORY
            assertThat(pragma(statement, "busy_timeout")).isEqualTo("7000");
        }
    }

    @Test
    void theSameSqlIsCompiledOncePerConnectionAndBindsFreshValuesEachTime() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            JDBC4PreparedStatement compiled;
            try (PreparedStatement first = connection.prepareStatement("SELECT ? + 1")) {
                compiled = first.unwrap(JDBC4PreparedStatement.class);
                first.setInt(1, 1);
                assertThat(single(first)).isEqualTo("2");
            }
            try (PreparedStatement again = connection.prepareStatement("SELECT ? + 1")) {
                assertThat(again.unwrap(JDBC4PreparedStatement.class)).isSameAs(compiled);
                again.setInt(1, 41);
                assertThat(single(again)).isEqualTo("42");
            }
            try (PreparedStatement other = connection.prepareStatement("SELECT ? + 2")) {
                assertThat(other.unwrap(JDBC4PreparedStatement.class)).isNotSameAs(compiled);
            }
        }
    }

    @Test
    void anInsertRunsNoHiddenQueryForGeneratedKeys() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t (v) VALUES (?)")) {
                insert.setString(1, "x");
                assertThat(insert.executeUpdate()).isEqualTo(1);
                // With generated keys on, the driver would have run SELECT last_insert_rowid() and hold row 1 here.
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    assertThat(keys.next()).isFalse();
                }
            }
            try (PreparedStatement returning = connection.prepareStatement("INSERT INTO t (v) VALUES ('y') RETURNING id")) {
                assertThat(single(returning)).isEqualTo("2");
            }
        }
    }

    private static String pragma(Statement statement, String name) throws SQLException {
        try (ResultSet result = statement.executeQuery("PRAGMA " + name)) {
            result.next();
            return result.getString(1);
        }
    }

    private static String single(PreparedStatement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getString(1);
        }
    }
}
