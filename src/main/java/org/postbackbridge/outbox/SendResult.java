package org.postbackbridge.outbox;

import java.time.Duration;

/** What became of one attempt to send an outbox message, as the dispatcher needs to know it. */
public sealed interface SendResult {

    /** Telegram took it. */
    record Sent(long telegramMessageId) implements SendResult {
    }

    /**
     * Telegram answered {@code ok: true} but its answer could not be read: sent, so never sent again;
     * {@code warning} is kept with the message.
     */
    record SentUnread(String warning) implements SendResult {
    }

    /** Dry-run: rendered and logged, not sent. */
    record Recorded() implements SendResult {
    }

    /** 429: the whole bot must wait. */
    record RetryAfter(Duration delay) implements SendResult {
    }

    /** 403: the user blocked the bot or is gone; nothing more goes to this chat. */
    record Blocked(String error) implements SendResult {
    }

    /** 400 "can't parse entities": the HTML is broken; the text can still go as plain text. */
    record BadMarkup(String error) implements SendResult {
    }

    /** 400 with {@code migrate_to_chat_id}: a group became a supergroup with a new ID. */
    record ChatMigrated(long newChatId) implements SendResult {
    }

    /** Telegram refused this message for good (chat not found, message invalid): no retry helps. */
    record Rejected(int code, String error) implements SendResult {
    }

    /**
     * 401 or 404: the bot token or the Bot API URL is wrong (revoked in BotFather, mistyped). The
     * operator's mistake, not the message's: every message would meet it.
     */
    record CredentialsRefused(int code, String error) implements SendResult {
    }

    /** 5xx, timeout, connection error: may work later. */
    record Failed(Integer code, String error) implements SendResult {
    }
}
