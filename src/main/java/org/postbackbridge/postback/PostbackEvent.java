package org.postbackbridge.postback;

import java.time.Instant;
import org.postbackbridge.events.Money;

/**
 * One postback, parsed and validated: what the partner program says happened to which player.
 *
 * @param money   null when the postback carries no amount (registrations)
 * @param date    the partner's {@code date} as sent, part of the idempotency key
 * @param clickId the sub1 value: our click token when the player came through the user's link
 * @param test    sent through {@code /postback/test} by the operator
 */
public record PostbackEvent(
        String network,
        EventType type,
        String playerId,
        Money money,
        String transactionId,
        String eventId,
        String date,
        Instant eventTime,
        String clickId,
        boolean test) {

    /**
     * Same network, event family and transaction ID; without a transaction ID, same event,
     * player, amount and date/event ID. A repeat of the key is the network retrying.
     */
    public String idempotencyKey() {
        String prefix = (test ? "test|" : "") + network + "|" + type.idempotencyFamily() + "|";
        if (transactionId != null) {
            return prefix + "tx|" + transactionId;
        }
        if (type == EventType.REGISTRATION) {
            return prefix + "player|" + playerId;
        }
        return prefix + "player|" + playerId + "|" + (money == null ? "" : money.plainAmount() + " " + money.currency())
                + "|" + (date == null ? "" : date) + "|" + (eventId == null ? "" : eventId);
    }
}
