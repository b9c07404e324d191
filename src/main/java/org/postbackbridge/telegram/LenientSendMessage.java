package org.postbackbridge.telegram;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * {@code sendMessage}, sent exactly as TelegramBots sends it, with its answer read leniently: an
 * answer saying {@code "ok": true} means Telegram took the message, even when the client cannot read
 * the message Telegram sent back (a newer Bot API field of a shape it does not know). Counted as a
 * failure, such a message would be sent again, and the user would get it twice.
 */
public final class LenientSendMessage extends BotApiMethod<LenientSendMessage.Answer> {

    /** Telegram took the message: its ID, or, when the answer could not be read, null and why not. */
    public record Answer(Integer messageId, String unreadable) implements Serializable {
    }

    private final SendMessage request;

    public LenientSendMessage(SendMessage request) {
        this.request = request;
    }

    /** What goes over the wire: the plain sendMessage. */
    @JsonValue
    SendMessage request() {
        return request;
    }

    @Override
    public String getMethod() {
        return request.getMethod();
    }

    @Override
    public void validate() throws TelegramApiValidationException {
        request.validate();
    }

    @Override
    public Answer deserializeResponse(String answer) throws TelegramApiRequestException {
        try {
            return new Answer(request.deserializeResponse(answer).getMessageId(), null);
        } catch (TelegramApiRequestException unread) {
            if (unread.getApiResponse() == null && saysOk(answer)) {
                Throwable cause = unread.getCause();
                return new Answer(null, unread.getMessage() + (cause == null ? "" : ": " + cause.getMessage()));
            }
            throw unread;
        }
    }

    private static boolean saysOk(String answer) {
        try {
            return OBJECT_MAPPER.readTree(answer).path("ok").asBoolean(false);
        } catch (Exception notJson) {
            return false;
        }
    }
}
