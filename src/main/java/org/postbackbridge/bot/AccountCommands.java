package org.postbackbridge.bot;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postbackbridge.attribution.AttributionProperties;
import org.postbackbridge.attribution.PlayerLinks;
import org.postbackbridge.eventlog.DepositTotal;
import org.postbackbridge.eventlog.UserDeposits;
import org.postbackbridge.texts.MessageKind;
import org.postbackbridge.texts.MoneyFormat;
import org.postbackbridge.telegram.TelegramErrors;
import org.postbackbridge.users.BotUser;
import org.postbackbridge.users.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.telegram.telegrambots.meta.api.methods.groupadministration.CreateChatInviteLink;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** What a user asks about their own account: /status, /signals, /notifications. */
@BotComponent
class AccountCommands {

    private static final Logger log = LoggerFactory.getLogger(AccountCommands.class);

    private final UserRepository users;
    private final PlayerLinks links;
    private final UserDeposits deposits;
    private final AttributionProperties attribution;
    private final BotProperties properties;
    private final TelegramClient telegram;
    private final Replies replies;
    /** The default network's currency, for a sum of no deposits. */
    private final String defaultCurrency;

    AccountCommands(UserRepository users, PlayerLinks links, UserDeposits deposits, AttributionProperties attribution,
                    BotProperties properties, TelegramClient telegram, Replies replies,
                    @Value("${postback-bridge.postback.networks.${postback-bridge.attribution.default-network}.default-currency:RUB}")
                    String defaultCurrency) {
        this.users = users;
        this.links = links;
        this.deposits = deposits;
        this.attribution = attribution;
        this.properties = properties;
        this.telegram = telegram;
        this.replies = replies;
        this.defaultCurrency = defaultCurrency;
    }

    void status(Conversation conversation) {
        Optional<String> player = links.playerIdOf(attribution.defaultNetwork(), conversation.userId());
        Optional<BotUser> user = users.findById(conversation.userId());
        if (player.isEmpty() || user.isEmpty()) {
            replies.send(conversation, MessageKind.STATUS_UNLINKED, Map.of());
            return;
        }
        List<DepositTotal> totals = deposits.totals(conversation.userId());
        MessageKind access = user.get().signalsUnlocked() ? MessageKind.ACCESS_OPEN : MessageKind.ACCESS_LOCKED;
        replies.send(conversation, MessageKind.STATUS_LINKED, Map.of(
                "player_id", player.get(),
                "deposits", totals.stream().mapToLong(DepositTotal::count).sum(),
                "deposit_sum", MoneyFormat.totals(totals, conversation.language(), defaultCurrency),
                "access", replies.label(conversation, access)));
    }

    void signals(Conversation conversation) {
        boolean unlocked = users.findById(conversation.userId()).map(BotUser::signalsUnlocked).orElse(false);
        if (!unlocked) {
            replies.send(conversation, MessageKind.SIGNALS_LOCKED, Map.of());
            return;
        }
        if (properties.premiumChannelId().isBlank()) {
            replies.send(conversation, MessageKind.SIGNALS_TEXT, Map.of());
            return;
        }
        try {
            String link = telegram.execute(CreateChatInviteLink.builder()
                    .chatId(properties.premiumChannelId()).memberLimit(1).name("user " + conversation.userId())
                    .build()).getInviteLink();
            replies.send(conversation, MessageKind.SIGNALS_INVITE, Map.of("link", link));
        } catch (TelegramApiException e) {
            log.warn("Cannot create an invite link to {}: {}", properties.premiumChannelId(), TelegramErrors.describe(e));
            replies.send(conversation, MessageKind.SIGNALS_TEXT, Map.of());
        }
    }

    void notifications(Conversation conversation, String argument) {
        boolean off = "off".equalsIgnoreCase(argument);
        if (!off && !"on".equalsIgnoreCase(argument)) {
            replies.send(conversation, MessageKind.HELP_NOTIFICATIONS, Map.of());
            return;
        }
        users.updateNotificationsMuted(conversation.userId(), off);
        replies.send(conversation, off ? MessageKind.NOTIFICATIONS_OFF : MessageKind.NOTIFICATIONS_ON, Map.of());
    }

}
