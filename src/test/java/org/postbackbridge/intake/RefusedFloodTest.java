package org.postbackbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.platform.web.ClientSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Anyone can send refused requests; one source gets at most 60 a minute of them recorded, the rest
 * only counted. A network that proved who it is (its token) has every refused postback recorded.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "postback-bridge.postback.refused-per-minute=60",
        "postback-bridge.postback.networks.tokened.token=flood-token-77",
        "postback-bridge.postback.networks.tokened.event-aliases.[deposit]=deposit",
})
class RefusedFloodTest extends PostbackTestBase {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void oneSourceGetsAtMostSixtyRefusedRequestsAMinuteRecordedAndTheRestCounted() {
        String flood = "flood-" + TestUsers.newPlayerId();
        double unrecordedBefore = unrecorded();

        for (int i = 0; i < 100; i++) {
            assertThat(postback("event=deposit&user_id=" + flood + "&amount=-" + i).status()).isEqualTo(400);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(http.post("/postback/nowhere?user_id=" + flood).status()).isEqualTo(404);
        }

        long recorded = jdbc.sql("SELECT COUNT(*) FROM postbacks WHERE player_id = ? OR params LIKE ?")
                .param(flood).param("%" + flood + "%").query(Long.class).single();
        assertThat(recorded).isEqualTo(60);
        assertThat(unrecorded() - unrecordedBefore).isEqualTo(50);
        assertThat(http.get("/postback/health").status()).isEqualTo(200);

        String partner = "partner-" + TestUsers.newPlayerId();
        assertThat(http.post("/postback/tokened?event=deposit&user_id=" + partner + "&amount=x&token=flood-token-77")
                .status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM postbacks WHERE player_id = ?").param(partner).query(Long.class).single())
                .as("a refused postback that proved its sender is recorded past the budget").isEqualTo(1);
        assertThat(postback("event=registration&user_id=" + TestUsers.newPlayerId()).json().get("status").asString())
                .as("accepted postbacks are not limited").isEqualTo("unmatched");
    }

    private double unrecorded() {
        return meters.counter("postback_bridge.postbacks.unrecorded").count();
    }

    @Test
    void ipv6AddressesCountPerSlash64AndMappedIpv4AsIpv4() {
        assertThat(ClientSource.of("2001:db8:1:2:aaaa::1"))
                .isEqualTo(ClientSource.of("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assertThat(ClientSource.of("2001:db8:1:2::1")).isNotEqualTo(ClientSource.of("2001:db8:1:3::1"));
        assertThat(ClientSource.of("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientSource.of("203.0.113.7")).isEqualTo("203.0.113.7");
    }
}
