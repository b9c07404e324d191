package org.postbackbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** With the database gone, postbacks get 503 (so the network retries) and health says degraded. */
@IntegrationTest
// A service of its own, thrown away afterwards: on the shared one, other classes' messages may be on
// their way when the pool closes, and closing would then wait a minute for their results to be written.
@TestPropertySource(properties = "spring.application.name=storage-unavailable-test")
@DirtiesContext
class StorageUnavailableTest extends PostbackTestBase {

    @Autowired
    HikariDataSource dataSource;

    @Test
    void postbacksGet503AndHealthSaysDegradedWhenTheDatabaseIsGone() throws Exception {
        assertThat(http.get("/postback/health").status()).isEqualTo(200);

        dataSource.close();

        Http.Response response = postback("event=registration&user_id=gone1");
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.json().get("error").asString()).isEqualTo("storage_unavailable");
        Http.Response health = awaitHealthStatus(503, Duration.ofSeconds(5));
        assertThat(health.json().get("status").asString()).isEqualTo("degraded");
    }

    private Http.Response awaitHealthStatus(int status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Http.Response health = http.get("/postback/health");
        while (health.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(100);
            health = http.get("/postback/health");
        }
        return health;
    }
}
