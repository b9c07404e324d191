package org.postbackbridge.outbox.internal;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Telegram's rate limits, which Telegram counts when a request <em>arrives</em>. We only know when
 * a request starts and when its answer comes, and a request can spend anything from a millisecond to
 * seconds on the way, so every rule here is stated on those two moments:
 *
 * <ul>
 *   <li>Per chat: the next message starts at least the chat's interval after the previous one was
 *       answered, so it cannot arrive sooner than that after the previous arrival.</li>
 *   <li>Bot-wide: a token bucket of one token spaces the starts evenly at the limit (a bucket that
 *       allowed bursts would keep the average and still earn 429s); and a request starts only while
 *       fewer than the limit are in flight or were answered within the last second. Every request
 *       that could arrive in the same second as the new one is one of those, so no second ever
 *       holds more than the limit, however the network bunches requests together.</li>
 * </ul>
 *
 * Time is read from a {@link TimeMeter} and waited out through a {@link BlockingStrategy}, the
 * monotonic clock and real parking in service; a test moves time by hand.
 */
class DeliveryLimits {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final long POLL = Duration.ofMillis(5).toNanos();
    private static final Duration FORGET_IDLE_CHATS_AFTER = Duration.ofMinutes(2);

    private final TimeMeter time;
    private final BlockingStrategy waiting;
    private final int perSecond;
    private final Bucket spacing;
    private final long perChatNanos;
    private final long perGroupNanos;
    private final Map<Long, Long> chatAnsweredAtNanos = new ConcurrentHashMap<>();
    private final ArrayDeque<Long> answeredWithinASecond = new ArrayDeque<>();
    private int inFlight;

    DeliveryLimits(DeliveryProperties properties) {
        this(properties, TimeMeter.SYSTEM_NANOTIME, BlockingStrategy.PARKING);
    }

    DeliveryLimits(DeliveryProperties properties, TimeMeter time, BlockingStrategy waiting) {
        this.time = time;
        this.waiting = waiting;
        this.perSecond = properties.messagesPerSecond();
        Duration interval = Duration.ofSeconds(1).dividedBy(perSecond);
        this.spacing = Bucket.builder().withCustomTimePrecision(time).addLimit(limit -> limit.capacity(1).refillGreedy(1, interval)).build();
        this.perChatNanos = properties.perChatInterval().toNanos();
        long groupSpacing = Duration.ofMinutes(1).dividedBy(properties.groupPerMinute()).toNanos();
        this.perGroupNanos = Math.max(groupSpacing, perChatNanos);
    }

    /** True when this chat's previous message was answered long enough ago. */
    boolean chatReady(long chatId) {
        Long answeredAt = chatAnsweredAtNanos.get(chatId);
        return answeredAt == null || now() - answeredAt >= (isGroup(chatId) ? perGroupNanos : perChatNanos);
    }

    /** Now, in nanoseconds of the time the limits keep, for {@link #answeredSince}. */
    long now() {
        return time.currentTimeNanos();
    }

    /** True when a send to this chat was answered after {@code nanos} (see {@link #now()}). */
    boolean answeredSince(long chatId, long nanos) {
        Long answeredAt = chatAnsweredAtNanos.get(chatId);
        return answeredAt != null && answeredAt - nanos > 0;
    }

    /** Waits until a request may start within the bot-wide limit, and counts it as in flight. */
    void acquire() throws InterruptedException {
        long wait;
        while ((wait = nanosUntilRoom()) > 0) {
            waiting.park(wait);
        }
        spacing.asBlocking().consume(1, waiting);
        synchronized (this) {
            inFlight++;
        }
    }

    /**
     * Telegram answered a request (or it failed): it is no longer in flight, and counts against the
     * bot-wide limit for a second from now. Called at the answer, before its result is written.
     */
    void requestAnswered() {
        long now = now();
        synchronized (this) {
            inFlight--;
            answeredWithinASecond.addLast(now);
        }
    }

    /** The chat's last send was answered and its result written: the chat's interval starts now. */
    void chatAnswered(long chatId) {
        chatAnsweredAtNanos.put(chatId, now());
    }

    /** The longest any rule looks back: after this long, earlier sends no longer count. */
    Duration longestInterval() {
        return Duration.ofNanos(Math.max(perGroupNanos, SECOND));
    }

    /** Drops chats answered long ago, whose clocks ran out. */
    void forgetIdleChats() {
        long cutoff = now() - FORGET_IDLE_CHATS_AFTER.toNanos();
        chatAnsweredAtNanos.values().removeIf(answeredAt -> answeredAt - cutoff < 0);
    }

    /** Telegram gives groups, supergroups and channels negative IDs; a group takes 20 messages a minute. */
    static boolean isGroup(long chatId) {
        return chatId < 0;
    }

    /**
     * Zero when a request may start now. Otherwise, while some of the window's requests were
     * answered, the time until the oldest answer is a second old: answers of those in flight do not
     * make room, they only move into the window. While all are in flight, a short poll.
     */
    private synchronized long nanosUntilRoom() {
        long now = now();
        while (!answeredWithinASecond.isEmpty() && now - answeredWithinASecond.peekFirst() >= SECOND) {
            answeredWithinASecond.pollFirst();
        }
        if (inFlight + answeredWithinASecond.size() < perSecond) {
            return 0;
        }
        return answeredWithinASecond.isEmpty() ? POLL : answeredWithinASecond.peekFirst() + SECOND - now;
    }
}
