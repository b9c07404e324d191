package org.postbackbridge.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postbackbridge.postback.PostbackSignature;
import org.postbackbridge.testsupport.FakeBotApi;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.users.BotUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs the service with every secret set, exercises it with right and wrong credentials, then
 * searches everything the run wrote (log output, every table, every answer) for the secrets.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLeakTest extends PostbackTestBase {

    static final String ADMIN_TOKEN = "admin-SECRET-a1b2c3d4";
    static final String POSTBACK_TOKEN = "postback-SECRET-e5f6";
    static final String SECRET_KEY = "hmac-SECRET-0789";
    static final FakeBotApi BOT_API = new FakeBotApi();
    static final List<String> SECRETS = List.of(ADMIN_TOKEN, POSTBACK_TOKEN, SECRET_KEY, FakeBotApi.TOKEN,
            FakeBotApi.TOKEN.substring(FakeBotApi.TOKEN.indexOf(':') + 1));

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void secrets(DynamicPropertyRegistry registry) {
        registry.add("postback-bridge.admin.token", () -> ADMIN_TOKEN);
        registry.add("postback-bridge.postback.networks.1win.token", () -> POSTBACK_TOKEN);
        registry.add("postback-bridge.postback.networks.1win.secret-key", () -> SECRET_KEY);
        registry.add("postback-bridge.telegram.token", () -> FakeBotApi.TOKEN);
        registry.add("postback-bridge.telegram.api-url", BOT_API::url);
        // Look at everything our code and the Telegram client would say, not only what INFO shows.
        registry.add("logging.level.org.postbackbridge", () -> "debug");
        registry.add("logging.level.org.telegram", () -> "debug");
    }

    @AfterAll
    static void stopBotApi() {
        BOT_API.close();
    }

    @Test
    void noSecretAppearsInLogsStoredDataOrAnswers(CapturedOutput output) throws Exception {
        List<String> answers = new ArrayList<>();
        BotUser user = TestUsers.started(users, "ru");
        String player = TestUsers.newPlayerId();
        Map<String, String> registration = Map.of("event", "registration", "user_id", player, "sub1", user.clickToken(),
                "token", POSTBACK_TOKEN);
        answers.add(http.post("/postback/1win?" + signed(registration)).body());
        Map<String, String> deposit = Map.of("event", "deposit", "user_id", player, "amount", "10",
                "transaction_id", "s-" + player, "token", POSTBACK_TOKEN);
        answers.add(http.post("/postback/1win?" + signed(deposit)).body());
        answers.add(http.post("/postback/1win?event=deposit&user_id=" + player + "&amount=5&token=" + POSTBACK_TOKEN + "x").body());
        answers.add(http.post("/postback/1win?event=deposit&user_id=" + player + "&amount=5&token=" + POSTBACK_TOKEN
                + "&signature=" + "0".repeat(64)).body());
        answers.add(http.post("/postback/1win?event=deposit&user_id=" + player + "&amount=%7Bamount%7D&token=" + POSTBACK_TOKEN).body());
        answers.add(http.get("/api/stats", "Authorization", "Bearer " + ADMIN_TOKEN + "x").body());
        answers.add(http.get("/api/stats", "Authorization", "Bearer " + ADMIN_TOKEN).body());
        answers.add(http.post("/postback/test?event=registration&user_id=" + player, "Authorization", "Bearer " + ADMIN_TOKEN).body());
        Thread.sleep(500); // let the dispatcher run over the queued messages

        assertThat(answers.get(0)).contains("\"processed\"");
        assertThat(answers.get(6)).contains("total_users");
        for (String secret : SECRETS) {
            assertThat(output.getAll()).as("log output").doesNotContain(secret);
            assertThat(answers).as("answers").noneMatch(answer -> answer.contains(secret));
            assertThat(everyStoredText()).as("stored data").noneMatch(text -> text.contains(secret));
        }
    }

    private List<String> everyStoredText() {
        List<String> texts = new ArrayList<>();
        for (String table : List.of("users", "players", "postbacks", "events", "outbox", "settings")) {
            jdbc.sql("SELECT * FROM " + table).query((rs, n) -> {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    texts.add(String.valueOf(rs.getObject(i)));
                }
                return null;
            }).list();
        }
        return texts;
    }

    private static String signed(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(k).append('=').append(v).append('&'));
        return query + "signature=" + PostbackSignature.sign(params, "signature", SECRET_KEY);
    }
}
