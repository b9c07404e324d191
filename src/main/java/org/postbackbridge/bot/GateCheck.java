package org.postbackbridge.bot;

import java.util.Set;
import org.postbackbridge.telegram.TelegramErrors;
import org.postbackbridge.setup.SetupCheck;
import org.postbackbridge.setup.SetupItem;
import org.postbackbridge.setup.SetupResult;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Can the soft gate tell who joined {@code REQUIRED_CHANNEL_ID}? Telegram answers that only to an
 * administrator of the channel; otherwise the gate lets everyone through.
 */
@Component
class GateCheck implements SetupCheck {

    private static final Set<String> ADMINISTRATOR = Set.of("creator", "administrator");

    private final BotAccount bot;
    private final BotProperties properties;

    GateCheck(BotAccount bot, BotProperties properties) {
        this.bot = bot;
        this.properties = properties;
    }

    @Override
    public SetupResult check() {
        String channel = properties.requiredChannelId();
        if (!properties.gated()) {
            return SetupResult.ok(SetupItem.GATE,
                    "No gate: REQUIRED_CHANNEL_ID is empty, so users get their link without joining a channel.");
        }
        if (properties.channelUrl() == null) {
            return SetupResult.problem(SetupItem.GATE,
                    "The channel " + channel + " is private, so its button has no link to open.",
                    "Set REQUIRED_CHANNEL_URL to an invite link of the channel (https://t.me/+…).");
        }
        if (bot.dryRun()) {
            return BotAccount.needsToken(SetupItem.GATE, "REQUIRED_CHANNEL_ID (" + channel + ")");
        }
        try {
            ChatMember member = bot.rightsIn(channel);
            if (member == null) {
                return SetupResult.problem(SetupItem.GATE,
                        "Telegram did not say whether " + bot.name() + " is a member of " + channel + ".",
                        "Check that REQUIRED_CHANNEL_ID is the channel's ID and that " + bot.name() + " is its administrator.");
            }
            if (ADMINISTRATOR.contains(member.getStatus())) {
                return SetupResult.ok(SetupItem.GATE, bot.name() + " administers " + channel
                        + ", so it can tell who joined.");
            }
            return SetupResult.problem(SetupItem.GATE,
                    bot.name() + " is not an administrator of " + channel + " (it is " + member.getStatus()
                            + "): Telegram does not tell it who joined, so everyone is let through.",
                    "Add " + bot.name() + " to " + channel + " as an administrator; no special rights are needed.");
        } catch (TelegramApiException e) {
            return SetupResult.problem(SetupItem.GATE,
                    "Telegram cannot check " + channel + " (" + TelegramErrors.describe(e) + "), so everyone is let through.",
                    "Check REQUIRED_CHANNEL_ID (@name of a public channel, -100… of a private one) and add "
                            + bot.name() + " to the channel as an administrator.");
        }
    }
}
