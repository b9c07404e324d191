package org.postbackbridge.bot;

import java.util.ArrayList;
import java.util.List;
import org.postbackbridge.texts.NotifyProperties;
import org.postbackbridge.telegram.TelegramErrors;
import org.postbackbridge.setup.SetupCheck;
import org.postbackbridge.setup.SetupItem;
import org.postbackbridge.setup.SetupResult;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.chat.ChatFullInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Can the bot write to each of {@code ADMIN_CHAT_IDS} ({@code getChat})? A person must have started
 * the bot, and a group must have it as a member; otherwise the operator's messages die unseen.
 */
@Component
class OperatorChatsCheck implements SetupCheck {

    private final BotAccount bot;
    private final NotifyProperties properties;

    OperatorChatsCheck(BotAccount bot, NotifyProperties properties) {
        this.bot = bot;
        this.properties = properties;
    }

    @Override
    public SetupResult check() {
        List<Long> chats = properties.adminChatIds();
        if (chats.isEmpty()) {
            return SetupResult.todo(SetupItem.OPERATOR_CHATS,
                    "ADMIN_CHAT_IDS is empty: nobody is told of registrations, deposits or alerts.",
                    "Send /start to your bot, find your Telegram ID on the console's Users page and put it in "
                            + "ADMIN_CHAT_IDS (several: comma-separated; a group's ID starts with -100).");
        }
        if (bot.dryRun()) {
            return BotAccount.needsToken(SetupItem.OPERATOR_CHATS, "ADMIN_CHAT_IDS");
        }
        List<String> reachable = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (long chatId : chats) {
            try {
                reachable.add(title(bot.chat(chatId)) + " (" + chatId + ")");
            } catch (TelegramApiException e) {
                unreachable.add(chatId + " (" + TelegramErrors.describe(e) + ")");
            }
        }
        if (unreachable.isEmpty()) {
            return SetupResult.ok(SetupItem.OPERATOR_CHATS, "Reachable: " + String.join(", ", reachable) + ".");
        }
        return SetupResult.problem(SetupItem.OPERATOR_CHATS,
                "Telegram cannot reach " + String.join(", ", unreachable) + ".",
                "Each operator opens " + bot.name() + " and presses Start (a group adds " + bot.name()
                        + " as a member); check the IDs in ADMIN_CHAT_IDS.");
    }

    private static String title(ChatFullInfo chat) {
        if (chat.getTitle() != null) {
            return chat.getTitle();
        }
        return chat.getUserName() != null ? "@" + chat.getUserName() : String.valueOf(chat.getFirstName());
    }
}
