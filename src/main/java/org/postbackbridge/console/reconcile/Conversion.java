package org.postbackbridge.console.reconcile;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One conversion on either side: a player's registration, deposit, withdrawal or win. First and
 * repeat deposits are one family, since a cabinet may report them either way.
 *
 * @param source   the cabinet's line number, or our postback ID
 * @param dateOnly the cabinet gave a day without a time
 */
public record Conversion(long source, String player, String family, BigDecimal amount, Instant at, boolean dateOnly) {

    public static String family(String canonicalEvent) {
        return canonicalEvent.equals("first_deposit") ? "deposit" : canonicalEvent;
    }
}
