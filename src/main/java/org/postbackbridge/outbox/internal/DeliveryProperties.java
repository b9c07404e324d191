package org.postbackbridge.outbox.internal;

import java.time.Duration;
import org.postbackbridge.platform.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox is sent to Telegram. The defaults are Telegram's published limits.
 *
 * @param messagesPerSecond   all chats together ({@code TELEGRAM_MESSAGES_PER_SECOND})
 * @param perChatInterval     at least this long between two messages to one chat ({@code TELEGRAM_PER_CHAT_INTERVAL})
 * @param groupPerMinute      at most this many messages a minute to one group chat ({@code TELEGRAM_GROUP_PER_MINUTE})
 * @param maxAttempts         failed sends (5xx, timeouts, connection errors) before a message is
 *                            {@code dead} ({@code TELEGRAM_MAX_ATTEMPTS})
 * @param firstRetryDelay     backoff after the first failure; doubles per attempt, with jitter
 * @param maxRetryDelay       the backoff never grows past this
 * @param retryAfterCap       a 429 asking to wait longer than this parks the queue and alerts the
 *                            operator ({@code TELEGRAM_RETRY_AFTER_CAP})
 * @param requestTimeout      one Bot API call, connect to answer ({@code TELEGRAM_REQUEST_TIMEOUT})
 * @param pollInterval        how soon the dispatcher looks again at due messages that Telegram's limits
 *                            held back, or while another instance holds the dispatch lease
 * @param idlePollInterval    how long the dispatcher waits, unless woken, when no message is due: this
 *                            instance's messages wake it and a retry's time is waited for exactly, so
 *                            this is only how late it sees a message another instance queued
 * @param retention           a message no longer pending is deleted this long after it was queued
 *                            ({@code MESSAGE_RETENTION}); at least a day, so a Telegram update delivered
 *                            again still finds its answer and is not answered twice
 */
@ConfigurationProperties("postback-bridge.telegram.delivery")
public record DeliveryProperties(
        @DefaultValue("30") int messagesPerSecond,
        @DefaultValue("1s") Duration perChatInterval,
        @DefaultValue("20") int groupPerMinute,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("2s") Duration firstRetryDelay,
        @DefaultValue("10m") Duration maxRetryDelay,
        @DefaultValue("10m") Duration retryAfterCap,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("1s") Duration idlePollInterval,
        @DefaultValue("90d") Duration retention) {

    public DeliveryProperties {
        Settings.atLeast("MESSAGE_RETENTION", retention, "1d");
    }
}
