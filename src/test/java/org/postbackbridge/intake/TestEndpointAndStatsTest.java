package org.postbackbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class TestEndpointAndStatsTest extends PostbackTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void healthAnswersOkWithTheServiceName() {
        Http.Response response = http.get("/postback/health");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("ok");
        assertThat(response.json().get("service").asString()).isEqualTo("postback");
    }

    @Test
    void testPostbackAnswersWithSuccessAndMessageAndIsMarkedTest() {
        String player = TestUsers.newPlayerId();

        Http.Response response = http.post("/postback/test?user_id=" + player + "&event=registration",
                "Authorization", "Bearer " + Http.ADMIN_TOKEN);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("message").asString()).startsWith("Registration");
        assertThat(body.get("event").get("type").asString()).isEqualTo("registration");
        assertThat(body.get("event").get("user_id").asString()).isEqualTo(player);
        assertThat(body.get("event").get("amount").isNull()).isTrue();
        assertThat(body.get("status").asString()).isEqualTo("test");
        assertThat(body.get("applied").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM postbacks WHERE player_id = ?").param(player).query(Long.class).single())
                .isZero();
    }

    @Test
    void testPostbackAppliedForRealRunsTheRealPipelineForALinkedPlayer() {
        LinkedPlayer linked = linkedPlayer("ru");

        Http.Response response = http.post("/postback/test?user_id=" + linked.playerId() + "&event=deposit&amount=1000&apply=true",
                "Authorization", "Bearer " + Http.ADMIN_TOKEN);

        assertThat(response.json().get("message").asString()).isEqualTo("Deposit processed");
        assertThat(response.json().get("applied").asBoolean()).isTrue();
        assertThat(reload(linked.user()).signalsUnlocked()).isTrue();
        assertThat(messageKinds(linked.user())).containsExactly("registration", "deposit", "signals_unlocked");
    }

    @Test
    void testPostbackNeedsTheAdminToken() {
        Http.Response none = http.post("/postback/test?user_id=1&event=registration");
        Http.Response wrong = http.post("/postback/test?user_id=1&event=registration", "Authorization", "Bearer nope");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("error").asString()).isEqualTo("admin_token_required");
        assertThat(none.json().get("message").asString()).contains("ADMIN_TOKEN", "log");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain(Http.ADMIN_TOKEN);
    }

    @Test
    void statsCountUsersDepositsAndUnmatchedPostbacks() {
        JsonNode before = http.asAdmin("GET", "/api/stats").json();
        LinkedPlayer linked = linkedPlayer("ru");
        postback("event=deposit&user_id=" + linked.playerId() + "&amount=1000&transaction_id=s-" + linked.playerId());
        postback("event=deposit&user_id=" + TestUsers.newPlayerId() + "&amount=5&transaction_id=s-unmatched");

        Http.Response response = http.asAdmin("GET", "/api/stats");

        assertThat(response.status()).isEqualTo(200);
        JsonNode after = response.json();
        assertThat(delta(before, after, "total_users")).isEqualTo(1);
        assertThat(delta(before, after, "deposited_users")).isEqualTo(1);
        assertThat(delta(before, after, "signals_unlocked_users")).isEqualTo(1);
        assertThat(delta(before, after, "registrations")).isEqualTo(1);
        assertThat(delta(before, after, "deposit_count")).isEqualTo(1);
        assertThat(delta(before, after, "unmatched_postbacks")).isEqualTo(1);
        assertThat(after.has("subscribed_users")).isTrue();
        assertThat(http.get("/api/stats").status()).isEqualTo(401);
    }

    private static long delta(JsonNode before, JsonNode after, String field) {
        return after.get(field).asLong() - before.get(field).asLong();
    }
}
