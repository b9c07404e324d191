package org.postbackbridge.postback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postbackbridge.attribution.PlayerLinks;
import org.postbackbridge.events.EventLog;
import org.postbackbridge.notify.Outbox;
import org.postbackbridge.notify.OutboxMessage;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.users.BotUser;
import org.postbackbridge.users.UserRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class PostbackPipelineTest {

    @LocalServerPort
    int port;
    @Autowired
    UserRepository users;
    @Autowired
    PlayerLinks players;
    @Autowired
    Outbox outbox;
    @Autowired
    EventLog events;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void registrationWithClickTokenLinksThePlayerAndQueuesTheWelcome() {
        BotUser user = TestUsers.started(users, "ru");
        String player = TestUsers.newPlayerId();

        Http.Response response = http.post("/postback/1win?event=registration&user_id=" + player + "&sub1=" + user.clickToken());

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("status").asString()).isEqualTo("processed");
        assertThat(body.get("message").asString()).isEqualTo("Registration processed");
        assertThat(body.get("event").get("user_id").asString()).isEqualTo(player);
        assertThat(players.telegramIdOf("1win", player)).contains(user.telegramId());
        assertThat(users.getUserByCasinoId(player)).map(BotUser::telegramId).contains(user.telegramId());
        assertThat(events.getLastEvent(user.telegramId(), "casino_registration")).isPresent();
        assertThat(outbox.forChat(user.telegramId())).extracting(OutboxMessage::kind).containsExactly("registration");
    }

    @Test
    void firstDepositUnlocksSignalsAndQueuesDepositThenUnlockMessages() {
        BotUser user = TestUsers.started(users, "ru");
        String player = TestUsers.newPlayerId();
        http.post("/postback/1win?event=registration&user_id=" + player + "&sub1=" + user.clickToken());

        Http.Response response = http.post("/postback/1win?event=deposit&user_id=" + player + "&amount=1000&transaction_id=t-" + player);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("processed");
        BotUser after = users.findById(user.telegramId()).orElseThrow();
        assertThat(after.deposited()).isTrue();
        assertThat(after.signalsUnlocked()).isTrue();
        List<OutboxMessage> messages = outbox.forChat(user.telegramId());
        assertThat(messages).extracting(OutboxMessage::kind).containsExactly("registration", "deposit", "signals_unlocked");
        assertThat(messages.get(1).text()).contains("1 000 ₽");
    }
}
