package org.postbackbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.postbackbridge.attribution.Attribution;
import org.postbackbridge.attribution.LinkMethod;
import org.postbackbridge.attribution.PlayerLinks;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.MovableClock;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.users.BotUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class IdempotencyAndLateBindingTest extends PostbackTestBase {

    static final long OPERATOR_CHAT = 9000001;

    @Autowired
    PlayerLinks players;
    @Autowired
    Attribution attribution;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PostbackHandler handler;

    @Test
    void repeatedDepositWithSameTransactionIdIsIgnored() {
        LinkedPlayer linked = linkedPlayer("ru");
        String query = "event=deposit&user_id=" + linked.playerId() + "&amount=1000&transaction_id=dup-" + linked.playerId();
        postback(query);
        long outboxBefore = outbox.forChat(linked.user().telegramId()).size();

        Http.Response again = postback(query);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("duplicate");
        assertThat(outbox.forChat(linked.user().telegramId())).hasSize((int) outboxBefore);
        assertThat(countEvents(linked.user(), "casino_deposit")).isEqualTo(1);
    }

    @Test
    void firstDepositAndDepositPostbacksForOneTransactionCountOnce() {
        LinkedPlayer linked = linkedPlayer("ru");

        postback("event=first_deposit&user_id=" + linked.playerId() + "&amount=300&transaction_id=x-" + linked.playerId());
        Http.Response second = postback("event=deposit&user_id=" + linked.playerId() + "&amount=300&transaction_id=x-" + linked.playerId());

        assertThat(second.json().get("status").asString()).isEqualTo("duplicate");
        assertThat(countEvents(linked.user(), "casino_deposit")).isEqualTo(1);
    }

    @Test
    void withoutTransactionIdTheDateTellsRetriesFromNewDeposits() {
        LinkedPlayer linked = linkedPlayer("en");
        String base = "event=deposit&user_id=" + linked.playerId() + "&amount=100";

        String first = postback(base + "&date=2026-01-30%2017:00:00").json().get("status").asString();
        String retry = postback(base + "&date=2026-01-30%2017:00:00").json().get("status").asString();
        String later = postback(base + "&date=2026-01-30%2018:00:00").json().get("status").asString();

        assertThat(first).isEqualTo("processed");
        assertThat(retry).isEqualTo("duplicate");
        assertThat(later).isEqualTo("processed");
        assertThat(countEvents(linked.user(), "casino_deposit")).isEqualTo(2);
    }

    @Test
    void postbackForAnUnknownPlayerIsStoredUnmatchedAndTellsNobody() {
        String player = TestUsers.newPlayerId();

        Http.Response response = postback("event=deposit&user_id=" + player + "&amount=700&transaction_id=u-" + player);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("unmatched");
        assertThat(jdbc.sql("SELECT status FROM postbacks WHERE player_id = ?").param(player).query(String.class).single())
                .isEqualTo("unmatched");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE text LIKE ?").param("%" + player + "%").query(Long.class).single())
                .isZero();
    }

    @Test
    void depositThatArrivedBeforeTheLinkStillUnlocksAccessInEventOrder() {
        BotUser user = TestUsers.started(users, "ru");
        String player = TestUsers.newPlayerId();
        postback("event=deposit&user_id=" + player + "&amount=1000&transaction_id=early-" + player + "&date=2026-01-30T17:05:00");

        Http.Response registration = postback("event=registration&user_id=" + player + "&sub1=" + user.clickToken()
                + "&date=2026-01-30T17:00:00");

        assertThat(registration.json().get("status").asString()).isEqualTo("processed");
        BotUser after = reload(user);
        assertThat(after.deposited()).isTrue();
        assertThat(after.signalsUnlocked()).isTrue();
        assertThat(messageKinds(user)).containsExactly("link_summary");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM postbacks WHERE player_id = ? AND status = 'processed'")
                .param(player).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void linkingOutsideThePostbackFlowAppliesWhatWaited() {
        BotUser user = TestUsers.started(users, "en");
        String player = TestUsers.newPlayerId();
        postback("event=registration&user_id=" + player);
        postback("event=deposit&user_id=" + player + "&amount=20&transaction_id=w-" + player);

        boolean linked = attribution.linkAndApplyStored("1win", player, user.telegramId(), LinkMethod.CLAIM);

        assertThat(linked).isTrue();
        assertThat(reload(user).signalsUnlocked()).isTrue();
        assertThat(reload(user).casinoId()).isEqualTo(player);
        assertThat(messageKinds(user)).containsExactly("link_summary");
    }

    @Test
    void aLateLinkSendsTheUserOneSummaryAndOldWinsAndWithdrawalsAreOnlyLogged() {
        BotUser user = TestUsers.started(users, "ru");
        String player = TestUsers.newPlayerId();
        postback("event=registration&user_id=" + player + "&date=2026-01-30T17:00:00");
        postback("event=first_deposit&user_id=" + player + "&amount=500.5&transaction_id=l1-" + player + "&date=2026-01-30T17:05:00");
        postback("event=deposit&user_id=" + player + "&amount=1000&transaction_id=l2-" + player + "&date=2026-01-30T18:00:00");
        postback("event=win&user_id=" + player + "&amount=300&transaction_id=l3-" + player + "&date=2026-01-30T19:00:00");
        postback("event=withdrawal&user_id=" + player + "&amount=200&transaction_id=l4-" + player + "&date=2026-01-30T20:00:00");
        long operatorMessagesBefore = outbox.forChat(OPERATOR_CHAT).size();

        postback("event=deposit&user_id=" + player + "&amount=50&transaction_id=l5-" + player
                + "&date=2026-01-30T21:00:00&sub1=" + user.clickToken());

        assertThat(outbox.forChat(user.telegramId())).singleElement().satisfies(summary -> {
            assertThat(summary.kind()).isEqualTo("link_summary");
            assertThat(summary.text()).contains(player).contains("Найдено депозитов: 3").contains("1 550,50 ₽")
                    .contains("открыт");
        });
        assertThat(outbox.forChat(OPERATOR_CHAT).subList((int) operatorMessagesBefore, outbox.forChat(OPERATOR_CHAT).size()))
                .extracting(message -> message.kind()).containsExactly("operator_link_summary");
        assertThat(countEvents(user, "casino_deposit")).isEqualTo(3);
        assertThat(countEvents(user, "casino_win")).isEqualTo(1);
        assertThat(countEvents(user, "casino_withdrawal")).isEqualTo(1);
        assertThat(reload(user).signalsUnlocked()).isTrue();
        assertThat(jdbc.sql("SELECT details FROM events WHERE telegram_id = ? AND type = 'casino_deposit' ORDER BY id LIMIT 1")
                .param(user.telegramId()).query(String.class).single()).contains("\"first\":true").contains("500.5");
    }

    @Test
    void unmatchedPostbackWhoseLinkCommittedElsewhereIsAppliedOnceBySweep() {
        BotUser user = TestUsers.started(users, "ru");
        depositLinkedElsewhere(user, 0);

        int first = handler.applyUnmatchedButLinked(1000);
        int second = handler.applyUnmatchedButLinked(1000);

        assertThat(first).isGreaterThanOrEqualTo(1);
        assertThat(second).isZero();
        assertThat(reload(user).signalsUnlocked()).isTrue();
        assertThat(messageKinds(user)).containsExactly("link_summary");
    }

    @Test
    void afterItsFirstSweepTheSweeperReadsOnlyThePlayersLinkedSinceItsLastSweep() {
        MovableClock clock = new MovableClock();
        UnmatchedSweeper sweeper = new UnmatchedSweeper(handler, clock);
        BotUser linkedLongAgo = TestUsers.started(users, "ru");
        depositLinkedElsewhere(linkedLongAgo, 0);

        sweeper.sweep();

        assertThat(reload(linkedLongAgo).signalsUnlocked()).as("the first sweep reads every unmatched postback").isTrue();

        BotUser beforeTheWindow = TestUsers.started(users, "ru");
        depositLinkedElsewhere(beforeTheWindow, clock.millis() - UnmatchedSweeper.OVERLAP.toMillis() - 60_000);
        BotUser justNow = TestUsers.started(users, "ru");
        depositLinkedElsewhere(justNow, clock.millis());
        clock.advance(Duration.ofSeconds(5));

        sweeper.sweep();

        assertThat(reload(justNow).signalsUnlocked()).isTrue();
        assertThat(messageKinds(justNow)).containsExactly("link_summary");
        assertThat(reload(beforeTheWindow).signalsUnlocked()).as("linked before the window: not read").isFalse();
        assertThat(handler.applyUnmatchedButLinked(1000)).isGreaterThanOrEqualTo(1);
        assertThat(reload(beforeTheWindow).signalsUnlocked()).isTrue();
    }

    /** A deposit stored unmatched, then its player linked as if by another instance that did not see it. */
    private void depositLinkedElsewhere(BotUser user, long linkedAt) {
        String player = TestUsers.newPlayerId();
        postback("event=deposit&user_id=" + player + "&amount=40&transaction_id=race-" + player);
        jdbc.sql("INSERT INTO players (network, player_id, telegram_id, linked_by, linked_at) VALUES ('1win', ?, ?, 'click_token', ?)")
                .param(player).param(user.telegramId()).param(linkedAt).update();
    }

    @Test
    void aPlayerLinkedToOneUserIsNotTakenByAnotherUsersToken() {
        LinkedPlayer first = linkedPlayer("ru");
        BotUser intruder = TestUsers.started(users, "ru");

        postback("event=deposit&user_id=" + first.playerId() + "&amount=10&transaction_id=i-" + first.playerId()
                + "&sub1=" + intruder.clickToken());

        assertThat(players.telegramIdOf("1win", first.playerId())).contains(first.user().telegramId());
        assertThat(messageKinds(intruder)).isEmpty();
        assertThat(reload(first.user()).deposited()).isTrue();
    }

    @Test
    void aRawTelegramIdInSub1IsNotTrustedByDefault() {
        BotUser user = TestUsers.started(users, "ru");
        String player = TestUsers.newPlayerId();

        Http.Response response = postback("event=registration&user_id=" + player + "&sub1=" + user.telegramId());

        assertThat(response.json().get("status").asString()).isEqualTo("unmatched");
        assertThat(players.telegramIdOf("1win", player)).isEmpty();
    }

    private long countEvents(BotUser user, String type) {
        return jdbc.sql("SELECT COUNT(*) FROM events WHERE telegram_id = ? AND type = ?")
                .param(user.telegramId()).param(type).query(Long.class).single();
    }
}
