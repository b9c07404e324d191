package org.postbackbridge.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.postbackbridge.platform.database.HeldInserts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@code outbox} table. Messages are inserted in the same transaction as the change they
 * report, so a committed change is always followed by its message and a rolled-back one never is;
 * the dedupe key makes a replayed insert a no-op. A message is {@code pending} until it ends
 * {@code sent}, {@code dry_run}, {@code blocked} or {@code dead}; only pending rows ever change.
 */
@Repository
public class Outbox {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String DRY_RUN = "dry_run";
    public static final String BLOCKED = "blocked";
    public static final String DEAD = "dead";

    private static final String REVIVE_DEAD =
            "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ? WHERE status = 'dead'";
    private static final String COLUMNS = "id, chat_id, kind, text, buttons, status, attempts, last_error, plain_text";
    // The lookup below spells out its partial index's condition, not binds it: only then can the
    // database use the index.
    static final String LAST_ALERT = "SELECT MAX(created_at) FROM outbox WHERE kind LIKE 'alert%' AND kind = ?";
    /** The statuses a message ends in; a message in one of them never changes again. */
    public static final List<String> FINISHED = List.of(SENT, DRY_RUN, BLOCKED, DEAD);
    static final String FIRST_QUEUED_SINCE = "SELECT id FROM outbox WHERE created_at >= ? ORDER BY id LIMIT 1";
    // Through outbox_pending (status, id): the rows to delete, and no others, are read.
    static final String DELETE_FINISHED = """
            DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE status = ? AND id < ? ORDER BY id LIMIT ?)""";
    /** Pending messages read at a time while looking for each chat's oldest. */
    private static final int HEAD_SCAN_PAGE = 500;

    private final JdbcClient jdbc;
    private final HeldInserts heldInserts;
    private final Clock clock;
    private final DispatchSignal signal;

    Outbox(JdbcClient jdbc, HeldInserts heldInserts, Clock clock, DispatchSignal signal) {
        this.jdbc = jdbc;
        this.heldInserts = heldInserts;
        this.clock = clock;
        this.signal = signal;
    }

    /** Queues a message, unless one with this dedupe key was queued before. */
    public void enqueue(long chatId, String kind, String text, String buttons, String dedupeKey) {
        insert(chatId, kind, text, buttons, dedupeKey, PENDING, null);
        wakeDispatcherAfterCommit();
    }

    /** Records a message that will not be sent because the user blocked the bot. */
    void recordBlocked(long chatId, String kind, String text, String dedupeKey) {
        insert(chatId, kind, text, null, dedupeKey, BLOCKED, "the user has blocked the bot");
    }

    /** Held back within a group-commit batch (its outcome is not needed), so a repeat is left out silently. */
    private void insert(long chatId, String kind, String text, String buttons, String dedupeKey,
                        String status, String error) {
        long now = clock.millis();
        heldInserts.insert("""
                INSERT INTO outbox (chat_id, kind, text, buttons, status, attempts, next_attempt_at, last_error,
                                    dedupe_key, created_at)
                VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                chatId, kind, text, buttons, status, now, error, dedupeKey, now);
    }

    private void wakeDispatcherAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            signal.wake();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal.wake();
            }
        });
    }

    /** When an alert of {@code kind} (an {@code alert_…} kind) was last queued, to anyone; answered by {@code outbox_alerts}. */
    public Optional<Instant> lastAlertEnqueued(String kind) {
        return jdbc.sql(LAST_ALERT)
                .param(kind)
                .query(Outbox::instantOrNull).optional();
    }

    /**
     * The oldest pending message of each chat, if its time has come, oldest first (at most
     * {@code limit}); and, when none has come, the time the first of the others does. A chat whose
     * oldest message waits for a retry sends nothing newer meanwhile, so each chat gets its messages
     * in the order they were queued.
     *
     * <p>Found by reading the pending messages in queue order and keeping each chat's first. An
     * index by chat would answer it directly, but would put every new message on a random page of
     * that index, written again at each postback's commit.
     */
    public Heads heads(int limit) {
        long now = clock.millis();
        Set<Long> chatsSeen = new HashSet<>();
        List<Long> due = new ArrayList<>();
        long nextDueAt = Long.MAX_VALUE;
        long after = 0;
        List<Queued> page;
        do {
            page = jdbc.sql("SELECT id, chat_id, next_attempt_at FROM outbox WHERE status = 'pending' AND id > ? ORDER BY id LIMIT ?")
                    .param(after).param(HEAD_SCAN_PAGE)
                    .query(Queued.class).list();
            for (Queued queued : page) {
                if (!chatsSeen.add(queued.chatId())) {
                    continue;
                }
                if (queued.nextAttemptAt() > now) {
                    nextDueAt = Math.min(nextDueAt, queued.nextAttemptAt());
                } else if (due.size() < limit) {
                    due.add(queued.id());
                }
            }
            after = page.isEmpty() ? after : page.getLast().id();
        } while (page.size() == HEAD_SCAN_PAGE && due.size() < limit);
        if (due.isEmpty()) {
            return new Heads(List.of(), nextDueAt == Long.MAX_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(nextDueAt)));
        }
        List<OutboxMessage> messages = jdbc.sql("SELECT " + COLUMNS + " FROM outbox WHERE id IN (:ids) AND status = 'pending' ORDER BY id")
                .param("ids", due)
                .query(OutboxMessage.class).list();
        return new Heads(messages, Optional.empty());
    }

    /**
     * What {@link #heads} found: the chats' first messages that are due, and, only when there are
     * none, when the next comes due (empty when nothing is pending).
     */
    public record Heads(List<OutboxMessage> due, Optional<Instant> nextDueAt) {
    }

    private record Queued(long id, long chatId, long nextAttemptAt) {
    }

    /** Every message queued for this chat, oldest first. Reads the whole outbox: for tests and rare looks. */
    public List<OutboxMessage> forChat(long chatId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbox WHERE chat_id = ? ORDER BY id")
                .param(chatId).query(OutboxMessage.class).list();
    }

    /**
     * Messages queued through {@link Notifier} under {@code dedupeKey}, in queue order; the keys it
     * derives for each message start with it and a colon. The key must hold no {@code %} or {@code _}.
     */
    public List<OutboxMessage> queuedUnder(String dedupeKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbox WHERE dedupe_key LIKE ? ORDER BY id")
                .param(dedupeKey + ":%")
                .query(OutboxMessage.class).list();
    }

    /** Drops what {@link #queuedUnder} finds that is still pending; returns how many. */
    public int dropPendingUnder(String dedupeKey) {
        return jdbc.sql("DELETE FROM outbox WHERE dedupe_key LIKE ? AND status = 'pending'")
                .param(dedupeKey + ":%").update();
    }

    public Optional<OutboxMessage> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbox WHERE id = ?").param(id).query(OutboxMessage.class).optional();
    }

    public void markSent(long id, long telegramMessageId) {
        finish(id, SENT, null, telegramMessageId);
    }

    /** Sent, though Telegram's answer could not be read: no message ID, and why, in {@code last_error}. */
    public void markSentUnread(long id, String warning) {
        finish(id, SENT, warning, null);
    }

    public void markDryRun(long id) {
        finish(id, DRY_RUN, null, null);
    }

    public void markDead(long id, String error) {
        finish(id, DEAD, error, null);
    }

    private void finish(long id, String status, String error, Long telegramMessageId) {
        jdbc.sql("""
                UPDATE outbox SET status = ?, attempts = attempts + 1, last_error = ?, telegram_message_id = ?,
                                  sent_at = ?
                WHERE id = ? AND status = 'pending'""")
                .param(status).param(error).param(telegramMessageId).param(clock.millis()).param(id)
                .update();
    }

    /** Tries again at {@code at}; a failure counts as an attempt, a 429 does not. */
    public void retryAt(long id, Instant at, String error, boolean countAttempt) {
        jdbc.sql("""
                UPDATE outbox SET next_attempt_at = ?, last_error = ?, attempts = attempts + ?
                WHERE id = ? AND status = 'pending'""")
                .param(at.toEpochMilli()).param(error).param(countAttempt ? 1 : 0).param(id)
                .update();
    }

    /** Every pending message to this chat becomes {@code blocked}; returns how many. */
    public int blockChat(long chatId, String error) {
        return jdbc.sql("UPDATE outbox SET status = 'blocked', last_error = ? WHERE chat_id = ? AND status = 'pending'")
                .param(error).param(chatId)
                .update();
    }

    /** Pending messages of a group that became a supergroup go to its new ID. */
    public void moveChat(long fromChatId, long toChatId) {
        jdbc.sql("UPDATE outbox SET chat_id = ? WHERE chat_id = ? AND status = 'pending'")
                .param(toChatId).param(fromChatId)
                .update();
    }

    /** Telegram could not parse this text's HTML: send it again, once, as plain text. */
    public void switchToPlainText(long id, String plainText, String error) {
        jdbc.sql("UPDATE outbox SET text = ?, plain_text = 1, last_error = ? WHERE id = ? AND status = 'pending'")
                .param(plainText).param(error).param(id)
                .update();
    }

    /**
     * The operator's "retry": a dead message is pending again, with its attempts reset, and goes
     * out before anything queued for its chat after it. False when it is not dead (any more).
     */
    public boolean retryDead(long id) {
        return woken(jdbc.sql(REVIVE_DEAD + " AND id = ?").param(clock.millis()).param(id).update()) == 1;
    }

    /**
     * The operator's "resend": a copy of message {@code id}, whatever became of it, queued as a new
     * message under {@code dedupeKey}. The copy's ID; empty when there is no such message or the key
     * was used before (a form sent twice).
     */
    public Optional<Long> queueCopy(long id, String dedupeKey) {
        long now = clock.millis();
        int inserted = jdbc.sql("""
                INSERT INTO outbox (chat_id, kind, text, buttons, status, attempts, next_attempt_at, dedupe_key,
                                    created_at, plain_text)
                SELECT chat_id, kind, text, buttons, 'pending', 0, ?, ?, ?, plain_text FROM outbox WHERE id = ?
                ON CONFLICT DO NOTHING""")
                .param(now).param(dedupeKey).param(now).param(id)
                .update();
        if (woken(inserted) == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM outbox WHERE dedupe_key = ?").param(dedupeKey).query(Long.class).optional();
    }

    /** {@link #retryDead} for every dead message; returns how many. */
    public int retryAllDead() {
        return woken(jdbc.sql(REVIVE_DEAD).param(clock.millis()).update());
    }

    private int woken(int revived) {
        if (revived > 0) {
            wakeDispatcherAfterCommit();
        }
        return revived;
    }

    public Optional<Instant> oldestPendingCreatedAt() {
        return jdbc.sql("SELECT MIN(created_at) FROM outbox WHERE status = 'pending'")
                .query(Outbox::instantOrNull).optional();
    }

    /** An aggregate over no rows is NULL: no instant. */
    private static Instant instantOrNull(ResultSet rs, int row) throws SQLException {
        long millis = rs.getLong(1);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /**
     * An ID below which every message was queued before {@code time}, and above which none was (to the
     * clock's precision): messages are numbered in the order they are queued. The oldest messages are
     * read in order until one is that recent; once old messages are deleted, those are few.
     */
    public long firstIdQueuedSince(Instant time) {
        return jdbc.sql(FIRST_QUEUED_SINCE).param(time.toEpochMilli()).query(Long.class).optional()
                .orElseGet(() -> jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM outbox").query(Long.class).single());
    }

    /** Deletes at most {@code limit} messages in a {@link #FINISHED} {@code status} with an ID below {@code belowId}; returns how many. */
    public int deleteFinished(String status, long belowId, int limit) {
        if (!FINISHED.contains(status)) {
            throw new IllegalArgumentException("not a status a message ends in: " + status);
        }
        return jdbc.sql(DELETE_FINISHED).param(status).param(belowId).param(limit).update();
    }

    public long countByStatus(String status) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE status = ?").param(status).query(Long.class).single();
    }
}
