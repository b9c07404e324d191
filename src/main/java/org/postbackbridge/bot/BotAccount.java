package org.postbackbridge.bot;

import java.util.Optional;
import org.postbackbridge.setup.SetupItem;
import org.postbackbridge.setup.SetupResult;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChat;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.ChatFullInfo;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * What the setup checks ask Telegram about the bot itself: who it is, what it may do in a chat,
 * whether it can reach a chat. Present in dry-run too, where it has nothing to ask.
 */
@Component
class BotAccount {

    private final Optional<TelegramClient> telegram;

    BotAccount(Optional<TelegramClient> telegram) {
        this.telegram = telegram;
    }

    boolean dryRun() {
        return telegram.isEmpty();
    }

    User me() throws TelegramApiException {
        return client().execute(new GetMe());
    }

    /** The bot's membership, and with it its rights, in {@code chatId}. */
    ChatMember rightsIn(String chatId) throws TelegramApiException {
        return client().execute(GetChatMember.builder().chatId(chatId).userId(me().getId()).build());
    }

    ChatFullInfo chat(long chatId) throws TelegramApiException {
        return client().execute(GetChat.builder().chatId(chatId).build());
    }

    /** The bot as operators know it: {@code @name}, or "the bot" when Telegram cannot say. */
    String name() {
        try {
            return "@" + me().getUserName();
        } catch (TelegramApiException | RuntimeException e) {
            return "the bot";
        }
    }

    /** What a check says when it needs a token and there is none. */
    static SetupResult needsToken(SetupItem item, String what) {
        return SetupResult.todo(item, what + " is set, but without TELEGRAM_TOKEN nothing can check it.",
                "Set TELEGRAM_TOKEN.");
    }

    private TelegramClient client() {
        return telegram.orElseThrow(() -> new IllegalStateException("dry-run: no Telegram client"));
    }
}
