package org.postbackbridge.console;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event of the log as a sentence in the page's language ("Player 777 deposited 50 $ via 1win"),
 * from its type and details. An event of a type without a sentence, or with details that do
 * not read, is shown as it is stored. Pages call it as {@code @eventSentences}.
 */
@Component("eventSentences")
public class EventSentences {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final MessageSource messages;
    private final PageFormat format;
    private final JsonMapper json;

    EventSentences(MessageSource messages, PageFormat format, JsonMapper json) {
        this.messages = messages;
        this.format = format;
        this.json = json;
    }

    public String describe(String type, String details) {
        Map<String, Object> values;
        try {
            values = details == null ? Map.of() : json.readValue(details, DETAILS);
        } catch (JacksonException unreadable) {
            return type + " " + details;
        }
        String player = text(values.getOrDefault("casino_id", values.get("player_id")));
        String key = "event." + type + (Boolean.TRUE.equals(values.get("first")) ? ".first" : "");
        Object[] args = {player, money(values.get("amount"), text(values.get("currency"))), text(values.get("network"))};
        try {
            return messages.getMessage(key, args, LocaleContextHolder.getLocale());
        } catch (NoSuchMessageException noSentence) {
            return type + " " + details;
        }
    }

    private String money(Object amount, String currency) {
        if (amount == null) {
            return "";
        }
        try {
            return format.money(new BigDecimal(amount.toString()), currency);
        } catch (NumberFormatException notANumber) {
            return (amount + " " + currency).strip();
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
