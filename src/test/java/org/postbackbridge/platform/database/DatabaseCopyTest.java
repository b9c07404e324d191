package org.postbackbridge.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postbackbridge.attribution.ClickTokens;
import org.postbackbridge.attribution.Claims;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.ServiceInstance;
import org.postbackbridge.testsupport.TestDatabase;
import org.postbackbridge.users.UserRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code copy-database} from a used SQLite file into a fresh database of the vendor under test
 * (PostgreSQL in the build's PostgreSQL pass): every row of every table arrives unchanged, and the
 * service runs on the copy.
 */
@Tag("integration")
class DatabaseCopyTest {

    /**
     * A used SQLite file, filled once by a service for the whole class: a copy only reads its source,
     * so every test copies from it without changing it.
     */
    static String source;

    @BeforeAll
    static void fillSource() {
        source = TestDatabase.freshSqliteUrl();
        try (ServiceInstance old = ServiceInstance.start(source, Map.of())) {
            fill(old);
        }
    }

    @Test
    void everyTableIsCopiedRowForRowAndTheServiceGoesOnFromThere() throws Exception {
        String target = TestDatabase.freshUrl();

        int status = CopyDatabaseCommand.run(new String[] {"copy-database", "--from", source, "--to", target});

        assertThat(status).isZero();
        for (String table : DatabaseCopy.TABLES) {
            assertThat(rows(target, table)).as(table).isNotEmpty().isEqualTo(rows(source, table));
        }
        long lastCopiedPostback = maxId(target, "postbacks");
        try (ServiceInstance moved = ServiceInstance.start(target, Map.of())) {
            Http.Response next = moved.http().post("/postback/1win?event=deposit&user_id=copy-player-0&amount=5&transaction_id=after-copy");
            assertThat(next.json().get("status").asString()).isEqualTo("processed");
            Http.Response replay = moved.http().post("/postback/1win?event=deposit&user_id=copy-player-0&amount=100&transaction_id=copy-tx-0");
            assertThat(replay.json().get("status").asString()).as("idempotency survives the move").isEqualTo("duplicate");
        }
        assertThat(maxId(target, "postbacks")).isGreaterThan(lastCopiedPostback);
    }

    @Test
    void aTargetThatHasRowsIsRefusedAndLeftAlone() throws Exception {
        String target = TestDatabase.freshUrl();
        try (ServiceInstance second = ServiceInstance.start(target, Map.of())) {
            second.bean(UserRepository.class).saveProfile(2, "b", "B", "en", null, ClickTokens.newToken());
        }
        List<List<String>> before = rows(target, "users");
        String errors = stderrOf(() -> assertThat(CopyDatabaseCommand.run(
                new String[] {"copy-database", "--from", source, "--to", target})).isEqualTo(1));

        assertThat(errors).contains("already has rows in users");
        assertThat(rows(target, "users")).isEqualTo(before);
    }

    @Test
    void wrongArgumentsAreAUsageError() {
        assertThat(CopyDatabaseCommand.run(new String[] {"copy-database", "--from", "a.db"})).isEqualTo(2);
    }

    @Test
    void aMissingSqliteSourceIsRefusedWithoutCreatingIt() throws Exception {
        java.nio.file.Path missing = java.nio.file.Files.createTempDirectory("copy").resolve("typo.db");

        String errors = stderrOf(() -> assertThat(CopyDatabaseCommand.run(
                new String[] {"copy-database", "--from", missing.toString(), "--to", TestDatabase.freshUrl()})).isEqualTo(1));

        assertThat(errors).contains("There is no SQLite database at " + missing);
        assertThat(missing).doesNotExist();
    }

    @Test
    void passwordsInUrlsAreNeverPrinted() throws Exception {
        String printed = stderrOf(() -> {
            for (String target : List.of("postgres://bridge:s3cret-uri@127.0.0.1:1/bridge",
                    "jdbc:postgresql://127.0.0.1:1/bridge?user=bridge&password=s3cret-jdbc",
                    "postgres://bridge:s3cret with space@127.0.0.1:1/bridge")) {
                assertThat(CopyDatabaseCommand.run(new String[] {"copy-database", "--from", source, "--to", target}))
                        .as(target).isEqualTo(1);
            }
        });

        assertThat(printed).contains("Not copied").doesNotContain("s3cret");
    }

    private static String stderrOf(Runnable action) {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(originalErr);
        }
        return errors.toString(StandardCharsets.UTF_8);
    }

    /** Users, linked players, processed, unmatched and rejected postbacks, events, messages, a claim, settings. */
    private static void fill(ServiceInstance service) {
        UserRepository users = service.bean(UserRepository.class);
        Http http = service.http();
        for (int i = 0; i < 30; i++) {
            String token = ClickTokens.newToken();
            users.saveProfile(9_300_000 + i, "copy" + i, "Пользователь «" + i + "»", i % 2 == 0 ? "ru" : "en", null, token);
            http.post("/postback/1win?event=registration&user_id=copy-player-" + i + "&sub1=" + token);
            http.post("/postback/1win?event=deposit&user_id=copy-player-" + i + "&amount=100&transaction_id=copy-tx-" + i);
        }
        http.post("/postback/1win?event=registration&user_id=copy-unmatched");
        http.post("/postback/1win?event=deposit&amount=1");
        users.saveProfile(9_399_999, null, "Claimant", "ru", "ads", ClickTokens.newToken());
        service.bean(TransactionTemplate.class).executeWithoutResult(tx ->
                service.bean(Claims.class).claim(9_399_999, "4242424242"));
    }

    private static List<List<String>> rows(String databaseUrl, String table) throws SQLException {
        DatabaseUrl url = DatabaseUrl.parse(databaseUrl);
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.username(), url.password());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
            List<List<String>> rows = new ArrayList<>();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.add(String.valueOf(result.getObject(i)));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static long maxId(String databaseUrl, String table) throws SQLException {
        DatabaseUrl url = DatabaseUrl.parse(databaseUrl);
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.username(), url.password());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT MAX(id) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
