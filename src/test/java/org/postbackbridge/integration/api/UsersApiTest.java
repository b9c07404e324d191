package org.postbackbridge.integration.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.postbackbridge.integration.ApiClient;
import org.postbackbridge.integration.ApiKeys;
import org.postbackbridge.integration.apikeys.ApiScope;
import org.postbackbridge.testsupport.ConsoleClient;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Another bot registers its users, hands out their links, reads their state and sends their claims. */
@IntegrationTest
class UsersApiTest extends PostbackTestBase {

    @Autowired
    ApiKeys keys;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRegisteredUserGetsAPersonalLinkThatStaysTheSameOnEveryRegistration() {
        ApiClient bot = new ApiClient(port, keys.create("aiogram", ApiScope.READ_WRITE).key());
        long id = newTelegramId();

        Http.Response first = bot.put("/api/v1/users/" + id,
                "{\"username\":\"ann\",\"first_name\":\"Ann\",\"language\":\"pt-BR\",\"traffic_source\":\"tiktok\"}");
        Http.Response again = bot.put("/api/v1/users/" + id, "{\"username\":\"ann2\",\"first_name\":\"Ann\"}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        String token = first.json().get("click_token").asString();
        assertThat(token).hasSizeGreaterThan(20);
        assertThat(first.json().get("affiliate_link").asString()).isEqualTo("https://1win.example/?p=x&sub1=" + token);
        assertThat(again.json().get("click_token").asString()).isEqualTo(token);
        JsonNode user = bot.get("/api/v1/users/" + id).json();
        assertThat(user.get("username").asString()).isEqualTo("ann2");
        assertThat(user.get("traffic_source").asString()).isEqualTo("tiktok");
        assertThat(user.get("deposited").asBoolean()).isFalse();
    }

    @Test
    void theUserReadsBackWhatThePostbacksOfTheirLinkDid() {
        ApiClient bot = new ApiClient(port, keys.create("grammy", ApiScope.READ_WRITE).key());
        long id = newTelegramId();
        String token = bot.put("/api/v1/users/" + id, "{}").json().get("click_token").asString();
        String player = numericPlayerId();

        postback("event=registration&user_id=" + player + "&sub1=" + token);
        postback("event=first_deposit&user_id=" + player + "&amount=50.5&currency=USD&transaction_id=a" + player);
        postback("event=deposit&user_id=" + player + "&amount=20&currency=USD&transaction_id=b" + player);
        postback("event=deposit&user_id=" + player + "&amount=100&currency=EUR&transaction_id=c" + player);

        JsonNode user = bot.get("/api/v1/users/" + id).json();
        assertThat(user.get("players").get(0).get("network").asString()).isEqualTo("1win");
        assertThat(user.get("players").get(0).get("player_id").asString()).isEqualTo(player);
        assertThat(user.get("players").get(0).get("linked_by").asString()).isEqualTo("click_token");
        assertThat(user.get("deposited").asBoolean()).isTrue();
        assertThat(user.get("deposit_count").asLong()).isEqualTo(3);
        assertThat(user.get("deposits").get(0).get("currency").asString()).isEqualTo("EUR");
        assertThat(user.get("deposits").get(1).get("currency").asString()).isEqualTo("USD");
        assertThat(user.get("deposits").get(1).get("count").asLong()).isEqualTo(2);
        assertThat(user.get("deposits").get(1).get("sum").decimalValue()).isEqualByComparingTo("70.5");
        assertThat(user.get("blocked").asBoolean()).isFalse();
        assertThat(user.get("muted").asBoolean()).isFalse();
    }

    @Test
    void aClaimIsDecidedByTheClaimPolicyOfTheBot() {
        ApiClient bot = new ApiClient(port, keys.create("claims", ApiScope.READ_WRITE).key());
        long id = newTelegramId();
        bot.put("/api/v1/users/" + id, "{}");
        String player = numericPlayerId();
        postback("event=registration&user_id=" + player);

        Http.Response claimed = bot.post("/api/v1/users/" + id + "/claims", "{\"player_id\":\"" + player + "\"}");
        Http.Response again = bot.post("/api/v1/users/" + id + "/claims", "{\"player_id\":\"" + player + "\"}");

        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.json().get("result").asString()).isEqualTo("linked");
        assertThat(again.json().get("result").asString()).isEqualTo("already_yours");
        assertThat(bot.get("/api/v1/users/" + id).json().get("players").get(0).get("linked_by").asString())
                .isEqualTo("claim");
        // Recorded with the policy's reason, as a claim typed into the bot is.
        assertThat(jdbc.sql("SELECT status FROM claims WHERE telegram_id = ? AND player_id = ?").params(id, player)
                .query(String.class).list()).containsExactly("linked");
    }

    @Test
    void badInputGetsAnErrorNamingTheProblemAndChangesNothing() {
        ApiClient bot = new ApiClient(port, keys.create("careless", ApiScope.READ_WRITE).key());
        long id = newTelegramId();

        Http.Response notJson = bot.put("/api/v1/users/" + id, "{username:");
        Http.Response badSource = bot.put("/api/v1/users/" + id, "{\"traffic_source\":\"a b\"}");
        Http.Response badId = bot.put("/api/v1/users/-5", "{}");
        Http.Response unknown = bot.get("/api/v1/users/" + id);
        Http.Response claimOfUnknown = bot.post("/api/v1/users/" + id + "/claims", "{\"player_id\":\"12345\"}");
        bot.put("/api/v1/users/" + id, "{}");
        Http.Response badPlayer = bot.post("/api/v1/users/" + id + "/claims", "{\"player_id\":\"1; DROP\"}");

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("error").asString()).isEqualTo("invalid_json");
        assertThat(badSource.status()).isEqualTo(400);
        assertThat(badSource.json().get("parameter").asString()).isEqualTo("traffic_source");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("error").asString()).isEqualTo("invalid_telegram_id");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asString()).isEqualTo("user_not_found");
        assertThat(claimOfUnknown.status()).isEqualTo(404);
        assertThat(badPlayer.status()).isEqualTo(400);
        assertThat(badPlayer.json().get("parameter").asString()).isEqualTo("player_id");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM claims WHERE telegram_id = ?").param(id).query(Long.class).single())
                .isZero();
    }

    @Test
    void aReadKeyReadsButCannotWriteAndARevokedKeyIsRefused() {
        ApiKeys.Created read = keys.create("dashboard", ApiScope.READ);
        ApiKeys.Created write = keys.create("bot", ApiScope.READ_WRITE);
        long id = newTelegramId();
        new ApiClient(port, write.key()).put("/api/v1/users/" + id, "{}");

        Http.Response readByReadKey = new ApiClient(port, read.key()).get("/api/v1/users/" + id);
        Http.Response writeByReadKey = new ApiClient(port, read.key()).put("/api/v1/users/" + id, "{}");
        Http.Response claimByReadKey = new ApiClient(port, read.key()).post("/api/v1/users/" + id + "/claims",
                "{\"player_id\":\"12345\"}");
        Http.Response byAdmin = new ApiClient(port, Http.ADMIN_TOKEN).put("/api/v1/users/" + id, "{}");
        Http.Response anonymous = new ApiClient(port, null).get("/api/v1/users/" + id);
        Http.Response wrongKey = new ApiClient(port, "pbb_not-a-key").get("/api/v1/users/" + id);
        Http.Response keyOnOldApi = new ApiClient(port, write.key()).get("/api/stats");
        keys.revoke(write.apiKey().id());
        Http.Response revoked = new ApiClient(port, write.key()).get("/api/v1/users/" + id);

        assertThat(readByReadKey.status()).isEqualTo(200);
        assertThat(writeByReadKey.status()).isEqualTo(403);
        assertThat(writeByReadKey.json().get("error").asString()).isEqualTo("read_only_api_key");
        assertThat(claimByReadKey.status()).isEqualTo(403);
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("error").asString()).isEqualTo("api_key_required");
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(keyOnOldApi.status()).isEqualTo(401);
        assertThat(revoked.status()).isEqualTo(401);
    }

    @Test
    void theConsoleShowsANewKeyOnceStoresOnlyItsHashAndRevokesIt() {
        ConsoleClient console = new ConsoleClient(port);
        console.signIn(Http.ADMIN_TOKEN);
        console.get("/admin/api-keys");

        Http.Response created = console.post("/admin/api-keys", "name", "my grammY bot", "scope", "READ_WRITE");

        Matcher shown = Pattern.compile("id=\"new-key-value\">(pbb_[A-Za-z0-9_-]+)<").matcher(created.body());
        assertThat(shown.find()).isTrue();
        String key = shown.group(1);
        long id = newTelegramId();
        assertThat(new ApiClient(port, key).put("/api/v1/users/" + id, "{}").status()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE key_hash = ?").param(key).query(Long.class).single())
                .isZero();
        Http.Response listed = console.get("/admin/api-keys");
        assertThat(listed.body()).contains("my grammY bot").doesNotContain(key);
        long keyId = jdbc.sql("SELECT id FROM api_keys WHERE name = 'my grammY bot'").query(Long.class).single();

        console.post("/admin/api-keys/" + keyId + "/revoke");

        assertThat(new ApiClient(port, key).get("/api/v1/users/" + id).status()).isEqualTo(401);
    }

    private static long newTelegramId() {
        return Long.parseLong(numericPlayerId());
    }

    private static String numericPlayerId() {
        return TestUsers.newPlayerId().substring(1);
    }
}
