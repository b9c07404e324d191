package org.postbackbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postbackbridge.eventlog.EventLog;
import org.postbackbridge.eventlog.UserDeposits;
import org.postbackbridge.outbox.OutboxMessage;
import org.postbackbridge.testsupport.ConsoleClient;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.users.BotUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The tester and {@code POST /postback/test} touch no real user unless told to, and what they apply can be undone. */
@IntegrationTest
class TestPostbacksTest extends PostbackTestBase {

    static final long OPERATOR_CHAT = 9000001;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDeposits deposits;
    @Autowired
    EventLog events;

    ConsoleClient console;

    @BeforeEach
    void signIn() {
        console = new ConsoleClient(port);
        console.signIn(Http.ADMIN_TOKEN);
    }

    @Test
    void aTesterRunChangesNothingAndSendsNothing() {
        LinkedPlayer linked = linkedPlayer("ru");
        Snapshot before = snapshot(linked.user());

        String verdict = console.post("/admin/tester", "network", "1win", "postback",
                "event=first_deposit&user_id=" + linked.playerId() + "&amount=777&transaction_id=dry-" + linked.playerId()).body();

        assertThat(verdict).contains("data-stage=\"Effects\" data-state=\"PASS\"", "data-stage=\"Rolled back\"",
                "Messages that would have been sent", "🧪 TEST", "777 ₽");
        assertThat(snapshot(linked.user())).isEqualTo(before);
        assertThat(reload(linked.user()).deposited()).isFalse();
    }

    @Test
    void theTestEndpointChangesNothingAndSendsNothingAndShowsWhatWouldHaveHappened() {
        LinkedPlayer linked = linkedPlayer("ru");
        Snapshot before = snapshot(linked.user());

        Http.Response response = http.post("/postback/test?event=first_deposit&user_id=" + linked.playerId()
                + "&amount=777&transaction_id=dry-" + linked.playerId(), "Authorization", "Bearer " + Http.ADMIN_TOKEN);

        JsonNode body = response.json();
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("status").asString()).isEqualTo("test");
        assertThat(body.get("event").get("user_id").asString()).isEqualTo(linked.playerId());
        assertThat(body.get("applied").asBoolean()).isFalse();
        assertThat(body.get("stages").valueStream().map(stage -> stage.get("name").asString()).toList())
                .containsExactly("Authenticated", "Parsed", "Attributed", "Effects", "Messages queued", "Rolled back");
        assertThat(body.get("messages").valueStream().map(message -> message.get("text").asString()).toList())
                .anySatisfy(text -> assertThat(text).startsWith("🧪 TEST").contains("Депозит получен", "777 ₽"));
        assertThat(snapshot(linked.user())).isEqualTo(before);
    }

    @Test
    void anAppliedTestIsMarkedEverywhereAndCanBeUndone() {
        LinkedPlayer linked = linkedPlayer("ru");
        BotUser user = linked.user();
        long depositsBefore = http.asAdmin("GET", "/api/stats").json().get("deposit_count").asLong();
        long depositEventsBefore = events.countOfType("casino_deposit");

        Http.Response response = http.post("/postback/test?event=first_deposit&user_id=" + linked.playerId()
                + "&amount=777&currency=XTS&transaction_id=real-" + linked.playerId() + "&apply=true",
                "Authorization", "Bearer " + Http.ADMIN_TOKEN);

        assertThat(response.json().get("applied").asBoolean()).isTrue();
        long postbackId = jdbc.sql("SELECT id FROM postbacks WHERE transaction_id = ?").param("real-" + linked.playerId())
                .query(Long.class).single();
        assertThat(jdbc.sql("SELECT status FROM postbacks WHERE id = ?").param(postbackId).query(String.class).single())
                .isEqualTo("test");
        assertThat(reload(user).signalsUnlocked()).isTrue();
        List<OutboxMessage> testMessages = outbox.queuedUnder(PostbackOutcome.messageKey(postbackId));
        assertThat(testMessages).extracting(OutboxMessage::chatId).contains(user.telegramId(), OPERATOR_CHAT);
        assertThat(testMessages).allSatisfy(message -> assertThat(message.text()).startsWith("🧪 TEST"));
        // Left out of /status, the bot's /stats, /api/stats and the exports unless asked for.
        assertThat(deposits.totals(user.telegramId())).isEmpty();
        assertThat(events.countOfType("casino_deposit")).isEqualTo(depositEventsBefore);
        assertThat(http.asAdmin("GET", "/api/stats").json().get("deposit_count").asLong()).isEqualTo(depositsBefore);
        assertThat(http.asAdmin("GET", "/api/stats?include_test=true").json().get("deposit_count").asLong())
                .isGreaterThan(depositsBefore);
        // XTS, the currency code reserved for tests, appears in no real postback.
        assertThat(console.get("/admin").body()).contains("id=\"funnel\"").doesNotContain("XTS");
        assertThat(console.get("/admin?include_test=true").body()).contains("XTS");
        assertThat(console.get("/admin/export/events.csv?user=" + user.telegramId()).body())
                .contains("casino_registration").doesNotContain("casino_deposit");
        assertThat(console.get("/admin/export/events.csv?includeTest=true&user=" + user.telegramId()).body())
                .contains("casino_deposit");
        assertThat(console.get("/admin/export/postbacks.csv?player=" + linked.playerId()).body())
                .contains("registration").doesNotContain("real-" + linked.playerId());
        assertThat(console.get("/admin/export/postbacks.csv?include_test=true&player=" + linked.playerId()).body())
                .contains("real-" + linked.playerId());

        assertThat(console.get("/admin/tester").body()).contains("data-postback=\"" + postbackId + "\"");
        String undone = console.post("/admin/tester/undo", "postback", String.valueOf(postbackId)).body();

        assertThat(undone).contains("Test postback " + postbackId + " was undone.");
        assertThat(reload(user).signalsUnlocked()).isFalse();
        assertThat(reload(user).deposited()).isFalse();
        assertThat(events.ofTestPostback(postbackId)).isEmpty();
        assertThat(outbox.queuedUnder(PostbackOutcome.messageKey(postbackId)))
                .noneSatisfy(message -> assertThat(message.status()).isEqualTo("pending"));
        assertThat(console.post("/admin/tester/undo", "postback", String.valueOf(postbackId)).body())
                .contains("That test postback was undone before.");
    }

    /** What a test could have changed for this user, and everything queued anywhere. */
    private record Snapshot(BotUser user, long postbacks, long events, long messages) {
    }

    private Snapshot snapshot(BotUser user) {
        return new Snapshot(reload(user),
                jdbc.sql("SELECT COUNT(*) FROM postbacks").query(Long.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM events").query(Long.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM outbox").query(Long.class).single());
    }
}
