package org.postbackbridge.postback;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.postbackbridge.events.EventLog;
import org.postbackbridge.events.LoggedEvent;
import org.postbackbridge.postback.PostbackInbox.DepositTotal;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * One user's deposits, counted and summed per currency. Read from the event log, which is indexed
 * by user, rather than from the postbacks, which are not: an index by user there would cost every
 * postback's commit a page (see {@code V5__hot_path_indexes.sql}).
 */
@Component
public class UserDeposits {

    private final EventLog events;
    /** Amounts as exact decimals: up to 23 digits, more than a double holds. */
    private final ObjectReader details;

    UserDeposits(EventLog events, JsonMapper json) {
        this.events = events;
        this.details = json.readerFor(JsonNode.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** Applied and test deposits, first ones included, by currency in alphabetical order. */
    public List<DepositTotal> totals(long telegramId) {
        Map<String, DepositTotal> byCurrency = new TreeMap<>();
        for (LoggedEvent deposit : events.ofType(telegramId, EventType.DEPOSIT.logType())) {
            JsonNode logged = details.readTree(deposit.details());
            JsonNode amount = logged.path("amount");
            BigDecimal value = amount.isNumber() ? amount.decimalValue() : BigDecimal.ZERO;
            String currency = logged.path("currency").asString();
            byCurrency.merge(currency, new DepositTotal(currency, 1, value), DepositTotal::plus);
        }
        return List.copyOf(byCurrency.values());
    }
}
