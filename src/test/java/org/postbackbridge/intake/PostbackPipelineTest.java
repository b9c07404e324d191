package org.postbackbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postbackbridge.attribution.PlayerLinks;
import org.postbackbridge.eventlog.EventLog;
import org.postbackbridge.eventlog.UserDeposits;
import org.postbackbridge.eventlog.LoggedEvent;
import org.postbackbridge.outbox.OutboxMessage;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.users.BotUser;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class PostbackPipelineTest extends PostbackTestBase {

    @Autowired
    PlayerLinks players;
    @Autowired
    EventLog events;
    @Autowired
    UserDeposits deposits;

    @Test
    void registrationWithClickTokenLinksThePlayerAndQueuesTheWelcome() {
        BotUser user = TestUsers.started(users, "ru");
        String player = TestUsers.newPlayerId();

        Http.Response response = postback("event=registration&user_id=" + player + "&sub1=" + user.clickToken());

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("status").asString()).isEqualTo("processed");
        assertThat(body.get("message").asString()).isEqualTo("Registration processed");
        assertThat(body.get("event").get("type").asString()).isEqualTo("registration");
        assertThat(body.get("event").get("user_id").asString()).isEqualTo(player);
        assertThat(body.get("event").get("amount").isNull()).isTrue();
        assertThat(players.telegramIdOf("1win", player)).contains(user.telegramId());
        assertThat(users.getUserByCasinoId(player)).map(BotUser::telegramId).contains(user.telegramId());
        LoggedEvent logged = events.getLastEvent(user.telegramId(), "casino_registration").orElseThrow();
        assertThat(logged.details()).contains("\"casino_id\":\"" + player + "\"", "\"network\":\"1win\"", "\"timestamp\"");
        assertThat(messageKinds(user)).containsExactly("registration");
        assertThat(outbox.forChat(9000001)).extracting(OutboxMessage::text)
                .anyMatch(text -> text.contains(player) && text.contains("@" + user.username()));
    }

    @Test
    void getWorksLikePost() {
        BotUser user = TestUsers.started(users, "en");
        String player = TestUsers.newPlayerId();

        Http.Response response = http.get("/postback/1win?event=reg&user_id=" + player + "&sub1=" + user.clickToken());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("processed");
        assertThat(players.telegramIdOf("1win", player)).contains(user.telegramId());
    }

    @Test
    void parametersMayComeInAFormOrJsonBody() {
        BotUser user = TestUsers.started(users, "en");
        String player = TestUsers.newPlayerId();

        Http.Response form = http.postBody("/postback/1win", "application/x-www-form-urlencoded",
                "event=registration&user_id=" + player + "&sub1=" + user.clickToken());
        Http.Response json = http.postBody("/postback/1win", "application/json",
                "{\"event\":\"deposit\",\"user_id\":\"" + player + "\",\"amount\":250.5,\"currency\":\"usd\",\"transaction_id\":\"j-" + player + "\"}");

        assertThat(form.status()).isEqualTo(200);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().get("event").get("amount").decimalValue()).isEqualByComparingTo("250.5");
        assertThat(json.json().get("event").get("currency").asString()).isEqualTo("USD");
        assertThat(outbox.forChat(user.telegramId()).get(1).text()).contains("250.50 $");
    }

    @Test
    void firstDepositUnlocksSignalsAndQueuesDepositThenUnlockMessages() {
        LinkedPlayer linked = linkedPlayer("ru");

        Http.Response response = postback("event=deposit&user_id=" + linked.playerId() + "&amount=1000&transaction_id=t-" + linked.playerId());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("message").asString()).isEqualTo("Deposit processed");
        BotUser after = reload(linked.user());
        assertThat(after.deposited()).isTrue();
        assertThat(after.signalsUnlocked()).isTrue();
        List<OutboxMessage> messages = outbox.forChat(linked.user().telegramId());
        assertThat(messages).extracting(OutboxMessage::kind).containsExactly("registration", "deposit", "signals_unlocked");
        assertThat(messages.get(1).text()).contains("Сумма: 1 000 ₽");
        assertThat(messages.get(2).text()).contains("1 000 ₽");
        assertThat(messages).allSatisfy(m -> assertThat(m.text()).doesNotContainIgnoringCase("выигрыш"));
    }

    @Test
    void repeatDepositIsToldButUnlocksNothingAgainAndIsCounted() {
        LinkedPlayer linked = linkedPlayer("en");
        postback("event=ftd&user_id=" + linked.playerId() + "&amount=100&transaction_id=a-" + linked.playerId());

        postback("event=dep&user_id=" + linked.playerId() + "&amount=50.25&transaction_id=b-" + linked.playerId());

        assertThat(messageKinds(linked.user())).containsExactly("registration", "deposit", "signals_unlocked", "deposit");
        assertThat(outbox.forChat(linked.user().telegramId()).get(3).text()).contains("50.25 ₽");
        postback("event=dep&user_id=" + linked.playerId() + "&amount=1234567890.12345678&currency=usd&transaction_id=c-"
                + linked.playerId());

        assertThat(deposits.totals(linked.user().telegramId())).satisfiesExactly(rub -> {
            assertThat(rub.currency()).isEqualTo("RUB");
            assertThat(rub.count()).isEqualTo(2);
            assertThat(rub.sum()).isEqualByComparingTo(new BigDecimal("150.25"));
        }, usd -> {
            assertThat(usd.currency()).isEqualTo("USD");
            assertThat(usd.count()).isEqualTo(1);
            assertThat(usd.sum()).as("exact, past a double's digits").isEqualByComparingTo(new BigDecimal("1234567890.12345678"));
        });
        assertThat(outbox.forChat(9000001)).extracting(OutboxMessage::kind)
                .contains("operator_first_deposit", "operator_deposit");
    }

    @Test
    void withdrawalIsToldUnlessTheUserMutedNotifications() {
        LinkedPlayer loud = linkedPlayer("ru");
        LinkedPlayer muted = linkedPlayer("ru");
        users.updateNotificationsMuted(muted.user().telegramId(), true);

        postback("event=withdrawal&user_id=" + loud.playerId() + "&amount=500&transaction_id=w-" + loud.playerId());
        postback("event=withdrawal&user_id=" + muted.playerId() + "&amount=500&transaction_id=w-" + muted.playerId());

        assertThat(messageKinds(loud.user())).containsExactly("registration", "withdrawal");
        assertThat(messageKinds(muted.user())).containsExactly("registration");
        assertThat(events.getLastEvent(muted.user().telegramId(), "casino_withdrawal")).isPresent();
    }

    @Test
    void winsAreAllLoggedButToldAtMostOncePerInterval() {
        LinkedPlayer linked = linkedPlayer("ru");

        for (int i = 0; i < 3; i++) {
            Http.Response response = postback("event=win&user_id=" + linked.playerId() + "&amount=250&transaction_id=win" + i + "-" + linked.playerId());
            assertThat(response.json().get("status").asString()).isEqualTo("processed");
        }

        assertThat(messageKinds(linked.user())).containsExactly("registration", "win");
        assertThat(outbox.forChat(linked.user().telegramId()).get(1).text()).contains("250 ₽").doesNotContain("сигнал");
        assertThat(events.forUser(linked.user().telegramId(), 10)).filteredOn(e -> e.type().equals("casino_win")).hasSize(3);
    }
}
