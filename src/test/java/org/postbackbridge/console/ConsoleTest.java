package org.postbackbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postbackbridge.outbox.Outbox;
import org.postbackbridge.outbox.OutboxMessage;
import org.postbackbridge.testsupport.ConsoleClient;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.users.BotUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ConsoleTest extends PostbackTestBase {

    @Autowired
    JdbcClient jdbc;

    ConsoleClient console;

    @BeforeEach
    void openConsole() {
        console = new ConsoleClient(port);
    }

    @Test
    void pagesNeedTheAdminToken() {
        Http.Response anonymous = console.get("/admin/postbacks");
        assertThat(anonymous.body()).contains("Admin token").doesNotContain("id=\"postbacks\"");

        Http.Response wrong = console.signIn("not-the-token");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("That is not the admin token");
        assertThat(console.get("/admin/export/users.csv").body()).doesNotContain("telegram_id");

        assertThat(console.signIn(Http.ADMIN_TOKEN).body()).contains("id=\"checklist\"");
        assertThat(console.get("/admin/postbacks").body()).contains("id=\"postbacks\"");
    }

    @Test
    void aForgedCookieIsNotASignIn() {
        Http.Response response = new Http(port).get("/admin",
                "Cookie", "postback_bridge_console=99999999999999.0123456789abcdef");
        assertThat(response.body()).doesNotContain("id=\"funnel\"");
    }

    @Test
    void unmatchedPlayerLinkedFromTheLogGetsItsPostbacksApplied() {
        BotUser user = TestUsers.started(users, "en");
        String player = TestUsers.newPlayerId();
        postback("event=registration&user_id=" + player);
        postback("event=first_deposit&user_id=" + player + "&amount=700&currency=RUB&transaction_id=" + player);
        console.signIn(Http.ADMIN_TOKEN);
        assertThat(console.get("/admin/postbacks?status=unmatched&player=" + player).body())
                .contains("action=\"/admin/postbacks/link\"");

        Http.Response linked = console.post("/admin/postbacks/link",
                "network", "1win", "player", player, "user", "@" + user.username());

        assertThat(linked.body()).contains("is linked now");
        assertThat(reload(user).deposited()).isTrue();
        assertThat(reload(user).casinoId()).isEqualTo(player);
        assertThat(messageKinds(user)).containsExactly("link_summary");
        assertThat(console.get("/admin/postbacks?status=unmatched&player=" + player).body())
                .contains("No postbacks match.");
    }

    @Test
    void thePostbackLogPagesWithoutCountingItsRows() {
        String player = TestUsers.newPlayerId();
        for (int i = 0; i < 26; i++) {
            postback("event=deposit&user_id=" + player + "&amount=1&transaction_id=" + player + "-" + i);
        }
        console.signIn(Http.ADMIN_TOKEN);

        Http.Response first = console.get("/admin/postbacks?player=" + player + "&size=25");
        assertThat(first.body().split("<tr data-id=")).hasSize(26);
        assertThat(first.body()).contains("1–25</span>").contains("class=\"next\"").doesNotContain("class=\"previous\"");
        Http.Response second = console.get("/admin/postbacks?player=" + player + "&size=25&page=2");
        assertThat(second.body().split("<tr data-id=")).hasSize(2);
        assertThat(second.body()).contains("26–26</span>").contains("class=\"previous\"").doesNotContain("class=\"next\"");
    }

    @Test
    void aPageOrSizeThatIsNotANumberIsRefusedByNameAndOneOutOfRangeReadsAsTheNearest() {
        BotUser user = TestUsers.started(users, "en");
        console.signIn(Http.ADMIN_TOKEN);
        for (String path : List.of("/admin/postbacks?page=abc", "/admin/users?size=lots", "/admin/messages?page=abc",
                "/admin/users/" + user.telegramId() + "?messages_page=abc")) {
            Http.Response refused = console.get(path);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.json().path("error").asString()).as(path).isEqualTo("invalid_parameter");
            assertThat(refused.json().path("parameter").asString()).as(path).isIn("page", "size", "messages_page");
            assertThat(refused.json().path("message").asString()).as(path).contains("must be a number");
        }
        assertThat(console.get("/admin/postbacks?page=-3&size=7").status()).isEqualTo(200);
        assertThat(console.get("/admin/messages?page=0&size=1000").status()).isEqualTo(200);
    }

    @Test
    void aFormWithoutItsTokenChangesNothing() {
        BotUser user = TestUsers.started(users, "en");
        String player = TestUsers.newPlayerId();
        postback("event=registration&user_id=" + player);
        console.signIn(Http.ADMIN_TOKEN);

        Http.Response forged = console.postWithToken("/admin/postbacks/link", null,
                "network", "1win", "player", player, "user", String.valueOf(user.telegramId()));
        Http.Response wrongToken = console.postWithToken("/admin/postbacks/link", "00ff",
                "network", "1win", "player", player, "user", String.valueOf(user.telegramId()));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(reload(user).casinoId()).isNull();
    }

    @Test
    void deadMessageRetriedFromTheOutboxGoesOutAgain() {
        LinkedPlayer linked = linkedPlayer("en");
        OutboxMessage welcome = outbox.forChat(linked.user().telegramId()).getFirst();
        jdbc.sql("UPDATE outbox SET status = 'dead', last_error = '400: chat not found' WHERE id = ?")
                .param(welcome.id()).update();
        console.signIn(Http.ADMIN_TOKEN);
        assertThat(console.get("/admin/outbox?status=dead").body()).contains("400: chat not found");

        Http.Response retried = console.post("/admin/outbox/" + welcome.id() + "/retry");

        assertThat(retried.body()).contains("1 message queued again");
        org.awaitility.Awaitility.await().untilAsserted(() ->
                assertThat(outbox.find(welcome.id()).orElseThrow().status()).isEqualTo(Outbox.DRY_RUN));
        assertThat(console.post("/admin/outbox/" + welcome.id() + "/retry").body())
                .contains("0 messages queued again");
    }

    @Test
    void testerRunsThePipelineAndReportsEachStage() {
        LinkedPlayer linked = linkedPlayer("en");
        console.signIn(Http.ADMIN_TOKEN);

        String verdict = console.post("/admin/tester", "network", "1win", "postback",
                "https://example.com/postback/1win?event=deposit&user_id=" + linked.playerId()
                        + "&amount=250&currency=USD&transaction_id=tester-1").body();

        assertThat(verdict).contains("data-stage=\"Authenticated\" data-state=\"PASS\"",
                "data-stage=\"Parsed\" data-state=\"PASS\"", "data-stage=\"Attributed\" data-state=\"PASS\"",
                "data-stage=\"Effects\" data-state=\"PASS\"", "data-stage=\"Messages queued\" data-state=\"PASS\"",
                "casino_deposit", "id=\"tester-messages\"", "Rolled back");
        assertThat(reload(linked.user()).deposited()).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM postbacks WHERE transaction_id = 'tester-1'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void testerFlagsMacrosTheCabinetLeftAndStopsAtParsing() {
        console.signIn(Http.ADMIN_TOKEN);

        String verdict = console.post("/admin/tester", "network", "1win", "postback",
                "event=deposit&user_id={user_id}&amount={amount}").body();

        assertThat(verdict).contains("id=\"macros\"", "user_id={user_id}", "amount={amount}",
                "data-stage=\"Parsed\" data-state=\"FAIL\"", "data-stage=\"Attributed\" data-state=\"SKIP\"");
    }

    @Test
    void usersAreFoundByTelegramIdUsernameOrPlayer() {
        LinkedPlayer linked = linkedPlayer("en");
        BotUser other = TestUsers.started(users, "en");
        console.signIn(Http.ADMIN_TOKEN);

        for (String query : List.of(String.valueOf(linked.user().telegramId()), "@" + linked.user().username(),
                linked.playerId())) {
            assertThat(console.get("/admin/users?q=" + query).body())
                    .as(query)
                    .contains("data-id=\"" + linked.user().telegramId() + "\"")
                    .doesNotContain("data-id=\"" + other.telegramId() + "\"");
        }
    }

    @Test
    void postbackExportFollowsTheFiltersAndDisarmsFormulas() {
        String player = TestUsers.newPlayerId();
        postback("event=registration&user_id=" + player + "&transaction_id=%3D1%2B1");
        postback("event=registration&user_id=" + TestUsers.newPlayerId());
        console.signIn(Http.ADMIN_TOKEN);

        String csv = console.get("/admin/export/postbacks.csv?player=" + player).body();

        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("\uFEFFid,received_at,network,event,player_id");
        assertThat(lines.get(1)).contains(player, "unmatched", ",'=1+1,");
        assertThat(csv).doesNotContain(",=1+1");
    }

    @Test
    void userAndEventExportsFollowTheirFilters() {
        LinkedPlayer linked = linkedPlayer("en");
        LinkedPlayer other = linkedPlayer("en");
        console.signIn(Http.ADMIN_TOKEN);

        List<String> users = console.get("/admin/export/users.csv?q=" + linked.playerId()).body().lines().toList();
        List<String> events = console.get("/admin/export/events.csv?type=casino_registration&user="
                + linked.user().telegramId()).body().lines().toList();

        assertThat(users).hasSize(2);
        assertThat(users.get(1)).startsWith(linked.user().telegramId() + ",").contains("1win:" + linked.playerId());
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).contains("," + linked.user().telegramId() + ",casino_registration,")
                .doesNotContain(String.valueOf(other.user().telegramId()));
    }
}
