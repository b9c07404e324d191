package org.postbackbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postbackbridge.attribution.PlayerLinks;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.users.BotUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Networks defined only in configuration: "secured" with its own parameter names, a token and a
 * signature key; "office" and "elsewhere" with IP allowlists that do and do not hold loopback.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "postback-bridge.attribution.accept-telegram-id-in-sub1=true",
        "postback-bridge.postback.networks.secured.display-name=Secured",
        "postback-bridge.postback.networks.secured.token=tok-" + PostbackAuthenticationTest.TOKEN_SUFFIX,
        "postback-bridge.postback.networks.secured.secret-key=" + PostbackAuthenticationTest.KEY,
        "postback-bridge.postback.networks.secured.parameters.event=goal",
        "postback-bridge.postback.networks.secured.parameters.player-id=pid",
        "postback-bridge.postback.networks.secured.parameters.click-id=click",
        "postback-bridge.postback.networks.secured.event-aliases.[signup]=registration",
        "postback-bridge.postback.networks.secured.event-aliases.[sale]=deposit",
        "postback-bridge.postback.networks.office.ip-allowlist=127.0.0.0/8,::1/128",
        "postback-bridge.postback.networks.office.event-aliases.[registration]=registration",
        "postback-bridge.postback.networks.elsewhere.ip-allowlist=203.0.113.0/24",
        "postback-bridge.postback.networks.elsewhere.event-aliases.[registration]=registration",
})
class PostbackAuthenticationTest extends PostbackTestBase {

    static final String TOKEN_SUFFIX = "9f8e7d6c";
    static final String KEY = "your_secret_key_from_1win";
    static final String TOKEN = "tok-" + TOKEN_SUFFIX;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlayerLinks players;

    @Test
    void aSecondNetworkIsConfigurationWithItsOwnParameterNames() {
        BotUser user = TestUsers.started(users, "en");
        String player = TestUsers.newPlayerId();

        Http.Response response = http.post("/postback/secured?" + signed(Map.of(
                "goal", "signup", "pid", player, "click", user.clickToken(), "token", TOKEN)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("processed");
        assertThat(players.telegramIdOf("secured", player)).contains(user.telegramId());
        assertThat(reload(user).casinoId()).as("casino_id mirrors the default network only").isNull();
        assertThat(outbox.forChat(user.telegramId()).getFirst().text()).contains("Secured");
    }

    @Test
    void missingOrWrongTokenIsUnauthorizedAndChangesNothing() {
        String player = TestUsers.newPlayerId();

        Http.Response missing = http.post("/postback/secured?" + signed(Map.of("goal", "signup", "pid", player)));
        Http.Response wrong = http.post("/postback/secured?" + signed(Map.of("goal", "signup", "pid", player, "token", "tok-guess")));

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("error").asString()).isEqualTo("invalid_token");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain(TOKEN);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM postbacks WHERE player_id = ? AND status <> 'rejected'").param(player)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT event FROM postbacks WHERE player_id = ? AND status = 'rejected'").param(player)
                .query(String.class).list()).as("refused rows keep the event and player they named")
                .containsExactly("registration", "registration");
    }

    @Test
    void badOrMissingSignatureIsUnauthorized() {
        String player = TestUsers.newPlayerId();
        String good = signed(Map.of("goal", "signup", "pid", player, "token", TOKEN));

        Http.Response tampered = http.post("/postback/secured?" + good.replace("pid=" + player, "pid=" + player + "0"));
        Http.Response unsigned = http.post("/postback/secured?goal=signup&pid=" + player + "&token=" + TOKEN);

        assertThat(tampered.status()).isEqualTo(401);
        assertThat(tampered.json().get("error").asString()).isEqualTo("invalid_signature");
        assertThat(unsigned.status()).isEqualTo(401);
    }

    @Test
    void signatureMayComeInTheXSignatureHeader() {
        String player = TestUsers.newPlayerId();
        Map<String, String> params = Map.of("goal", "signup", "pid", player, "token", TOKEN);
        String signature = PostbackSignature.sign(params, "signature", KEY);

        Http.Response response = http.post("/postback/secured?goal=signup&pid=" + player + "&token=" + TOKEN,
                "X-Signature", signature.toUpperCase());

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void theTokenAndSignatureAreNeverStored() {
        String player = TestUsers.newPlayerId();
        http.post("/postback/secured?" + signed(Map.of("goal", "signup", "pid", player, "token", TOKEN)));
        http.post("/postback/secured?goal=signup&pid=" + player + "&token=" + TOKEN + "x");

        assertThat(jdbc.sql("SELECT params FROM postbacks WHERE params LIKE ?").param("%" + player + "%").query(String.class).list())
                .hasSize(2)
                .allSatisfy(params -> assertThat(params).doesNotContain(TOKEN_SUFFIX).contains("\"token\":\"***\""));
    }

    @Test
    void addressOutsideTheAllowlistIsForbidden() {
        Http.Response inside = http.post("/postback/office?event=registration&user_id=" + TestUsers.newPlayerId());
        Http.Response outside = http.post("/postback/elsewhere?event=registration&user_id=" + TestUsers.newPlayerId());

        assertThat(inside.status()).isEqualTo(200);
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.json().get("error").asString()).isEqualTo("address_not_allowed");
    }

    @Test
    void aRawTelegramIdInSub1LinksOnlyWhenTheOperatorAllowsIt() {
        BotUser user = TestUsers.started(users, "ru");
        String player = TestUsers.newPlayerId();

        postback("event=registration&user_id=" + player + "&sub1=" + user.telegramId());

        assertThat(players.telegramIdOf("1win", player)).contains(user.telegramId());
    }

    private static String signed(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(k).append('=').append(v).append('&'));
        return query + "signature=" + PostbackSignature.sign(params, "signature", KEY);
    }
}
