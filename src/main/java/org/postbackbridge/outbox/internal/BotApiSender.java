package org.postbackbridge.outbox.internal;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import tools.jackson.databind.json.JsonMapper;
import org.postbackbridge.telegram.LenientSendMessage;
import org.postbackbridge.telegram.Keyboard;
import org.postbackbridge.outbox.OutboxMessage;
import org.postbackbridge.outbox.SendResult;
import org.postbackbridge.telegram.TelegramErrors;

/** Sends through the Bot API's {@code sendMessage} and sorts Telegram's answer into a {@link SendResult}. */
class BotApiSender implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger(BotApiSender.class);

    private final TelegramClient telegram;
    private final JsonMapper json;

    BotApiSender(TelegramClient telegram, JsonMapper json) {
        this.telegram = telegram;
        this.json = json;
    }

    /** Asks Telegram who the bot is: checks the token and opens the connection before real traffic. */
    @Override
    public void warmUp() {
        try {
            User bot = telegram.execute(new GetMe());
            log.info("Telegram bot @{} is ready to send", bot.getUserName());
        } catch (TelegramApiException e) {
            log.warn("Telegram did not answer getMe ({}); messages wait in the outbox until it does",
                    TelegramErrors.describe(e));
        }
    }

    @Override
    public SendResult send(OutboxMessage message) {
        SendMessage request = SendMessage.builder()
                .chatId(message.chatId())
                .text(message.text())
                .parseMode(message.plainText() ? null : ParseMode.HTML)
                .replyMarkup(keyboard(message.buttons()))
                .build();
        try {
            LenientSendMessage.Answer answer = telegram.execute(new LenientSendMessage(request));
            if (answer.messageId() == null) {
                log.warn("Telegram took message {} to chat {} but its answer could not be read ({}); counted as sent",
                        message.id(), message.chatId(), answer.unreadable());
                return new SendResult.SentUnread(answer.unreadable());
            }
            return new SendResult.Sent(answer.messageId());
        } catch (TelegramApiRequestException e) {
            return classify(e);
        } catch (TelegramApiException e) {
            return new SendResult.Failed(null, TelegramErrors.describe(e));
        }
    }

    private static SendResult classify(TelegramApiRequestException e) {
        Integer code = e.getErrorCode();
        String description = TelegramErrors.describe(e);
        ResponseParameters parameters = e.getParameters();
        if (code == null || code == 0) {
            return new SendResult.Failed(null, description);
        }
        if (code == 429) {
            int seconds = parameters != null && parameters.getRetryAfter() != null ? parameters.getRetryAfter() : 1;
            return new SendResult.RetryAfter(Duration.ofSeconds(seconds));
        }
        if (parameters != null && parameters.getMigrateToChatId() != null) {
            return new SendResult.ChatMigrated(parameters.getMigrateToChatId());
        }
        if (code == 403) {
            return new SendResult.Blocked(description);
        }
        if (code == 400 && description.contains("can't parse entities")) {
            return new SendResult.BadMarkup(description);
        }
        if (code == 401 || code == 404) {
            return new SendResult.CredentialsRefused(code, description);
        }
        if (code >= 500) {
            return new SendResult.Failed(code, description);
        }
        return new SendResult.Rejected(code, description);
    }

    private InlineKeyboardMarkup keyboard(String buttons) {
        if (buttons == null) {
            return null;
        }
        Keyboard keyboard = json.readValue(buttons, Keyboard.class);
        List<InlineKeyboardRow> rows = keyboard.rows().stream()
                .map(row -> new InlineKeyboardRow(row.stream().map(BotApiSender::button).toList()))
                .toList();
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    private static InlineKeyboardButton button(Keyboard.Button button) {
        return InlineKeyboardButton.builder()
                .text(button.text()).url(button.url()).callbackData(button.callbackData())
                .build();
    }
}
