package org.postbackbridge.admin;

import io.github.bucket4j.Bandwidth;
import java.time.Clock;
import java.time.Duration;
import org.postbackbridge.web.AddressBudgets;
import org.springframework.stereotype.Component;

/**
 * Checks an admin token sent by a client, and makes an address that sent too many wrong ones wait:
 * the comparison takes constant time, but without a limit a short {@code ADMIN_TOKEN} could be
 * guessed at network speed. A request without a token is not a guess and does not count. While an
 * address waits, even the right token is refused, or the waiting would not slow a guesser down.
 */
@Component
public class AdminAttempts {

    /** Wrong tokens an address may send in a row; after that, one more every six seconds. */
    static final int WRONG_TOKENS_PER_MINUTE = 10;
    /** Past this many addresses the least recently seen are forgotten, so memory stays bounded. */
    private static final int ADDRESSES_REMEMBERED = 10_000;

    public static final String TOO_MANY_WRONG_TOKENS_ERROR = "too_many_wrong_tokens";
    public static final String TOO_MANY_WRONG_TOKENS_MESSAGE =
            "this address sent too many wrong admin tokens; wait a minute before trying again";

    public enum Verdict { ACCEPTED, REFUSED, TOO_MANY_WRONG_TOKENS }

    private final AdminToken adminToken;
    private final AddressBudgets wrongTokens;

    public AdminAttempts(AdminToken adminToken, Clock clock) {
        this.adminToken = adminToken;
        this.wrongTokens = new AddressBudgets(Bandwidth.builder().capacity(WRONG_TOKENS_PER_MINUTE)
                .refillGreedy(WRONG_TOKENS_PER_MINUTE, Duration.ofMinutes(1)).build(), ADDRESSES_REMEMBERED, clock);
    }

    public Verdict check(String token, String clientAddress) {
        if (wrongTokens.existing(clientAddress).filter(budget -> budget.getAvailableTokens() < 1).isPresent()) {
            return Verdict.TOO_MANY_WRONG_TOKENS;
        }
        if (adminToken.matches(token)) {
            return Verdict.ACCEPTED;
        }
        if (token != null && !token.isBlank()) {
            wrongTokens.of(clientAddress).tryConsume(1);
        }
        return Verdict.REFUSED;
    }
}
