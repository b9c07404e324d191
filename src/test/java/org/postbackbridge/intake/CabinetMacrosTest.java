package org.postbackbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What cabinets really send, over a real HTTP connection with the bytes as written: raw braces of
 * macros they did not substitute and raw {@code | [ ] ^} in sub-parameters reach the application,
 * which refuses only what it cannot process without (event, player, amount of money events) and
 * records everything.
 */
@IntegrationTest
class CabinetMacrosTest extends PostbackTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRawMacroInTheAmountIsRefusedByTheApplicationNamingItAndRecorded() {
        String player = TestUsers.newPlayerId();

        Http.Response response = rawGet("/postback/1win?event=deposit&user_id=" + player + "&amount={amount}&transaction_id=t-"
                + player);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asString()).isEqualTo("unsubstituted_macro");
        assertThat(response.json().get("parameter").asString()).isEqualTo("amount");
        assertThat(rows(player)).containsExactly(Map.of("status", "rejected", "event", "deposit",
                "params_amount", "{amount}"));
    }

    @Test
    void rawMacrosInAnEssentialParameterAreRefusedInAFormBodyToo() {
        String player = TestUsers.newPlayerId();

        Http.Response response = http.raw(formPost("event={event}&user_id=" + player + "&amount=5"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("parameter").asString()).isEqualTo("event");
    }

    @Test
    void aRawMacroInAnOptionalParameterIsReadAsAbsentAndTheDepositCounts() {
        LinkedPlayer linked = linkedPlayer("ru");

        Http.Response response = rawGet("/postback/1win?event=deposit&user_id=" + linked.playerId()
                + "&amount=100&currency={currency}&transaction_id=m-" + linked.playerId() + "&sub1={sub1}&date={date}");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("status").asString()).isEqualTo("processed");
        assertThat(body.get("event").get("currency").asString()).isEqualTo("RUB");
        assertThat(body.get("warnings").valueStream().map(w -> w.get("code").asString() + ":" + w.get("parameter").asString()))
                .containsExactly("unsubstituted_macro:currency", "unsubstituted_macro:sub1", "unsubstituted_macro:date");
        assertThat(reload(linked.user()).signalsUnlocked()).isTrue();
        assertThat(jdbc.sql("SELECT warnings FROM postbacks WHERE player_id = ? AND event = 'deposit'")
                .param(linked.playerId()).query(String.class).single()).contains("currency").contains("sub1");
    }

    @Test
    void rawPipesAndBracketsInSubParametersAreStoredAsSent() {
        String player = TestUsers.newPlayerId();

        Http.Response response = rawGet("/postback/1win?event=registration&user_id=" + player
                + "&sub2=a|b[c]^d&sub3=<x>&sub4=`q`&sub5=\\\"");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("warnings").isEmpty()).isTrue();
        assertThat(jdbc.sql("SELECT params FROM postbacks WHERE player_id = ?").param(player).query(String.class).single())
                .contains("a|b[c]^d").contains("<x>").contains("`q`");
    }

    @Test
    void theAnswerKeepsSuccessAndMessageAndOnlyAddsWarnings() {
        JsonNode body = postback("event=registration&user_id=" + TestUsers.newPlayerId()).json();

        assertThat(body.propertyNames()).containsExactly("success", "message", "event", "status", "warnings");
        assertThat(body.get("event").propertyNames()).containsExactly("type", "user_id", "amount", "currency");
    }

    private Http.Response rawGet(String pathAndQuery) {
        return http.raw("GET " + pathAndQuery + " HTTP/1.0\r\nHost: t\r\n\r\n");
    }

    private static String formPost(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "POST /postback/1win HTTP/1.0\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n" + body;
    }

    private List<Map<String, String>> rows(String player) {
        return jdbc.sql("SELECT status, event, params FROM postbacks WHERE player_id = ? ORDER BY id").param(player)
                .query((rs, n) -> Map.of("status", rs.getString("status"), "event", rs.getString("event"),
                        "params_amount", rs.getString("params").replaceAll(".*\"amount\":\"([^\"]*)\".*", "$1")))
                .list();
    }
}
