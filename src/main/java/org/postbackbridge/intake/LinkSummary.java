package org.postbackbridge.intake;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.postbackbridge.eventlog.DepositTotal;
import org.postbackbridge.outbox.Notifier;
import org.postbackbridge.texts.MessageKind;
import org.postbackbridge.users.BotUser;
import org.springframework.stereotype.Component;

/** "Linked, N deposits found, access open": told once per link, to the user and the operators, instead of a message per late postback. */
@Component
class LinkSummary {

    private final Notifier notifier;
    private final MessageValues values;

    LinkSummary(Notifier notifier, MessageValues values) {
        this.notifier = notifier;
        this.values = values;
    }

    void tell(BotUser user, String network, String playerId, List<StoredPostback> applied) {
        Map<String, DepositTotal> deposits = new TreeMap<>();
        applied.stream().map(StoredPostback::event).filter(event -> event.type().isDeposit() && event.money() != null)
                .forEach(event -> deposits.merge(event.money().currency(),
                        new DepositTotal(event.money().currency(), 1, event.money().amount()),
                        DepositTotal::plus));
        List<DepositTotal> totals = List.copyOf(deposits.values());
        boolean test = applied.stream().anyMatch(postback -> postback.event().test());
        String key = "link:" + network + ":" + playerId + ":" + user.telegramId();
        notifier.toUser(user, MessageKind.LINK_SUMMARY, values.linkSummaryForUser(user, network, playerId, totals),
                key, test);
        notifier.toOperators(MessageKind.OPERATOR_LINK_SUMMARY,
                values.linkSummaryForOperators(user, network, playerId, totals), key, test);
    }
}
