package org.postbackbridge.bot;

import java.util.Map;
import java.util.regex.Pattern;
import org.postbackbridge.texts.MessageKind;
import org.postbackbridge.users.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.util.LongPollingSingleThreadUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Every update from Telegram, by long polling or webhook, goes to the command it asks for. Commands
 * call Telegram (membership, invite links) outside any database transaction: on SQLite a transaction
 * holds the write lock, and postbacks must not wait for Telegram.
 */
@BotComponent
public class UpdateRouter implements LongPollingSingleThreadUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(UpdateRouter.class);
    private static final Pattern PLAYER_ID = Pattern.compile("\\d{3,20}");

    private final StartCommand start;
    private final ClaimCommand claims;
    private final AccountCommands account;
    private final OperatorCommands operator;
    private final UserRepository users;
    private final Replies replies;
    private final TelegramClient telegram;
    private final UpdateBudget budget;

    UpdateRouter(StartCommand start, ClaimCommand claims, AccountCommands account, OperatorCommands operator,
                 UserRepository users, Replies replies, TelegramClient telegram, UpdateBudget budget) {
        this.start = start;
        this.claims = claims;
        this.account = account;
        this.operator = operator;
        this.users = users;
        this.replies = replies;
        this.telegram = telegram;
        this.budget = budget;
    }

    @Override
    public void consume(Update update) {
        try {
            route(update);
        } catch (RuntimeException e) {
            log.warn("Update {} could not be handled: {}", update.getUpdateId(), e.toString());
        }
    }

    private void route(Update update) {
        if (update.hasMyChatMember()) {
            blockedOrBack(update.getMyChatMember());
        } else if (update.hasCallbackQuery()) {
            if (budget.allows(update.getCallbackQuery().getFrom().getId())) {
                button(update.getUpdateId(), update.getCallbackQuery());
            }
        } else if (update.hasMessage() && update.getMessage().hasText() && update.getMessage().getFrom() != null) {
            if (budget.allows(update.getMessage().getFrom().getId())) {
                message(update.getUpdateId(), update.getMessage());
            }
        }
    }

    /** The user blocked the bot (kicked) or came back (member): known at once, not at the next failed send. */
    private void blockedOrBack(ChatMemberUpdated change) {
        if (change.getChat().getId() > 0) {
            String status = change.getNewChatMember().getStatus();
            users.updateBlocked(change.getFrom().getId(), "kicked".equals(status));
        }
    }

    private void button(long updateId, CallbackQuery query) {
        answer(query);
        if (query.getMessage() == null || query.getData() == null) {
            return;
        }
        Conversation conversation = conversation(updateId, query.getMessage().getChatId(), query.getFrom(), query.getData());
        if (StartCommand.RECHECK_SUBSCRIPTION.equals(query.getData())) {
            start.recheck(conversation);
        } else if (query.getData().startsWith("claim:") && operator.isOperator(conversation)) {
            claims.decide(conversation, query.getFrom().getUserName(), query.getData());
        }
    }

    private void message(long updateId, Message message) {
        String text = message.getText().strip();
        Conversation conversation = conversation(updateId, message.getChatId(), message.getFrom(), text);
        String[] words = text.split("\\s+", 2);
        String command = words[0].replaceFirst("@.*$", "").toLowerCase();
        String argument = words.length > 1 ? words[1].strip() : "";
        switch (command) {
            case "/start" -> start.start(conversation, message.getFrom().getUserName(), message.getFrom().getFirstName(), argument);
            case "/id" -> {
                if (PLAYER_ID.matcher(argument).matches()) {
                    claims.claim(conversation, argument);
                } else {
                    replies.send(conversation, MessageKind.HELP_ID, Map.of());
                }
            }
            case "/status" -> account.status(conversation);
            case "/signals" -> account.signals(conversation);
            case "/notifications" -> account.notifications(conversation, argument);
            case "/stats" -> operatorOnly(conversation, () -> operator.stats(conversation));
            case "/player" -> operatorOnly(conversation, () -> operator.player(conversation, argument));
            default -> {
                if (PLAYER_ID.matcher(text).matches()) {
                    claims.claim(conversation, text);
                } else {
                    replies.send(conversation, MessageKind.HELP, Map.of());
                }
            }
        }
    }

    private void operatorOnly(Conversation conversation, Runnable command) {
        if (operator.isOperator(conversation)) {
            command.run();
        } else {
            replies.send(conversation, MessageKind.HELP, Map.of());
        }
    }

    private void answer(CallbackQuery query) {
        try {
            telegram.execute(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).build());
        } catch (TelegramApiException e) {
            log.debug("Could not answer callback query: {}", e.getMessage());
        }
    }

    private static Conversation conversation(long updateId, long chatId, User from, String text) {
        return new Conversation(updateId, chatId, from.getId(), from.getLanguageCode(), text);
    }
}
