package org.postbackbridge.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestDatabase;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.users.BotUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * While the database is unavailable postbacks get 503 and nothing is half-applied; when it
 * comes back the same service instance recovers and the network's retry is applied once.
 */
@IntegrationTest
// The connection timeout is the production default, which the test profile raises.
@TestPropertySource(properties = {"postback-bridge.database.sqlite-busy-timeout-ms=300",
        "postback-bridge.database.connection-timeout-ms=1000"})
class DatabaseOutageTest extends PostbackTestBase {

    @Autowired
    HikariDataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void postbacksGet503DuringAnOutageAndSucceedOnRetryAfterIt() throws Exception {
        BotUser user = TestUsers.started(users, "ru");
        String player = TestUsers.newPlayerId();
        String registration = "event=registration&user_id=" + player + "&sub1=" + user.clickToken();

        try (AutoCloseable outage = TestDatabase.outage(dataSource.getJdbcUrl())) {
            long start = System.nanoTime();
            Http.Response during = postback(registration);
            long answeredAfterMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("Postback during the outage answered " + during.status() + " after " + answeredAfterMillis + " ms");

            assertThat(during.status()).isEqualTo(503);
            // With the default timeouts: a partner program's request is answered, not left hanging.
            assertThat(answeredAfterMillis).as("ms until the 503").isLessThan(2_000);
            assertThat(during.json().get("error").asString()).isEqualTo("storage_unavailable");
            assertThat(awaitHealth(503).json().get("status").asString()).isEqualTo("degraded");
        }

        assertThat(awaitHealth(200).json().get("status").asString()).isEqualTo("ok");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM players WHERE player_id = ?").param(player).query(Long.class).single())
                .as("nothing of the refused postback was applied").isZero();
        Http.Response retry = postback(registration);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("status").asString()).isEqualTo("processed");
        assertThat(messageKinds(user)).containsExactly("registration");
    }

    private Http.Response awaitHealth(int status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Http.Response health = http.get("/postback/health");
        while (health.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(100);
            health = http.get("/postback/health");
        }
        return health;
    }
}
