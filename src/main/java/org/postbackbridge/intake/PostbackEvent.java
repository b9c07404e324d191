package org.postbackbridge.intake;

import java.time.Duration;
import java.time.Instant;
import org.postbackbridge.platform.Money;

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

    /**
     * Nothing but its content tells this postback from another: no transaction ID, date or event ID.
     * A player who deposits the same amount twice sends two such postbacks that are identical, so
     * they are taken for one only when they come close together (a retry).
     */
    public boolean identifiedByContentOnly() {
        return type != EventType.REGISTRATION && transactionId == null && date == null && eventId == null;
    }

    /**
     * The key stored for this postback: {@link #idempotencyKey()}, and for a postback identified by
     * its content only, the number of the {@code window}-long period its time of receipt falls in.
     */
    public String idempotencyKey(Duration window) {
        return identifiedByContentOnly() ? windowKey(window, 0) : idempotencyKey();
    }

    /** The key the same postback had if it came in the period before: a repeat may straddle two periods. */
    String previousWindowKey(Duration window) {
        return windowKey(window, -1);
    }

    private String windowKey(Duration window, int offset) {
        return idempotencyKey() + "|window " + window.toSeconds() + "s #"
                + (Math.floorDiv(eventTime.toEpochMilli(), window.toMillis()) + offset);
    }
}
