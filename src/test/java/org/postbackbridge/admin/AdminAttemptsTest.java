package org.postbackbridge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.postbackbridge.admin.AdminAttempts.Verdict;
import org.postbackbridge.testsupport.MovableClock;

class AdminAttemptsTest {

    static final String RIGHT = "the-admin-token";

    final MovableClock clock = new MovableClock();
    // With ADMIN_TOKEN set, the token is never looked up in the database.
    final AdminAttempts attempts = new AdminAttempts(new AdminToken(null, new AdminProperties(RIGHT)), clock);

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
}
