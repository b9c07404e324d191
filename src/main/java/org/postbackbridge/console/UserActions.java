package org.postbackbridge.console;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.postbackbridge.attribution.Attribution;
import org.postbackbridge.attribution.PlayerLinks;
import org.postbackbridge.outbox.Notifier;
import org.postbackbridge.outbox.Outbox;
import org.postbackbridge.outbox.OutboxMessage;
import org.postbackbridge.platform.web.ApiException;
import org.postbackbridge.users.BotUser;
import org.postbackbridge.users.UserRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an operator can do to a user from the user page, each through the module that owns it and
 * recorded in the operator-action log in the same transaction, whatever came of it. Messages carry
 * the key of the form they came from, so a form sent twice queues its message once.
 */
@Service
class UserActions {

    /** Telegram's limit for one message; longer texts are refused rather than split unexpectedly. */
    static final int MAX_MESSAGE_LENGTH = 4096;
    private static final Pattern FORM_KEY = Pattern.compile("[A-Za-z0-9-]{8,64}");

    /** {@code done}: the action changed something; {@code outcome}: what the log records. */
    record Result(boolean done, String outcome) {
    }

    private final UserRepository users;
    private final PlayerLinks players;
    private final Attribution attribution;
    private final Notifier notifier;
    private final Outbox outbox;
    private final OperatorActions log;
    private final TransactionTemplate transaction;

    UserActions(UserRepository users, PlayerLinks players, Attribution attribution, Notifier notifier, Outbox outbox,
                OperatorActions log, TransactionTemplate transaction) {
        this.users = users;
        this.players = players;
        this.attribution = attribution;
        this.notifier = notifier;
        this.outbox = outbox;
        this.log = log;
        this.transaction = transaction;
    }

    /** Takes the user's player on {@code network} from them; the player's later postbacks wait as unmatched. */
    Result unlink(long telegramId, String network, String sourceIp) {
        BotUser user = existing(telegramId);
        return recorded(OperatorActions.UNLINK_PLAYER, user, sourceIp, () -> {
            Optional<String> player = players.playerIdOf(network, telegramId);
            if (player.isEmpty()) {
                return new Result(false, "no player on " + network + " to unlink");
            }
            attribution.unlink(network, player.get(), telegramId);
            return new Result(true, "unlinked player " + player.get() + " on " + network);
        });
    }

    /** Opens or closes premium access (the signals) by hand, whatever the user's deposits say. */
    Result setAccess(long telegramId, boolean open, String sourceIp) {
        BotUser user = existing(telegramId);
        return recorded(open ? OperatorActions.GRANT_ACCESS : OperatorActions.REVOKE_ACCESS, user, sourceIp, () -> {
            if (user.signalsUnlocked() == open) {
                return new Result(false, open ? "access was already open" : "access was already closed");
            }
            users.updateSignalsUnlocked(telegramId, open);
            return new Result(true, open ? "access granted" : "access revoked");
        });
    }

    /** Queues a copy of one of the user's messages, whatever became of the original. */
    Result resend(long telegramId, long messageId, String formKey, String sourceIp) {
        BotUser user = existing(telegramId);
        String key = "console:" + checkedFormKey(formKey);
        OutboxMessage original = outbox.find(messageId).filter(message -> message.chatId() == telegramId)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "unknown_message",
                        "user " + telegramId + " has no message #" + messageId, "message"));
        return recorded(OperatorActions.RESEND_MESSAGE, user, sourceIp, () -> outbox.queueCopy(original.id(), key)
                .map(copy -> new Result(true, "message #" + original.id() + " queued again as #" + copy))
                .orElseGet(() -> new Result(false, "message #" + original.id() + " was already queued again by this form")));
    }

    /** Queues the operator's own text for the user, as an operator message, within the usual limits. */
    Result send(long telegramId, String text, String formKey, String sourceIp) {
        BotUser user = existing(telegramId);
        String key = "console:" + checkedFormKey(formKey);
        if (text == null || text.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "empty_message", "the message has no text", "text");
        }
        if (text.length() > MAX_MESSAGE_LENGTH) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "message_too_long", "the message has " + text.length()
                    + " characters; Telegram takes up to " + MAX_MESSAGE_LENGTH, "text");
        }
        return recorded(OperatorActions.SEND_MESSAGE, user, sourceIp, () -> {
            boolean sentBefore = !outbox.queuedUnder(key).isEmpty();
            notifier.fromOperator(user, text.strip(), key);
            if (sentBefore) {
                return new Result(false, "already queued by this form");
            }
            return new Result(true, (user.blocked() ? "recorded, not sent: the user has blocked the bot: " : "queued: ")
                    + abbreviate(text.strip()));
        });
    }

    private Result recorded(String action, BotUser user, String sourceIp, Supplier<Result> work) {
        return transaction.execute(tx -> {
            Result result = work.get();
            log.record(action, OperatorActions.user(user.telegramId()), result.outcome(), sourceIp);
            return result;
        });
    }

    private BotUser existing(long telegramId) {
        return users.findById(telegramId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "unknown_user",
                "no bot user has Telegram ID " + telegramId, "telegramId"));
    }

    private static String checkedFormKey(String formKey) {
        if (formKey == null || !FORM_KEY.matcher(formKey).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_form_key",
                    "the form has no valid key; reload the user page and send it again", "key");
        }
        return formKey;
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 199) + "…";
    }
}
