package org.postbackbridge.testsupport;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.postbackbridge.outbox.Outbox;
import org.postbackbridge.outbox.OutboxMessage;
import org.postbackbridge.users.BotUser;
import org.postbackbridge.users.UserRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Shared wiring for tests that send postbacks to the running service and look at what followed. */
public abstract class PostbackTestBase {

    @LocalServerPort
    protected int port;
    @Autowired
    protected UserRepository users;
    @Autowired
    protected Outbox outbox;

    protected Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    /** POST /postback/1win with the given query, as 1Win sends it. */
    protected Http.Response postback(String query) {
        return http.post("/postback/1win?" + query);
    }

    /** A bot user whose player is linked through a registration postback carrying their click token. */
    protected LinkedPlayer linkedPlayer(String language) {
        return linkedPlayer(TestUsers.started(users, language));
    }

    protected LinkedPlayer linkedPlayer(BotUser user) {
        String player = TestUsers.newPlayerId();
        postback("event=registration&user_id=" + player + "&sub1=" + user.clickToken());
        return new LinkedPlayer(user, player);
    }

    protected List<String> messageKinds(BotUser user) {
        return outbox.forChat(user.telegramId()).stream().map(OutboxMessage::kind).toList();
    }

    protected BotUser reload(BotUser user) {
        return users.findById(user.telegramId()).orElseThrow();
    }

    public record LinkedPlayer(BotUser user, String playerId) {
    }
}
