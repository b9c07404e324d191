package org.postbackbridge.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.ConsoleClient;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.MovableClock;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.users.BotUser;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Takeovers tried under the default claim policy: {@code window}, with a 24 h window. Configured as
 * the webhook tests are (the webhooks' poll interval is nothing to a claim), so they share one running service.
 */
@IntegrationTest
@Import(MovableClock.Config.class)
@TestPropertySource(properties = "postback-bridge.webhooks.poll-interval=50ms")
class WindowClaimPolicyTest extends ClaimTestBase {

    @Test
    void aPreClaimOfAGuessedIdIsNeverLinkedToARegistrationFromAnotherLink() {
        BotUser guesser = newUser();
        String player = TestUsers.newPlayerId();

        assertThat(claim(guesser, player)).isEqualTo(Claims.Result.WAITING);
        String status = postback("event=registration&user_id=" + player + "&sub1=someone-elses-campaign").json()
                .get("status").asString();

        assertThat(status).isEqualTo("unmatched");
        assertThat(players.telegramIdOf("1win", player)).isEmpty();
        assertThat(messageKinds(guesser)).isEmpty();
        // Claiming it again now that the registration is here changes nothing either.
        assertThat(claim(guesser, player)).isEqualTo(Claims.Result.FOREIGN_LINK);
        assertThat(players.telegramIdOf("1win", player)).isEmpty();
        assertThat(lastClaim(guesser, player).reason()).contains("another link");
    }

    @Test
    void aPreClaimIsLinkedWhenItsRegistrationArrivesWithinTenMinutes() {
        BotUser user = newUser();
        String player = TestUsers.newPlayerId();

        assertThat(claim(user, player)).isEqualTo(Claims.Result.WAITING);
        clock.advance(Duration.ofMinutes(9));
        postback("event=registration&user_id=" + player);

        assertThat(players.telegramIdOf("1win", player)).contains(user.telegramId());
        assertThat(lastClaim(user, player).status()).isEqualTo(ClaimStatus.LINKED);
    }

    @Test
    void aPendingClaimOlderThanTenMinutesIsNotLinkedWhenTheRegistrationArrives() {
        BotUser guesser = newUser();
        String player = TestUsers.newPlayerId();

        assertThat(claim(guesser, player)).isEqualTo(Claims.Result.WAITING);
        clock.advance(Duration.ofMinutes(11));
        String status = postback("event=registration&user_id=" + player).json().get("status").asString();

        assertThat(status).isEqualTo("unmatched");
        assertThat(players.telegramIdOf("1win", player)).isEmpty();
        assertThat(lastClaim(guesser, player).status()).isEqualTo(ClaimStatus.EXPIRED);
        assertThat(messageKinds(guesser)).isEmpty();
    }

    @Test
    void aClaimOnARegistrationOlderThanTheWindowWaitsForAnOperator() {
        BotUser user = newUser();
        String player = registeredPlayer();
        clock.advance(Duration.ofHours(25));

        assertThat(claim(user, player)).isEqualTo(Claims.Result.AWAITING_APPROVAL);

        assertThat(players.telegramIdOf("1win", player)).isEmpty();
        Claim claim = lastClaim(user, player);
        assertThat(claim.status()).isEqualTo(ClaimStatus.AWAITING_APPROVAL);
        assertThat(claim.reason()).contains("longer ago than CLAIM_WINDOW");
        assertThat(operatorMessagesAbout(player)).singleElement().satisfies(review -> {
            assertThat(review.kind()).isEqualTo("operator_claim_review");
            assertThat(review.buttons()).contains("claim:approve:" + claim.id()).contains("claim:reject:" + claim.id());
        });

        assertThat(approve(claim.id())).isEqualTo(ClaimDecisions.Decision.APPROVED);
        assertThat(players.telegramIdOf("1win", player)).contains(user.telegramId());
        assertThat(lastClaim(user, player).decidedBy()).isEqualTo("console");
        assertThat(messageKinds(user)).containsExactly("link_summary");
    }

    @Test
    void twoUsersClaimingOnePlayerMakeItContestedAndItsDepositTellsNoOneUntilAnOperatorDecides() {
        BotUser first = newUser();
        BotUser owner = newUser();
        String player = registeredPlayer();

        assertThat(claim(first, player)).isEqualTo(Claims.Result.LINKED);
        assertThat(claim(owner, player)).isEqualTo(Claims.Result.CONTESTED);
        int firstMessages = messageKinds(first).size();
        String deposit = firstDeposit(player, "500");

        assertThat(deposit).isEqualTo("unmatched");
        assertThat(players.telegramIdOf("1win", player)).isEmpty();
        assertThat(reload(first).signalsUnlocked()).isFalse();
        assertThat(reload(owner).signalsUnlocked()).isFalse();
        assertThat(messageKinds(first)).hasSize(firstMessages).last().isEqualTo("claim_contested");
        assertThat(messageKinds(owner)).isEmpty();
        assertThat(claimsOf(first, player)).extracting(Claim::status).containsExactly(ClaimStatus.CONTESTED);
        assertThat(operatorMessagesAbout(player)).extracting(message -> message.kind())
                .containsExactly("operator_link_summary", "operator_claim_review");

        assertThat(approve(lastClaim(owner, player).id())).isEqualTo(ClaimDecisions.Decision.APPROVED);

        assertThat(players.telegramIdOf("1win", player)).contains(owner.telegramId());
        assertThat(reload(owner).signalsUnlocked()).isTrue();
        assertThat(reload(first).signalsUnlocked()).isFalse();
        assertThat(messageKinds(owner)).containsExactly("link_summary");
        assertThat(outbox.forChat(owner.telegramId()).getFirst().text()).contains("1", "500 ₽");
        assertThat(messageKinds(first).getLast()).isEqualTo("claim_rejected");
        assertThat(lastClaim(first, player).status()).isEqualTo(ClaimStatus.REFUSED);
    }

    @Test
    void whatAClaimantGotFromAPlayerIsUndoneWhenTheOperatorGivesItToItsOwner() {
        BotUser taker = newUser();
        BotUser owner = newUser();
        String player = registeredPlayer();
        assertThat(claim(taker, player)).isEqualTo(Claims.Result.LINKED);
        firstDeposit(player, "700");
        assertThat(reload(taker).signalsUnlocked()).isTrue();

        assertThat(claim(owner, player)).isEqualTo(Claims.Result.CONTESTED);
        approve(lastClaim(owner, player).id());

        assertThat(reload(taker).signalsUnlocked()).isFalse();
        assertThat(reload(taker).deposited()).isFalse();
        assertThat(reload(owner).signalsUnlocked()).isTrue();
        assertThat(postbackStatus(player, "first_deposit")).isEqualTo("processed");
        assertThat(jdbc.sql("SELECT telegram_id FROM postbacks WHERE player_id = ? AND event = 'first_deposit'")
                .param(player).query(Long.class).single()).isEqualTo(owner.telegramId());
    }

    @Test
    void anOperatorDecidesFromTheConsoleAndTheDecisionIsRecorded() {
        BotUser user = newUser();
        String player = registeredPlayer();
        clock.advance(Duration.ofHours(25));
        assertThat(claim(user, player)).isEqualTo(Claims.Result.AWAITING_APPROVAL);
        long claimId = lastClaim(user, player).id();
        ConsoleClient console = new ConsoleClient(port);
        console.signIn(Http.ADMIN_TOKEN);

        assertThat(console.get("/admin/claims").body()).contains("data-claim=\"" + claimId + "\"", player,
                "longer ago than CLAIM_WINDOW");
        String page = console.post("/admin/claims/" + claimId + "/approve").body();

        assertThat(page).contains("Claim " + claimId + ": approved");
        assertThat(players.telegramIdOf("1win", player)).contains(user.telegramId());
        Claim decided = lastClaim(user, player);
        assertThat(decided.status()).isEqualTo(ClaimStatus.LINKED);
        assertThat(decided.decidedBy()).isEqualTo("console");
        assertThat(decided.decidedAt()).isNotNull();
        assertThat(console.post("/admin/claims/" + claimId + "/reject").body()).contains("Claim " + claimId + ": already decided");
    }

    @Test
    void aPlayerLinkedByAClickTokenCannotBeContested() {
        LinkedPlayer linked = linkedPlayer("ru");
        BotUser intruder = newUser();

        assertThat(claim(intruder, linked.playerId())).isEqualTo(Claims.Result.TAKEN);

        assertThat(players.telegramIdOf("1win", linked.playerId())).contains(linked.user().telegramId());
        assertThat(operatorMessagesAbout(linked.playerId())).filteredOn(m -> m.kind().equals("operator_claim_review")).isEmpty();
    }
}
