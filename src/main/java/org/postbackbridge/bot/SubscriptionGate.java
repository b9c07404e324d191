package org.postbackbridge.bot;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.postbackbridge.texts.MessageKind;
import org.postbackbridge.outbox.Notifier;
import org.postbackbridge.telegram.TelegramErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberRestricted;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The soft gate: is the user subscribed to {@code REQUIRED_CHANNEL_ID}? Telegram answers only if the
 * bot administers that channel. When it cannot answer, the gate lets everyone through and tells the
 * operators (once a day): a broken gate must not lock every user out.
 */
@BotComponent
class SubscriptionGate {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionGate.class);
    private static final Set<String> SUBSCRIBED = Set.of("creator", "administrator", "member");

    private final TelegramClient telegram;
    private final BotProperties properties;
    private final Notifier notifier;
    private final Clock clock;

    SubscriptionGate(TelegramClient telegram, BotProperties properties, Notifier notifier, Clock clock) {
        this.telegram = telegram;
        this.properties = properties;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** True when there is no gate, the user is subscribed, or the gate cannot tell. */
    boolean letsThrough(long userId) {
        if (!properties.gated()) {
            return true;
        }
        try {
            ChatMember member = telegram.execute(GetChatMember.builder()
                    .chatId(properties.requiredChannelId()).userId(userId).build());
            return SUBSCRIBED.contains(member.getStatus())
                    || member instanceof ChatMemberRestricted restricted && Boolean.TRUE.equals(restricted.getIsMember());
        } catch (TelegramApiException e) {
            String error = TelegramErrors.describe(e);
            log.warn("Cannot check membership of {} ({}); letting the user through", properties.requiredChannelId(), error);
            notifier.toOperators(MessageKind.OPERATOR_GATE_BROKEN,
                    Map.of("channel", properties.requiredChannelId(), "error", error),
                    "gate-broken:" + properties.requiredChannelId() + ":" + LocalDate.now(clock));
            return true;
        }
    }
}
