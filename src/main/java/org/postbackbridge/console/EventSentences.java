package org.postbackbridge.console;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event of the log as a sentence in the operator's language ("Deposit of 1 500 ₽ by player
 * P1 on 1win"), from its type and its JSON details. A type without a sentence of its own is shown
 * with its details as they are.
 */
@Component("eventSentences")
public class EventSentences {

    private final MessageSource messages;
    private final PageFormat format;
    private final ObjectReader details;

    EventSentences(MessageSource messages, PageFormat format, JsonMapper json) {
        this.messages = messages;
        this.format = format;
        this.details = json.readerFor(JsonNode.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    public String of(String type, String json) {
        JsonNode detail;
        try {
            detail = details.readTree(json);
        } catch (JacksonException e) {
            return type + ": " + json;
        }
        String network = detail.path("network").asString("");
        String player = detail.path("casino_id").asString(detail.path("player_id").asString(""));
        JsonNode amount = detail.path("amount");
        String money = amount.isNumber() ? format.money(amount.decimalValue(), detail.path("currency").asString("")) : "";
        String key = switch (type) {
            case "casino_deposit" -> detail.path("first").asBoolean(false) ? "event.first_deposit" : "event.deposit";
            case "casino_registration", "casino_withdrawal", "casino_win", "player_linked" -> "event." + type;
            default -> null;
        };
        if (key == null) {
            return type + ": " + json;
        }
        return messages.getMessage(key, new Object[] {network, player, money}, LocaleContextHolder.getLocale());
    }
}
