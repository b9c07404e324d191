package org.postbackbridge.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.MovableClock;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.users.BotUser;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** Takeovers tried under {@code CLAIM_POLICY=off}: only click tokens link. */
@IntegrationTest
@Import(MovableClock.Config.class)
@TestPropertySource(properties = "postback-bridge.attribution.claim-policy=off")
class OffClaimPolicyTest extends ClaimTestBase {

    @Test
    void aPreClaimOfAGuessedIdIsNeverLinkedToARegistrationFromAnotherLink() {
        BotUser guesser = newUser();
        String player = TestUsers.newPlayerId();

        assertThat(claim(guesser, player)).isEqualTo(Claims.Result.CLAIMS_OFF);
        postback("event=registration&user_id=" + player + "&sub1=someone-elses-campaign");

        assertThat(players.telegramIdOf("1win", player)).isEmpty();
        assertThat(lastClaim(guesser, player).status()).isEqualTo(ClaimStatus.REFUSED);
    }

    @Test
    void twoUsersClaimingOnePlayerLinkNeitherAndItsDepositTellsNoOne() {
        BotUser first = newUser();
        BotUser second = newUser();
        String player = registeredPlayer();

        assertThat(claim(first, player)).isEqualTo(Claims.Result.CLAIMS_OFF);
        assertThat(claim(second, player)).isEqualTo(Claims.Result.CLAIMS_OFF);
        firstDeposit(player, "500");

        assertThat(postbackStatus(player, "first_deposit")).isEqualTo("unmatched");
        assertThat(reload(first).signalsUnlocked()).isFalse();
        assertThat(reload(second).signalsUnlocked()).isFalse();
        assertThat(messageKinds(first)).isEmpty();
        assertThat(messageKinds(second)).isEmpty();
    }

    @Test
    void aClaimOnAnOldRegistrationIsRefused() {
        BotUser user = newUser();
        String player = registeredPlayer();
        clock.advance(Duration.ofHours(25));

        assertThat(claim(user, player)).isEqualTo(Claims.Result.CLAIMS_OFF);
        assertThat(players.telegramIdOf("1win", player)).isEmpty();
    }

    @Test
    void aClaimMadeBeforeTheRegistrationIsNotLinkedWhenItArrives() {
        BotUser user = newUser();
        String player = TestUsers.newPlayerId();

        assertThat(claim(user, player)).isEqualTo(Claims.Result.CLAIMS_OFF);
        clock.advance(Duration.ofMinutes(11));
        postback("event=registration&user_id=" + player);

        assertThat(players.telegramIdOf("1win", player)).isEmpty();
    }

    @Test
    void aClickTokenStillLinks() {
        LinkedPlayer linked = linkedPlayer("en");

        assertThat(players.telegramIdOf("1win", linked.playerId())).contains(linked.user().telegramId());
    }
}
