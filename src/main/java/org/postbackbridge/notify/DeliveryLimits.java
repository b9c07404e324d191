package org.postbackbridge.notify;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Telegram's rate limits: one token bucket for the whole bot, and per chat the earliest moment
 * its next message may leave.
 *
 * <p>Telegram counts on arrival. The bot-wide bucket holds a single token, so sends are evenly
 * spaced and no second ever holds more than the limit (a bucket that allowed a burst would keep the
 * average and still earn 429s), with a small margin for requests that travel at different speeds.
 * A chat's clock starts when its previous send was answered, not when it was picked: a first request
 * can spend a long time connecting, and the next one, sent a second after picking, would then arrive
 * less than a second after it.
 */
class DeliveryLimits {

    private static final Duration FORGET_IDLE_CHATS_AFTER = Duration.ofMinutes(2);
    private static final double MARGIN = 1.03;

    private final Bucket global;
    private final long perChatNanos;
    private final long perGroupNanos;
    private final Map<Long, Long> chatReadyAtNanos = new ConcurrentHashMap<>();

    DeliveryLimits(DeliveryProperties properties) {
        Duration spacing = withMargin(Duration.ofSeconds(1).dividedBy(properties.messagesPerSecond()));
        this.global = Bucket.builder().addLimit(limit -> limit.capacity(1).refillGreedy(1, spacing)).build();
        this.perChatNanos = properties.perChatInterval().toNanos();
        long groupSpacing = Duration.ofMinutes(1).dividedBy(properties.groupPerMinute()).toNanos();
        this.perGroupNanos = Math.max(groupSpacing, perChatNanos);
    }

    /** True when this chat's previous message was answered long enough ago. */
    boolean chatReady(long chatId) {
        Long readyAt = chatReadyAtNanos.get(chatId);
        return readyAt == null || System.nanoTime() - readyAt >= 0;
    }

    /** Starts the chat's clock: called when Telegram answered a send to it. */
    void answered(long chatId) {
        chatReadyAtNanos.put(chatId, System.nanoTime() + (isGroup(chatId) ? perGroupNanos : perChatNanos));
    }

    /** Waits for the bot-wide token. */
    void acquireGlobal() throws InterruptedException {
        global.asBlocking().consume(1);
    }

    /** Drops chats whose clocks ran out long ago. */
    void forgetIdleChats() {
        long cutoff = System.nanoTime() - FORGET_IDLE_CHATS_AFTER.toNanos();
        chatReadyAtNanos.values().removeIf(readyAt -> readyAt - cutoff < 0);
    }

    /** Telegram gives groups, supergroups and channels negative IDs; a group takes 20 messages a minute. */
    static boolean isGroup(long chatId) {
        return chatId < 0;
    }

    private static Duration withMargin(Duration interval) {
        return Duration.ofNanos((long) (interval.toNanos() * MARGIN));
    }
}
