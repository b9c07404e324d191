package org.postbackbridge.outbox.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.postbackbridge.platform.database.GroupCommit;
import org.postbackbridge.users.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.postbackbridge.texts.MessageKind;
import org.postbackbridge.telegram.ChatMigrations;
import org.postbackbridge.outbox.Outbox;
import org.postbackbridge.texts.TelegramText;
import org.postbackbridge.outbox.OutboxMessage;
import org.postbackbridge.outbox.DispatchLeadership;
import org.postbackbridge.outbox.DispatchSignal;
import org.postbackbridge.outbox.LeaderLoop;
import org.postbackbridge.outbox.SendResult;
import org.postbackbridge.outbox.Notifier;

/**
 * Sends the outbox to Telegram in the background; the request path never talks to Telegram.
 *
 * <p>One loop thread picks the oldest due message of each chat whose rate limit allows it, takes the
 * bot-wide rate-limit token, and hands the send to a virtual thread, so a slow answer from Telegram does
 * not hold up other chats. At most one message per chat is in flight, which keeps each chat's
 * messages in order. The result of every send is written before that chat's next message is picked.
 *
 * <p>A message is sent again only when Telegram did not take it (429, 5xx, no connection) or when
 * we cannot know (a timeout, or a crash between Telegram's answer and our write): the two
 * at-least-once windows documented in the README.
 */
class OutboxDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    /** Enough chats per look that those just served (waiting for their next second) do not hide the rest. */
    private static final int HEADS_PER_PASS = 200;

    private final Outbox outbox;
    private final MessageSender sender;
    private final DeliveryLimits limits;
    private final DispatchSignal signal;
    private final UserRepository users;
    private final ChatMigrations migrations;
    private final Notifier notifier;
    private final GroupCommit groupCommit;
    private final DeliveryProperties properties;
    private final RetryBackoff backoff;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final LeaderLoop loop;

    private final RetryTemplate recordResult = new RetryTemplate(RetryPolicy.builder()
            .delay(Duration.ofMillis(200)).multiplier(2).maxDelay(Duration.ofSeconds(5)).timeout(Duration.ofMinutes(1))
            .maxRetries(Long.MAX_VALUE).build());
    private final Set<Long> chatsInFlight = ConcurrentHashMap.newKeySet();
    private final AtomicInteger credentialsRefusedInARow = new AtomicInteger();
    private volatile Instant pausedUntil = Instant.EPOCH;
    /** Whether the last pass held the lease; read and written by the loop's thread only. */
    private boolean wasLeader;

    OutboxDispatcher(Outbox outbox, MessageSender sender, DeliveryLimits limits, DispatchLeadership leadership,
                     DispatchSignal signal, UserRepository users, ChatMigrations migrations, Notifier notifier,
                     GroupCommit groupCommit, DeliveryProperties properties, MeterRegistry meters, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.limits = limits;
        this.signal = signal;
        this.users = users;
        this.migrations = migrations;
        this.notifier = notifier;
        this.groupCommit = groupCommit;
        this.properties = properties;
        this.backoff = new RetryBackoff(properties.firstRetryDelay(), properties.maxRetryDelay());
        this.metrics = new DeliveryMetrics(meters);
        this.clock = clock;
        this.loop = new LeaderLoop("outbox-dispatcher", leadership, signal, properties.pollInterval(),
                properties.requestTimeout(), this::pass);
    }

    @Override
    public void start() {
        wasLeader = false;
        loop.start(sender::warmUp);
    }

    /** Stops picking messages and waits for the sends already under way to be answered and written. */
    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    /**
     * Stops after the web server has stopped taking requests, not before: stopping waits for the
     * sends under way, which can take a minute when their results cannot be written (a full disk),
     * and a shutdown must not wait that long to begin.
     */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1;
    }

    /** One pass of the loop; returns how long to wait, unless woken, before the next. */
    private Duration pass(boolean leader, Executor sends) throws InterruptedException {
        if (leader && !wasLeader) {
            holdForPreviousDispatcher();
        }
        wasLeader = leader;
        if (!leader || paused()) {
            limits.forgetIdleChats();
            return properties.pollInterval();
        }
        long readAt = limits.now();
        Outbox.Heads heads = outbox.heads(HEADS_PER_PASS);
        if (startSends(heads.due(), readAt, sends) > 0) {
            return Duration.ZERO;
        }
        limits.forgetIdleChats();
        if (!heads.due().isEmpty()) {
            return properties.pollInterval();  // due, but held back by the limits or a send in flight
        }
        // Nothing due. This instance's own messages wake the loop when committed; what else can come
        // due is a retry, at its time, or a message another instance queued, seen within the idle interval.
        Duration idle = properties.idlePollInterval();
        Duration untilNextDue = heads.nextDueAt().map(at -> Duration.between(clock.instant(), at)).orElse(idle);
        if (untilNextDue.isNegative()) {
            return Duration.ZERO;
        }
        return untilNextDue.compareTo(idle) < 0 ? untilNextDue : idle;
    }

    /** Starts sending those of {@code due} this moment's limits allow; returns how many. */
    private int startSends(List<OutboxMessage> due, long readAt, Executor sends) throws InterruptedException {
        int started = 0;
        for (OutboxMessage message : due) {
            if (!loop.isRunning() || paused()) {
                break;
            }
            long chat = message.chatId();
            // A pass can take seconds (it waits for the rate limit), so a row read before this chat's
            // last answer may be one that has been sent since: only the next read can tell.
            if (chatsInFlight.contains(chat) || limits.answeredSince(chat, readAt) || !limits.chatReady(chat)) {
                continue;
            }
            limits.acquire();
            chatsInFlight.add(message.chatId());
            sends.execute(() -> deliver(message));
            started++;
        }
        return started;
    }

    private void deliver(OutboxMessage message) {
        try {
            SendResult result = send(message);
            metrics.record(result);
            // Once sent, a message must not stay pending because the database hiccuped: it would go again.
            // Written through the group commit, like postbacks: one writer and one fsync for both, where
            // a write of its own would wait for SQLite's lock (sleeping in its busy handler) and make
            // the postbacks' batch wait in turn.
            recordResult.invoke(() -> groupCommit.execute(() -> {
                apply(message, result);
                return null;
            }));
        } catch (RuntimeException e) {
            log.warn("Could not record the result of sending message {}; it stays pending and will be sent again: {}",
                    message.id(), e.toString());
        } finally {
            // After the result is written: a pass that read the row before this point skips it.
            limits.chatAnswered(message.chatId());
            chatsInFlight.remove(message.chatId());
            signal.wake();
        }
    }

    /**
     * Telegram counted the request when it arrived, before it answered: the bot-wide limit frees
     * its slot at the answer, without waiting for the result's write as the chat does. So a 429
     * pauses the dispatcher here, before that slot can be taken by another send.
     */
    private SendResult send(OutboxMessage message) {
        try {
            SendResult result = sender.send(message);
            if (result instanceof SendResult.RetryAfter retry) {
                pauseUntil(clock.instant().plus(retry.delay()));
            }
            return result;
        } finally {
            limits.requestAnswered();
        }
    }

    private void apply(OutboxMessage message, SendResult result) {
        switch (result) {
            case SendResult.Sent sent -> {
                credentialsRefusedInARow.set(0);
                outbox.markSent(message.id(), sent.telegramMessageId());
            }
            case SendResult.SentUnread unread -> {
                credentialsRefusedInARow.set(0);
                outbox.markSentUnread(message.id(), unread.warning());
            }
            case SendResult.Recorded recorded -> outbox.markDryRun(message.id());
            case SendResult.RetryAfter retry -> recordPause(message, retry.delay());
            case SendResult.Blocked blocked -> {
                users.updateBlocked(message.chatId(), true);
                int count = outbox.blockChat(message.chatId(), blocked.error());
                log.info("Chat {} blocked the bot ({}); {} pending messages marked blocked", message.chatId(),
                        blocked.error(), count);
            }
            case SendResult.BadMarkup bad when !message.plainText() ->
                    outbox.switchToPlainText(message.id(), TelegramText.toPlain(message.text()), bad.error());
            case SendResult.BadMarkup bad -> outbox.markDead(message.id(), bad.error());
            case SendResult.ChatMigrated migrated -> {
                migrations.record(message.chatId(), migrated.newChatId());
                outbox.moveChat(message.chatId(), migrated.newChatId());
                log.info("Chat {} became supergroup {}; its messages go there now", message.chatId(), migrated.newChatId());
            }
            case SendResult.Rejected rejected -> outbox.markDead(message.id(), rejected.error());
            case SendResult.CredentialsRefused refused -> holdUntilCredentialsWork(message, refused.error());
            case SendResult.Failed failed -> retryOrGiveUp(message, failed.error());
        }
    }

    private void retryOrGiveUp(OutboxMessage message, String error) {
        int failures = message.attempts() + 1;
        if (failures >= properties.maxAttempts()) {
            log.warn("Message {} to chat {} is dead after {} attempts: {}", message.id(), message.chatId(), failures, error);
            outbox.markDead(message.id(), error);
            return;
        }
        outbox.retryAt(message.id(), clock.instant().plus(backoff.afterFailures(failures)), error, true);
    }

    /**
     * A 429 stops the whole dispatcher, not only this chat: Telegram counts the bot, not the chat.
     * {@link #send} paused it at the answer; this records the message's retry and parks it when long.
     */
    private void recordPause(OutboxMessage message, Duration wait) {
        Instant until = clock.instant().plus(wait);
        outbox.retryAt(message.id(), until, "429: retry after " + wait.toSeconds() + " s", false);
        if (wait.compareTo(properties.retryAfterCap()) > 0) {
            log.error("Telegram asked to wait {} s (more than {}); delivery is parked until {}",
                    wait.toSeconds(), properties.retryAfterCap(), until);
            long minutes = (wait.toSeconds() + 59) / 60;
            notifier.toOperators(MessageKind.OPERATOR_DELIVERY_PAUSED, Map.of("minutes", minutes),
                    "delivery-paused:" + until.toEpochMilli() / 3_600_000);
        }
    }

    /**
     * A wrong or revoked bot token would otherwise use up every message's attempts within minutes and
     * leave them dead: instead nothing is counted against the message, and the whole dispatcher
     * waits, longer each time, until the operator fixes the setting. The sends already in flight
     * when the first refusal came back are refused too; they share its wait rather than lengthen it.
     */
    private void holdUntilCredentialsWork(OutboxMessage message, String error) {
        boolean firstOfItsWait = !paused();
        int refusals = firstOfItsWait ? credentialsRefusedInARow.incrementAndGet() : Math.max(1, credentialsRefusedInARow.get());
        Instant until = clock.instant().plus(backoff.afterFailures(refusals));
        pauseUntil(until);
        outbox.retryAt(message.id(), until, error, false);
        if (firstOfItsWait) {
            log.error("Telegram refused the bot's credentials ({}): check TELEGRAM_TOKEN and TELEGRAM_API_URL. "
                    + "Delivery waits until {}; no message is given up meanwhile", error, until);
        }
    }

    /**
     * Another instance (or this one before a restart) may have sent to some chats a moment ago, and
     * Telegram counts those too: wait until none of its sends can count against ours.
     */
    private void holdForPreviousDispatcher() {
        Duration hold = limits.longestInterval();
        pausedUntil = clock.instant().plus(hold);
        log.info("Dispatching the outbox from {} (after {} for any previous dispatcher's sends to age)", pausedUntil, hold);
    }

    private void pauseUntil(Instant until) {
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    private boolean paused() {
        return clock.instant().isBefore(pausedUntil);
    }
}
