package org.postbackbridge.bot;

import io.github.bucket4j.Bandwidth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.postbackbridge.platform.web.AddressBudgets;

/**
 * How many messages and button presses from one Telegram user the bot handles a minute
 * ({@code BOT_UPDATES_PER_MINUTE}, 20 by default). Anyone with a Telegram account can write to the bot,
 * and each answer is a row in the outbox and a write that postbacks wait behind on SQLite. Past the
 * budget an update is dropped unanswered and counted in {@code postback_bridge_bot_updates_ignored_total}.
 * Per instance.
 */
@BotComponent
class UpdateBudget {

    /** Past this many users the least recently seen are forgotten, so memory stays bounded. */
    private static final int USERS_REMEMBERED = 10_000;

    private final AddressBudgets budgets;
    private final Counter ignored;

    UpdateBudget(BotProperties properties, Clock clock, MeterRegistry meters) {
        int perMinute = properties.updatesPerMinute();
        this.budgets = new AddressBudgets(Bandwidth.builder().capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1)).build(), USERS_REMEMBERED, clock);
        this.ignored = Counter.builder("postback_bridge.bot.updates_ignored")
                .description("Messages and button presses dropped unanswered: their user sent too many")
                .register(meters);
    }

    /** True if an update from this user may be handled now; false counts it as ignored. */
    boolean allows(long userId) {
        if (budgets.of(Long.toString(userId)).tryConsume(1)) {
            return true;
        }
        ignored.increment();
        return false;
    }
}
