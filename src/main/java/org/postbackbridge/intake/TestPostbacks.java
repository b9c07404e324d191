package org.postbackbridge.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.postbackbridge.attribution.Attribution;
import org.postbackbridge.platform.database.GroupCommit;
import org.postbackbridge.eventlog.EventLog;
import org.postbackbridge.outbox.Outbox;
import org.postbackbridge.users.BotUser;
import org.postbackbridge.users.UserRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test postbacks from the operator (the console's tester, {@code POST /postback/test}). By default one
 * runs through the whole pipeline in a transaction that is rolled back once its verdict is read:
 * it changes nothing and sends nothing. Applied for real, everything it does is marked as a test
 * (postback status {@code test}, its events, "🧪 TEST" in its messages) and can be undone.
 */
@Service
public class TestPostbacks {

    public enum Undo { UNDONE, ALREADY_UNDONE, NOT_AN_APPLIED_TEST }

    private final PostbackHandler handler;
    private final TransactionTemplate transaction;
    private final GroupCommit groupCommit;
    private final AppliedTests applied;
    private final Attribution attribution;
    private final UserRepository users;
    private final EventLog events;
    private final Outbox outbox;
    private final PostbackInbox inbox;

    TestPostbacks(PostbackHandler handler, TransactionTemplate transaction, GroupCommit groupCommit,
                  AppliedTests applied, Attribution attribution, UserRepository users, EventLog events, Outbox outbox,
                  PostbackInbox inbox) {
        this.handler = handler;
        this.transaction = transaction;
        this.groupCommit = groupCommit;
        this.applied = applied;
        this.attribution = attribution;
        this.users = users;
        this.events = events;
        this.outbox = outbox;
        this.inbox = inbox;
    }

    /**
     * Runs a parsed test postback through the pipeline: rolled back once {@code inspect} has read what
     * it did, or, with {@code apply}, applied for real, marked as a test, and recorded for an undo.
     * {@code params} are the request's, secrets already masked.
     */
    public <T> T run(PostbackEvent event, Map<String, String> params, String source, List<Warning> warnings,
                     boolean apply, Function<PostbackOutcome, T> inspect) {
        return apply ? apply(event, params, source, warnings, inspect) : dryRun(event, params, source, warnings, inspect);
    }

    /** Runs it, lets {@code inspect} read what it did, then rolls everything back. */
    private <T> T dryRun(PostbackEvent event, Map<String, String> params, String source, List<Warning> warnings,
                 Function<PostbackOutcome, T> inspect) {
        return transaction.execute(tx -> {
            tx.setRollbackOnly();
            return inspect.apply(handler.process(event, params, source, warnings));
        });
    }

    /** Applies it for real, marked as a test, and records what an undo needs; {@code inspect} reads what it did. */
    private <T> T apply(PostbackEvent event, Map<String, String> params, String source, List<Warning> warnings,
                Function<PostbackOutcome, T> inspect) {
        return groupCommit.execute(PostbackHandler.playerKey(event.network(), event.playerId()), () -> {
            Optional<BotUser> linked = attribution.linkedUser(event.network(), event.playerId());
            Optional<BotUser> before = linked.or(() -> Optional.ofNullable(event.clickId()).flatMap(users::findByClickToken));
            PostbackOutcome outcome = handler.process(event, params, source, warnings);
            if (outcome.postbackId() != null) {
                boolean linkedNow = linked.isEmpty() && outcome.telegramId() != null;
                Optional<BotUser> user = before.filter(u -> Long.valueOf(u.telegramId()).equals(outcome.telegramId()));
                applied.record(outcome.postbackId(), event.network(), event.playerId(), outcome.telegramId(), linkedNow,
                        user.map(BotUser::deposited).orElse(null), user.map(BotUser::signalsUnlocked).orElse(null),
                        user.map(BotUser::casinoId).orElse(null));
            }
            return inspect.apply(outcome);
        });
    }

    /**
     * Undoes an applied test: its events go, its messages not sent yet are dropped, its user's
     * deposit and access flags are what they were, and a player it linked is unlinked. Messages
     * Telegram already took stay sent; they carry the test marker.
     */
    public Undo undo(long postbackId, String operator) {
        return groupCommit.execute(() -> {
            Optional<AppliedTests.AppliedTest> found = applied.find(postbackId);
            if (found.isEmpty()) {
                return Undo.NOT_AN_APPLIED_TEST;
            }
            if (!applied.markUndone(postbackId, operator)) {
                return Undo.ALREADY_UNDONE;
            }
            AppliedTests.AppliedTest test = found.get();
            events.deleteTestEvents(postbackId);
            outbox.dropPendingUnder(PostbackOutcome.messageKey(postbackId));
            if (test.telegramId() != null) {
                if (test.wasDeposited() != null) {
                    users.updateUserDeposited(test.telegramId(), test.wasDeposited());
                    users.updateSignalsUnlocked(test.telegramId(), test.wasUnlocked());
                }
                if (test.linkedPlayer()) {
                    attribution.unlink(test.network(), test.playerId(), test.telegramId());
                }
            }
            inbox.markOutcome(postbackId, PostbackStatus.TEST, test.telegramId(), "undone by " + operator);
            return Undo.UNDONE;
        });
    }
}
