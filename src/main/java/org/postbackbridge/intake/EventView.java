package org.postbackbridge.intake;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** A postback's event as its JSON answer shows it. */
public record EventView(String type, @JsonProperty("user_id") String userId, BigDecimal amount, String currency) {

    public static EventView of(PostbackEvent event) {
        return new EventView(event.type().canonicalName(), event.playerId(),
                event.money() == null ? null : event.money().amount(),
                event.money() == null ? null : event.money().currency());
    }
}
