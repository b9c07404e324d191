package org.postbackbridge.bot;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.postbackbridge.attribution.AttributionProperties;
import org.postbackbridge.events.EventLog;
import org.postbackbridge.notify.MessageKind;
import org.postbackbridge.notify.NotifyProperties;
import org.postbackbridge.users.BotUser;
import org.postbackbridge.users.Stats;
import org.postbackbridge.users.UserRepository;

/** The seed's "notifications bot" side: /stats and /player for the chats in {@code ADMIN_CHAT_IDS}. */
@BotComponent
class OperatorCommands {

    private static final int EVENTS_SHOWN = 10;

    private final NotifyProperties notify;
    private final UserRepository users;
    private final EventLog events;
    private final AttributionProperties attribution;
    private final Replies replies;

    OperatorCommands(NotifyProperties notify, UserRepository users, EventLog events,
                     AttributionProperties attribution, Replies replies) {
        this.notify = notify;
        this.users = users;
        this.events = events;
        this.attribution = attribution;
        this.replies = replies;
    }

    boolean isOperator(Conversation conversation) {
        return notify.adminChatIds().contains(conversation.chatId());
    }

    void stats(Conversation conversation) {
        Stats stats = users.getStats();
        long registrations = events.countOfType("casino_registration");
        String conversion = registrations == 0 ? "—"
                : String.format(Locale.ROOT, "%.1f%%", 100.0 * stats.depositedUsers() / registrations);
        replies.send(conversation, MessageKind.OPERATOR_STATS, Map.of(
                "total_users", stats.totalUsers(),
                "subscribed_users", stats.subscribedUsers(),
                "signals_unlocked_users", stats.signalsUnlockedUsers(),
                "deposited_users", stats.depositedUsers(),
                "registrations", registrations,
                "deposits", events.countOfType("casino_deposit"),
                "conversion", conversion));
    }

    void player(Conversation conversation, String playerId) {
        Optional<BotUser> user = users.findByPlayer(attribution.defaultNetwork(), playerId);
        if (user.isEmpty()) {
            replies.send(conversation, MessageKind.OPERATOR_PLAYER_UNKNOWN, Map.of("player_id", playerId));
            return;
        }
        String latest = events.forUser(user.get().telegramId(), EVENTS_SHOWN).stream()
                .map(event -> event.createdAt() + " " + event.type() + " " + event.details())
                .collect(Collectors.joining("\n"));
        replies.send(conversation, MessageKind.OPERATOR_PLAYER, Map.of(
                "player_id", playerId,
                "user", user.get().displayName(),
                "telegram_id", user.get().telegramId(),
                "events", latest.isEmpty() ? "—" : latest));
    }
}
