package org.postbackbridge.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postbackbridge.eventlog.DepositTotal;
import org.postbackbridge.outbox.Notifier;
import org.postbackbridge.texts.MessageKind;
import org.postbackbridge.texts.MoneyFormat;
import org.postbackbridge.users.BotUser;
import org.springframework.stereotype.Component;

/**
 * The values a postback's messages are filled with: amounts in the user's language for the user,
 * in the operators' for them, the network by its display name.
 */
@Component
class MessageValues {

    private final PostbackProperties properties;
    private final Notifier notifier;

    MessageValues(PostbackProperties properties, Notifier notifier) {
        this.properties = properties;
        this.notifier = notifier;
    }

    Map<String, Object> forUser(BotUser user, PostbackEvent event) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("network", displayName(event.network()));
        values.put("player_id", event.playerId());
        if (event.money() != null) {
            values.put("amount", MoneyFormat.format(event.money(), user.language()));
        }
        return values;
    }

    Map<String, Object> forOperators(BotUser user, PostbackEvent event) {
        Map<String, Object> values = forUser(user, event);
        if (event.money() != null) {
            values.put("amount", MoneyFormat.format(event.money(), null));
        }
        values.put("user", user.displayName());
        values.put("telegram_id", user.telegramId());
        return values;
    }

    /** "Linked, N deposits found, access open", for the user. */
    Map<String, Object> linkSummaryForUser(BotUser user, String network, String playerId, List<DepositTotal> totals) {
        return linkSummary(user.language(), user, network, playerId, totals);
    }

    /** The same summary for the operators, naming the user. */
    Map<String, Object> linkSummaryForOperators(BotUser user, String network, String playerId,
                                                List<DepositTotal> totals) {
        Map<String, Object> values = linkSummary(null, user, network, playerId, totals);
        values.put("user", user.displayName());
        values.put("telegram_id", user.telegramId());
        return values;
    }

    private Map<String, Object> linkSummary(String language, BotUser user, String network, String playerId,
                                            List<DepositTotal> totals) {
        MessageKind access = user.signalsUnlocked() ? MessageKind.ACCESS_OPEN : MessageKind.ACCESS_LOCKED;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("network", displayName(network));
        values.put("player_id", playerId);
        values.put("deposits", totals.stream().mapToLong(DepositTotal::count).sum());
        values.put("deposit_sum", MoneyFormat.totals(totals, language, defaultCurrency(network)));
        values.put("access", notifier.text(access, language, Map.of()));
        return values;
    }

    private String defaultCurrency(String network) {
        NetworkProfile profile = properties.networks().get(network);
        return profile == null ? "RUB" : profile.defaultCurrency();
    }

    private String displayName(String network) {
        NetworkProfile profile = properties.networks().get(network);
        return profile == null || profile.displayName().isBlank() ? network : profile.displayName();
    }
}
