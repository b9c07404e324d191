package org.postbackbridge.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postbackbridge.eventlog.EventsFeed;
import org.postbackbridge.eventlog.FeedEvent;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.MovableClock;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.users.BotUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** Takeovers tried under {@code CLAIM_POLICY=approval}: no claim links before an operator says so. */
@IntegrationTest
@Import(MovableClock.Config.class)
@TestPropertySource(properties = "postback-bridge.attribution.claim-policy=approval")
class ApprovalClaimPolicyTest extends ClaimTestBase {

    @Autowired
    EventsFeed feed;

    @Test
    void aPreClaimOfAGuessedIdIsNeverLinkedToARegistrationFromAnotherLink() {
        BotUser guesser = newUser();
        String player = TestUsers.newPlayerId();

        assertThat(claim(guesser, player)).isEqualTo(Claims.Result.AWAITING_APPROVAL);
        postback("event=registration&user_id=" + player + "&sub1=someone-elses-campaign");

        assertThat(players.telegramIdOf("1win", player)).isEmpty();
        assertThat(claim(newUser(), player)).isEqualTo(Claims.Result.FOREIGN_LINK);
        assertThat(players.telegramIdOf("1win", player)).isEmpty();
    }

    @Test
    void aFreshRegistrationStillWaitsForTheOperatorWhoDecidesWithTheUserTold() {
        BotUser user = newUser();
        String player = registeredPlayer();
        firstDeposit(player, "500.5");

        assertThat(claim(user, player)).isEqualTo(Claims.Result.AWAITING_APPROVAL);
        assertThat(players.telegramIdOf("1win", player)).isEmpty();
        assertThat(lastClaim(user, player).reason()).contains("CLAIM_POLICY=approval");

        assertThat(approve(lastClaim(user, player).id())).isEqualTo(ClaimDecisions.Decision.APPROVED);

        assertThat(players.telegramIdOf("1win", player)).contains(user.telegramId());
        assertThat(reload(user).signalsUnlocked()).isTrue();
        assertThat(outbox.forChat(user.telegramId())).singleElement().satisfies(summary -> {
            assertThat(summary.kind()).isEqualTo("link_summary");
            assertThat(summary.text()).contains(player, "500,50 ₽", "открыт");
        });
    }

    @Test
    void aRejectedClaimLinksNothingAndTheUserHearsIt() {
        BotUser user = newUser();
        String player = registeredPlayer();
        assertThat(claim(user, player)).isEqualTo(Claims.Result.AWAITING_APPROVAL);

        ClaimDecisions.Outcome outcome = transaction.execute(tx -> decisions.reject(lastClaim(user, player).id(),
                "Telegram user 9000001"));

        assertThat(outcome.decision()).isEqualTo(ClaimDecisions.Decision.REJECTED);
        assertThat(players.telegramIdOf("1win", player)).isEmpty();
        assertThat(messageKinds(user)).containsExactly("claim_rejected");
        assertThat(lastClaim(user, player).decidedBy()).isEqualTo("Telegram user 9000001");
        assertThat(approve(lastClaim(user, player).id())).isEqualTo(ClaimDecisions.Decision.ALREADY_DECIDED);
    }

    @Test
    void theEventsFeedTellsEachOperatorDecisionInOrderWithTheLinkThatFollows() {
        BotUser approved = newUser();
        BotUser rejected = newUser();
        String approvedPlayer = registeredPlayer();
        String rejectedPlayer = registeredPlayer();
        claim(approved, approvedPlayer);
        claim(rejected, rejectedPlayer);
        String before = feed.end();

        approve(lastClaim(approved, approvedPlayer).id());
        transaction.execute(tx -> decisions.reject(lastClaim(rejected, rejectedPlayer).id(), "Telegram user 9000001"));

        List<FeedEvent> told = feed.after(before, 100).orElseThrow().events().stream()
                .filter(event -> event.telegramId() == approved.telegramId() || event.telegramId() == rejected.telegramId())
                .toList();
        assertThat(told).extracting(event -> event.type() + ":" + event.telegramId()).containsExactly(
                "claim_decided:" + approved.telegramId(), "player_linked:" + approved.telegramId(),
                "registration:" + approved.telegramId(), "claim_decided:" + rejected.telegramId());
        assertThat(told.getFirst().details().get("decision").asString()).isEqualTo("linked");
        assertThat(told.getFirst().details().get("decided_by").asString()).isEqualTo("operator");
        assertThat(told.getFirst().details().get("player_id").asString()).isEqualTo(approvedPlayer);
        assertThat(told.getLast().details().get("decision").asString()).isEqualTo("refused");
        assertThat(told.getLast().details().get("reason").asString()).isEqualTo("rejected by an operator");
    }

    @Test
    void twoUsersClaimingOnePlayerMakeItContestedAndItsDepositTellsNoOneUntilAnOperatorDecides() {
        BotUser first = newUser();
        BotUser second = newUser();
        String player = registeredPlayer();

        assertThat(claim(first, player)).isEqualTo(Claims.Result.AWAITING_APPROVAL);
        assertThat(claim(second, player)).isEqualTo(Claims.Result.CONTESTED);
        firstDeposit(player, "500");

        assertThat(postbackStatus(player, "first_deposit")).isEqualTo("unmatched");
        assertThat(reload(first).signalsUnlocked()).isFalse();
        assertThat(reload(second).signalsUnlocked()).isFalse();
        assertThat(messageKinds(first)).containsExactly("claim_contested");
        assertThat(messageKinds(second)).isEmpty();
        assertThat(lastClaim(first, player).status()).isEqualTo(ClaimStatus.CONTESTED);

        approve(lastClaim(first, player).id());

        assertThat(reload(first).signalsUnlocked()).isTrue();
        assertThat(messageKinds(second)).containsExactly("claim_rejected");
    }

    @Test
    void aClaimOnARegistrationOlderThanTheWindowWaitsForApproval() {
        BotUser user = newUser();
        String player = registeredPlayer();
        clock.advance(Duration.ofHours(25));

        assertThat(claim(user, player)).isEqualTo(Claims.Result.AWAITING_APPROVAL);
        assertThat(players.telegramIdOf("1win", player)).isEmpty();
    }

    @Test
    void aClaimMadeBeforeTheRegistrationIsNotLinkedWhenItArrives() {
        BotUser user = newUser();
        String player = TestUsers.newPlayerId();

        assertThat(claim(user, player)).isEqualTo(Claims.Result.AWAITING_APPROVAL);
        clock.advance(Duration.ofMinutes(11));
        postback("event=registration&user_id=" + player);

        assertThat(players.telegramIdOf("1win", player)).isEmpty();
        assertThat(lastClaim(user, player).status()).isEqualTo(ClaimStatus.AWAITING_APPROVAL);
    }
}
