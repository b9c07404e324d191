package org.postbackbridge.attribution;

import java.util.List;
import org.postbackbridge.outbox.OutboxMessage;
import org.postbackbridge.testsupport.MovableClock;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.users.BotUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** What the takeover scenarios share: users who claim players, as the bot runs a claim, and operators who decide. */
abstract class ClaimTestBase extends PostbackTestBase {

    static final long OPERATOR_CHAT = 9000001;

    @Autowired
    Claims claims;
    @Autowired
    ClaimDecisions decisions;
    @Autowired
    PlayerLinks players;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;

    /** A player whose registration arrived without a sub1: what a claim can reach. */
    String registeredPlayer() {
        String player = TestUsers.newPlayerId();
        postback("event=registration&user_id=" + player);
        return player;
    }

    /** Posts the player's first deposit; returns the status it was answered with. */
    String firstDeposit(String player, String amount) {
        return postback("event=first_deposit&user_id=" + player + "&amount=" + amount + "&transaction_id=fd-" + player)
                .json().get("status").asString();
    }

    BotUser newUser() {
        return TestUsers.started(users, "ru");
    }

    Claims.Result claim(BotUser user, String playerId) {
        return transaction.execute(tx -> claims.claim(user.telegramId(), playerId)).result();
    }

    ClaimDecisions.Decision approve(long claimId) {
        return transaction.execute(tx -> decisions.approve(claimId, "console")).decision();
    }

    /** The user's claims of the player, oldest first. */
    List<Claim> claimsOf(BotUser user, String playerId) {
        return decisions.latest(10_000).stream()
                .filter(claim -> claim.telegramId() == user.telegramId() && claim.playerId().equals(playerId))
                .toList().reversed();
    }

    Claim lastClaim(BotUser user, String playerId) {
        return claimsOf(user, playerId).getLast();
    }

    String postbackStatus(String playerId, String event) {
        return jdbc.sql("SELECT status FROM postbacks WHERE player_id = ? AND event = ? ORDER BY id DESC LIMIT 1")
                .param(playerId).param(event).query(String.class).single();
    }

    List<OutboxMessage> operatorMessagesAbout(String playerId) {
        return outbox.forChat(OPERATOR_CHAT).stream().filter(message -> message.text().contains(playerId)).toList();
    }
}
