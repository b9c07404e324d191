package org.postbackbridge.bot;

import org.postbackbridge.outbox.DeliveryMode;
import org.postbackbridge.telegram.TelegramErrors;
import org.postbackbridge.telegram.TelegramProperties;
import org.postbackbridge.setup.SetupCheck;
import org.postbackbridge.setup.SetupItem;
import org.postbackbridge.setup.SetupResult;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Is {@code TELEGRAM_TOKEN} a bot Telegram knows ({@code getMe})? A refused token does not stop the
 * service: postbacks need no Telegram, and messages wait in the outbox until the token is fixed.
 */
@Component
class TokenCheck implements SetupCheck {

    private final BotAccount bot;
    private final TelegramProperties telegram;
    private final DeliveryMode mode;

    TokenCheck(BotAccount bot, TelegramProperties telegram, DeliveryMode mode) {
        this.bot = bot;
        this.telegram = telegram;
        this.mode = mode;
    }

    @Override
    public SetupResult check() {
        if (mode.headless()) {
            return SetupResult.ok(SetupItem.BOT, "Headless: TELEGRAM_TOKEN is not set and your own bot takes the events "
                    + "(webhooks, the events feed and the users API); this service sends no Telegram messages.");
        }
        if (bot.dryRun()) {
            return SetupResult.todo(SetupItem.BOT,
                    "Dry-run: TELEGRAM_TOKEN is not set, so messages are recorded in the outbox but not sent, "
                            + "and no bot answers users.",
                    "Create a bot with @BotFather (/newbot), put its token in TELEGRAM_TOKEN and restart.");
        }
        try {
            User me = bot.me();
            return SetupResult.ok(SetupItem.BOT, "Connected as @" + me.getUserName() + ".");
        } catch (TelegramApiException e) {
            return refused(e)
                    ? SetupResult.problem(SetupItem.BOT,
                            "Telegram refused TELEGRAM_TOKEN (" + TelegramErrors.describe(e) + "). Postbacks are still "
                                    + "received; messages wait in the outbox.",
                            "Copy the token again from @BotFather (/mybots → your bot → API Token) into "
                                    + "TELEGRAM_TOKEN and restart" + (customApi() ? ", and check TELEGRAM_API_URL ("
                                    + telegram.apiUrl() + ")." : "."))
                    : SetupResult.problem(SetupItem.BOT,
                            "Telegram cannot be reached (" + TelegramErrors.describe(e) + "). Postbacks are still "
                                    + "received; messages wait in the outbox.",
                            "Check that this machine reaches " + telegram.apiUrl()
                                    + " (firewall, DNS, TELEGRAM_API_URL).");
        }
    }

    /** 401 is a token Telegram does not know; 404 a token it cannot even parse. */
    private static boolean refused(TelegramApiException e) {
        return e instanceof TelegramApiRequestException request
                && (request.getErrorCode() == 401 || request.getErrorCode() == 404);
    }

    private boolean customApi() {
        return !"api.telegram.org".equals(telegram.apiUrl().getHost());
    }
}
