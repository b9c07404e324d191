package org.postbackbridge.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postbackbridge.console.auth.AdminAttempts.Verdict;
import org.postbackbridge.testsupport.MovableClock;
import org.postbackbridge.platform.web.ClientSource;

class AdminAttemptsTest {

    static final String RIGHT = "the-admin-token";

    static final int GLOBAL_PER_MINUTE = 30;

    final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T12:00:00Z"));
    final List<Object> published = new ArrayList<>();
    final AdminProperties properties = new AdminProperties(RIGHT, false, GLOBAL_PER_MINUTE);
    // With ADMIN_TOKEN set, the token is never looked up in the database.
    final AdminAttempts attempts = new AdminAttempts(new AdminToken(null, properties), clock, properties,
            published::add);

    @Test
    void afterTenWrongTokensAnAddressWaitsEvenWithTheRightOne() {
        for (int i = 0; i < AdminAttempts.WRONG_TOKENS_PER_MINUTE; i++) {
            assertThat(attempts.check("guess-" + i, "203.0.113.7")).isEqualTo(Verdict.REFUSED);
        }

        assertThat(attempts.check(RIGHT, "203.0.113.7")).isEqualTo(Verdict.TOO_MANY_WRONG_TOKENS);
        assertThat(attempts.check(RIGHT, "203.0.113.8")).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void theRightTokenPassesAfterFewerWrongOnes() {
        for (int i = 1; i < AdminAttempts.WRONG_TOKENS_PER_MINUTE; i++) {
            attempts.check("guess-" + i, "203.0.113.7");
        }

        assertThat(attempts.check(RIGHT, "203.0.113.7")).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void aRequestWithoutATokenIsNotAGuess() {
        for (int i = 0; i < 3 * AdminAttempts.WRONG_TOKENS_PER_MINUTE; i++) {
            assertThat(attempts.check(i % 2 == 0 ? null : " ", "203.0.113.7")).isEqualTo(Verdict.REFUSED);
        }

        assertThat(attempts.check(RIGHT, "203.0.113.7")).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void oneMoreGuessEverySixSecondsAndAllAfterAMinute() {
        for (int i = 0; i < AdminAttempts.WRONG_TOKENS_PER_MINUTE; i++) {
            attempts.check("guess-" + i, "203.0.113.7");
        }

        clock.advance(Duration.ofSeconds(6));
        assertThat(attempts.check("one-more-guess", "203.0.113.7")).isEqualTo(Verdict.REFUSED);
        assertThat(attempts.check("and-another", "203.0.113.7")).isEqualTo(Verdict.TOO_MANY_WRONG_TOKENS);

        clock.advance(Duration.ofMinutes(1));
        assertThat(attempts.check(RIGHT, "203.0.113.7")).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void anIpv6SenderIsItsSlash64() {
        for (int i = 0; i < AdminAttempts.WRONG_TOKENS_PER_MINUTE; i++) {
            assertThat(attempts.check("guess-" + i, "2001:db8:1:2::" + Integer.toHexString(i + 1)))
                    .isEqualTo(Verdict.REFUSED);
        }

        assertThat(attempts.check(RIGHT, "2001:db8:1:2:ffff:ffff:ffff:ffff")).isEqualTo(Verdict.TOO_MANY_WRONG_TOKENS);
        assertThat(attempts.check(RIGHT, "2001:db8:1:3::1")).isEqualTo(Verdict.ACCEPTED);
        assertThat(ClientSource.of("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void pastTheGlobalLimitEveryWrongTokenWaitsAMinuteTheRightOneGetsInAndOneAlertIsRaised() {
        for (int i = 0; i < GLOBAL_PER_MINUTE; i++) {
            assertThat(attempts.check("guess", "198.51.100." + i)).isEqualTo(Verdict.REFUSED);
        }

        assertThat(attempts.check("guess", "203.0.113.200")).isEqualTo(Verdict.TOO_MANY_WRONG_TOKENS);
        assertThat(attempts.check("guess", "203.0.113.201")).isEqualTo(Verdict.TOO_MANY_WRONG_TOKENS);
        assertThat(attempts.check(RIGHT, "203.0.113.202")).isEqualTo(Verdict.ACCEPTED);
        clock.advance(Duration.ofSeconds(59));
        assertThat(attempts.check("guess", "203.0.113.203")).isEqualTo(Verdict.TOO_MANY_WRONG_TOKENS);
        assertThat(published).containsExactly(new AdminTokenGuessing(GLOBAL_PER_MINUTE,
                Instant.parse("2026-11-25T12:01:00Z")));

        clock.advance(Duration.ofSeconds(1));
        assertThat(attempts.check("guess", "203.0.113.204")).isEqualTo(Verdict.REFUSED);
    }

    @Test
    void aWaitingSenderIsRememberedHoweverManyOthersGuess() {
        // A global limit high enough to let every one of the others' guesses count.
        AdminProperties generous = new AdminProperties(RIGHT, false, 100_000);
        AdminAttempts attempts = new AdminAttempts(new AdminToken(null, generous), clock, generous, published::add);
        for (int i = 0; i < AdminAttempts.WRONG_TOKENS_PER_MINUTE; i++) {
            attempts.check("guess-" + i, "203.0.113.7");
        }

        for (int i = 0; i < 50_000; i++) {
            assertThat(attempts.check("guess", "10.0." + (i / 250) + "." + (i % 250))).isEqualTo(Verdict.REFUSED);
        }

        assertThat(attempts.check(RIGHT, "203.0.113.7")).isEqualTo(Verdict.TOO_MANY_WRONG_TOKENS);
        clock.advance(Duration.ofSeconds(6));
        assertThat(attempts.check(RIGHT, "203.0.113.7")).isEqualTo(Verdict.ACCEPTED);
    }
}
