package org.postbackbridge.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postbackbridge.intake.PostbackSignature;
import org.postbackbridge.testsupport.ConsoleClient;
import org.postbackbridge.testsupport.FakeBotApi;
import org.postbackbridge.testsupport.HostilePostbacks;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.ServiceInstance;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.testsupport.VendorNeutral;
import org.postbackbridge.users.BotUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs the service with every secret set, exercises it with right and wrong credentials, then
 * searches everything the run wrote (log output, every table, every answer) for the secrets.
 */
@IntegrationTest
@VendorNeutral
// Log levels here, not in @DynamicPropertySource, whose properties arrive after logging is set up.
// Everything our code and the Telegram client would say, not only what INFO shows; the rest at INFO,
// as an operator runs it (the test profile says WARN).
@TestPropertySource(properties = {
        "logging.level.org.postbackbridge=debug",
        "logging.level.org.telegram=debug",
        "logging.level.root=info",
})
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

    /**
     * The hostile corpus with the postback token in every request, requests Tomcat itself refuses,
     * encoded paths, wrong and right admin tokens on every door, with the whole log at INFO or finer.
     */
    @Test
    void theHostileSuiteWithEverySecretSetLeavesNoSecretInTheLog(CapturedOutput output) {
        for (HostilePostbacks.Hostile hostile : HostilePostbacks.generate(1_400, 20261203L)) {
            http.raw(hostile.request().replaceFirst("/postback/1win\\??", "/postback/1win?token=" + POSTBACK_TOKEN + "&"));
        }
        String query = "token=" + POSTBACK_TOKEN + "&key=" + SECRET_KEY + "&bot=" + FakeBotApi.TOKEN + "&admin=" + ADMIN_TOKEN;
        List<String> refusedByTomcat = List.of(
                "GET /postback/1win?" + query + "&x=\u007f HTTP/1.0\r\n\r\n",
                "GET /postback/1win?" + query + "&x=\u0001 HTTP/1.0\r\n\r\n",
                "GET /postback/1win?" + query + "&x=a b c HTTP/1.0\r\n\r\n",
                "GET /postback/1win?" + query + "&sub1={sub1}|[x]^`\\\"<> HTTP/1.0\r\n\r\n",
                "GET /postback/1win?" + query + "&x=%zz%u1234%ff HTTP/1.0\r\n\r\n",
                "GET /postback/1win?" + query + "&pad=" + "x".repeat(20_000) + " HTTP/1.0\r\n\r\n",
                "GET /actuator/%70rometheus?" + query + " HTTP/1.0\r\n\r\n",
                "GET /actuator;a=b/prometheus?" + query + " HTTP/1.0\r\n\r\n",
                "GET /api/stats?" + query + " HTTP/1.0\r\nAuthorization: Bearer " + ADMIN_TOKEN + "\u0001\r\n\r\n",
                "GET /admin/users?" + query + " HTTP/1.0\r\nCookie: postback_bridge_console=" + ADMIN_TOKEN + "\r\n\r\n",
                "POST /telegram/webhook?" + query + " HTTP/1.0\r\nX-Telegram-Bot-Api-Secret-Token: " + FakeBotApi.TOKEN
                        + "\r\nContent-Length: 5\r\n\r\n{\"a\"",
                "GET /postback/1win?" + query + " HTTP/1.0\r\nX-Forwarded-For: " + ADMIN_TOKEN + "\r\n\r\n");
        refusedByTomcat.forEach(request -> {
            try {
                http.raw(request);
            } catch (IllegalStateException closedWithoutAnswer) {
                // Some of these Tomcat answers by closing the connection; the log is what is looked at.
            }
        });
        for (int i = 0; i < 12; i++) {
            http.get("/api/stats", "Authorization", "Bearer " + ADMIN_TOKEN.substring(0, 10 + i));
        }
        http.get("/api/stats", "Authorization", "Bearer " + ADMIN_TOKEN);
        http.get("/actuator/prometheus", "Authorization", "Bearer " + ADMIN_TOKEN);
        new ConsoleClient(port).signIn(ADMIN_TOKEN);
        new ConsoleClient(port).signIn(POSTBACK_TOKEN);

        for (String secret : SECRETS) {
            assertThat(output.getAll()).as("log output").doesNotContain(secret);
        }
    }

    /** A database that cannot be reached, with a password as hosting providers make them: every error path of a failed start. */
    @Test
    void aDatabasePasswordNeverReachesTheLogEvenWhenTheDatabaseIsDown(CapturedOutput output) {
        String password = "Pg?DB-SECRET@x:/1";
        assertThatThrownBy(() -> ServiceInstance.start("postgres://bridge:" + password + "@127.0.0.1:9/bridge",
                Map.of("logging.level.root", "info", "postback-bridge.database.migration-connect-retries", "0",
                        // The pool gives up on the unreachable server after the shortest wait it allows, not the test profile's 5 s.
                        "postback-bridge.database.startup-connection-timeout-ms", "500",
                        "postback-bridge.database.connection-timeout-ms", "500")).close()).isInstanceOf(Exception.class);

        assertThat(output.getAll()).contains("127.0.0.1").doesNotContain(password).doesNotContain("DB-SECRET");
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
