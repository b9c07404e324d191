package org.postbackbridge.database;

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
                new DatabaseProperties("", "FULL", 2, 256, 7000, 5000));
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
