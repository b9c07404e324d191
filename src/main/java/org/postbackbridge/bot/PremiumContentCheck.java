package org.postbackbridge.bot;

import java.util.Map;
import org.postbackbridge.texts.MessageKind;
import org.postbackbridge.texts.MessageTemplates;
import org.postbackbridge.telegram.TelegramErrors;
import org.postbackbridge.setup.SetupCheck;
import org.postbackbridge.setup.SetupItem;
import org.postbackbridge.setup.SetupResult;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberAdministrator;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * What /signals gives a user whose access opened: one-time invites to {@code PREMIUM_CHANNEL_ID},
 * which the bot may create only as an administrator allowed to invite, or the operator's own text.
 */
@Component
class PremiumContentCheck implements SetupCheck {

    private final BotAccount bot;
    private final BotProperties properties;
    private final MessageTemplates templates;

    PremiumContentCheck(BotAccount bot, BotProperties properties, MessageTemplates templates) {
        this.bot = bot;
        this.properties = properties;
        this.templates = templates;
    }

    @Override
    public SetupResult check() {
        String channel = properties.premiumChannelId();
        if (channel.isBlank()) {
            if (templates.customized(MessageKind.SIGNALS_TEXT)) {
                return SetupResult.ok(SetupItem.PREMIUM_CONTENT, "/signals shows your signals_text to unlocked users.");
            }
            return SetupResult.todo(SetupItem.PREMIUM_CONTENT,
                    "Nothing is set: users whose access opens read \""
                            + templates.render(MessageKind.SIGNALS_TEXT, null, Map.of()) + "\"",
                    "Set PREMIUM_CHANNEL_ID to the channel unlocked users may join (the bot must be an administrator "
                            + "allowed to invite users), or put your own signals_text.ru and signals_text.en in MESSAGES_FILE.");
        }
        if (bot.dryRun()) {
            return BotAccount.needsToken(SetupItem.PREMIUM_CONTENT, "PREMIUM_CHANNEL_ID (" + channel + ")");
        }
        try {
            ChatMember member = bot.rightsIn(channel);
            boolean mayInvite = "creator".equals(member.getStatus())
                    || member instanceof ChatMemberAdministrator admin && Boolean.TRUE.equals(admin.getCanInviteUsers());
            if (mayInvite) {
                return SetupResult.ok(SetupItem.PREMIUM_CONTENT,
                        "/signals hands unlocked users a one-time invite to " + channel + ".");
            }
            return SetupResult.problem(SetupItem.PREMIUM_CONTENT,
                    bot.name() + " may not create invite links to " + channel + " (it is " + member.getStatus() + ").",
                    "Make " + bot.name() + " an administrator of " + channel + " with the right to invite users.");
        } catch (TelegramApiException e) {
            return SetupResult.problem(SetupItem.PREMIUM_CONTENT,
                    "Telegram cannot check " + channel + " (" + TelegramErrors.describe(e) + ").",
                    "Check PREMIUM_CHANNEL_ID (-100… for a private channel) and make " + bot.name()
                            + " an administrator of it with the right to invite users.");
        }
    }
}
