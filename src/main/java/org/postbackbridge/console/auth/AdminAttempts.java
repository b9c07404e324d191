package org.postbackbridge.console.auth;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.postbackbridge.platform.web.ClientSource;
import org.postbackbridge.platform.web.ClockTimeMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Checks an admin token sent by a client, and slows down whoever guesses: the comparison takes
 * constant time, but without a limit a short {@code ADMIN_TOKEN} could be guessed at network speed.
 * A request without a token is not a guess and does not count.
 *
 * <ul>
 *   <li>Per sender: {@value #WRONG_TOKENS_PER_MINUTE} wrong tokens in a row, then one more every six
 *       seconds. An IPv6 sender is its /64, the block one customer gets, or changing the last bits
 *       would give fresh tries. While a sender waits even the right token is refused, or the
 *       waiting would not slow a guesser down.</li>
 *   <li>Globally: past {@code ADMIN_WRONG_TOKENS_PER_MINUTE} wrong tokens a minute from all senders
 *       together, every wrong token is answered 429 for a minute and the operators are alerted
 *       ({@link AdminTokenGuessing}); the right token still works, so the operator is not locked out
 *       by someone else's guessing.</li>
 * </ul>
 *
 * Memory stays bounded without forgetting a waiting sender: the global limit caps how many senders
 * can have guessed in the last minute, and only senders whose budget is whole again are dropped.
 */
@Component
public class AdminAttempts {

    private static final Logger log = LoggerFactory.getLogger(AdminAttempts.class);
    /** Wrong tokens a sender may send in a row; after that, one more every six seconds. */
    static final int WRONG_TOKENS_PER_MINUTE = 10;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    public static final String TOO_MANY_WRONG_TOKENS_ERROR = "too_many_wrong_tokens";
    public static final String TOO_MANY_WRONG_TOKENS_MESSAGE =
            "too many wrong admin tokens were sent; wait a minute before trying again";

    public enum Verdict { ACCEPTED, REFUSED, TOO_MANY_WRONG_TOKENS }

    private final AdminToken adminToken;
    private final Clock clock;
    private final TimeMeter time;
    private final int globalPerMinute;
    private final ApplicationEventPublisher events;
    private final Map<String, Bucket> senders = new HashMap<>();
    /** The global count runs in windows of a minute from the first wrong token of each. */
    private Instant globalWindowStart = Instant.MIN;
    private int globalWrongTokens;
    private Instant globalLockEnds = Instant.MIN;

    public AdminAttempts(AdminToken adminToken, Clock clock, AdminProperties properties,
                         ApplicationEventPublisher events) {
        this.adminToken = adminToken;
        this.clock = clock;
        this.globalPerMinute = properties.wrongTokensPerMinute();
        this.events = events;
        this.time = new ClockTimeMeter(clock);
    }

    public Verdict check(String token, String clientAddress) {
        String sender = ClientSource.of(clientAddress);
        synchronized (this) {
            Bucket budget = senders.get(sender);
            if (budget != null && budget.getAvailableTokens() < 1) {
                return Verdict.TOO_MANY_WRONG_TOKENS;
            }
        }
        if (adminToken.matches(token)) {
            return Verdict.ACCEPTED;
        }
        if (token == null || token.isBlank()) {
            return Verdict.REFUSED;
        }
        WrongToken counted = countWrongToken(sender);
        if (counted == WrongToken.BEGAN_GLOBAL_LOCK) {
            alert();
        }
        return counted == WrongToken.COUNTED ? Verdict.REFUSED : Verdict.TOO_MANY_WRONG_TOKENS;
    }

    private enum WrongToken { COUNTED, GLOBAL_LOCK, BEGAN_GLOBAL_LOCK }

    private synchronized WrongToken countWrongToken(String sender) {
        Instant now = clock.instant();
        if (now.isBefore(globalLockEnds)) {
            return WrongToken.GLOBAL_LOCK;
        }
        if (!now.isBefore(globalWindowStart.plus(MINUTE))) {
            globalWindowStart = now;
            globalWrongTokens = 0;
        }
        if (++globalWrongTokens > globalPerMinute) {
            globalLockEnds = now.plus(MINUTE);
            return WrongToken.BEGAN_GLOBAL_LOCK;
        }
        forgetSendersWithWholeBudgets();
        senders.computeIfAbsent(sender, s -> senderBudget()).tryConsume(1);
        return WrongToken.COUNTED;
    }

    /** Outside the lock: raising the alert writes to the database, and checks must not wait for it. */
    private void alert() {
        Instant lockEnds;
        synchronized (this) {
            lockEnds = globalLockEnds;
        }
        try {
            events.publishEvent(new AdminTokenGuessing(globalPerMinute, lockEnds));
        } catch (RuntimeException e) {
            log.warn("Could not alert the operators about admin-token guessing: {}", e.toString());
        }
    }

    private void forgetSendersWithWholeBudgets() {
        if (senders.size() > 2 * globalPerMinute) {
            senders.values().removeIf(budget -> budget.getAvailableTokens() >= WRONG_TOKENS_PER_MINUTE);
        }
    }

    private Bucket senderBudget() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(WRONG_TOKENS_PER_MINUTE).refillGreedy(WRONG_TOKENS_PER_MINUTE, MINUTE))
                .withCustomTimePrecision(time)
                .build();
    }
}
