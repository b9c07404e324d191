package org.postbackbridge.bot;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.postbackbridge.attribution.Attribution;
import org.postbackbridge.attribution.AttributionProperties;
import org.postbackbridge.eventlog.EventLog;
import org.postbackbridge.eventlog.LoggedEvent;
import org.postbackbridge.platform.Money;
import org.postbackbridge.texts.MessageKind;
import org.postbackbridge.texts.MoneyFormat;
import org.postbackbridge.texts.NotifyProperties;
import org.postbackbridge.users.BotUser;
import org.postbackbridge.users.Stats;
import org.postbackbridge.users.UserRepository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The operators' side of the bot: /stats and /player for the chats in {@code ADMIN_CHAT_IDS}. */
@BotComponent
class OperatorCommands {

    private static final int EVENTS_SHOWN = 10;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Map<String, MessageKind> EVENT_LABELS = Map.of(
            "casino_registration", MessageKind.EVENT_REGISTRATION,
            "casino_deposit", MessageKind.EVENT_DEPOSIT,
            "casino_withdrawal", MessageKind.EVENT_WITHDRAWAL,
            "casino_win", MessageKind.EVENT_WIN);

    private final NotifyProperties notify;
    private final UserRepository users;
    private final EventLog events;
    private final AttributionProperties attribution;
    private final Attribution players;
    private final Replies replies;
    private final JsonMapper json;

    OperatorCommands(NotifyProperties notify, UserRepository users, EventLog events,
                     AttributionProperties attribution, Attribution players, Replies replies, JsonMapper json) {
        this.notify = notify;
        this.users = users;
        this.events = events;
        this.attribution = attribution;
        this.players = players;
        this.replies = replies;
        this.json = json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    }

    boolean isOperator(Conversation conversation) {
        return notify.adminChatIds().contains(conversation.chatId());
    }

    void stats(Conversation conversation) {
        Stats stats = users.getStats();
        long registrations = events.countOfType("casino_registration");
        String conversion = registrations == 0 ? "—"
                : MoneyFormat.percent((double) stats.depositedUsers() / registrations, conversation.language());
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
        Optional<BotUser> user = players.linkedUser(attribution.defaultNetwork(), playerId);
        if (user.isEmpty()) {
            replies.send(conversation, MessageKind.OPERATOR_PLAYER_UNKNOWN, Map.of("player_id", playerId));
            return;
        }
        String latest = events.forUser(user.get().telegramId(), EVENTS_SHOWN).stream()
                .map(event -> line(event, conversation.language()))
                .collect(Collectors.joining("\n"));
        replies.send(conversation, MessageKind.OPERATOR_PLAYER, Map.of(
                "player_id", playerId,
                "user", user.get().displayName(),
                "telegram_id", user.get().telegramId(),
                "events", latest.isEmpty() ? "—" : latest));
    }

    /**
     * "2026-01-30 17:05 UTC: Deposit 1 000 ₽": one event as an operator reads it. ASCII separators only:
     * values are HTML-escaped, and Telegram knows few named entities.
     */
    private String line(LoggedEvent event, String language) {
        JsonNode details = json.readTree(event.details());
        MessageKind label = EVENT_LABELS.get(event.type());
        StringBuilder line = new StringBuilder(TIME.format(event.createdAt())).append(": ")
                .append(label == null ? event.type() : replies.label(language, label));
        if (details.path("amount").isNumber() && !details.path("currency").isNull()) {
            line.append(' ').append(MoneyFormat.format(new Money(details.path("amount").decimalValue(),
                    details.path("currency").asString()), language));
        }
        if (event.testPostbackId() != null) {
            line.append(", ").append(replies.label(language, MessageKind.TEST_MARKER));
        }
        return line.toString();
    }
}
