package org.postbackbridge.telegram;

import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** What went wrong with a Bot API call, in words fit for a log line or an operator's message. */
public final class TelegramErrors {

    private TelegramErrors() {
    }

    /**
     * Telegram's own answer ("400 Bad Request: chat not found") when it gave one; otherwise the
     * client's words and their cause (a timeout, a refused connection). Never the URL, which holds the token.
     */
    public static String describe(TelegramApiException e) {
        if (e instanceof TelegramApiRequestException request && request.getApiResponse() != null) {
            return request.getErrorCode() + " " + request.getApiResponse();
        }
        Throwable cause = e.getCause();
        return cause == null ? e.getMessage() : e.getMessage() + ": " + cause;
    }
}
