package org.postbackbridge.eventlog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * One user's deposits, counted and summed per currency, from the event log. The log is indexed by
 * user; the postbacks are not, since such an index would cost every postback's commit a page
 * (see {@code V5__hot_path_indexes.sql}).
 */
@Component
public class UserDeposits {

    /** The event a first or repeat deposit is logged as. */
    public static final String EVENT_TYPE = "casino_deposit";

    private final EventLog events;
    /** Amounts as exact decimals: up to 23 digits, more than a double holds. */
    private final ObjectReader details;

    UserDeposits(EventLog events, JsonMapper json) {
        this.events = events;
        this.details = json.readerFor(JsonNode.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** Real deposits (tests left out), first ones included, by currency in alphabetical order. */
    public List<DepositTotal> totals(long telegramId) {
        Map<String, DepositTotal> byCurrency = new TreeMap<>();
        for (LoggedEvent deposit : events.ofType(telegramId, EVENT_TYPE)) {
            JsonNode logged = details.readTree(deposit.details());
            JsonNode amount = logged.path("amount");
            String currency = logged.path("currency").asString();
            byCurrency.merge(currency, new DepositTotal(currency, 1, amount.isNumber() ? amount.decimalValue() : BigDecimal.ZERO),
                    DepositTotal::plus);
        }
        return List.copyOf(byCurrency.values());
    }
}
