package org.postbackbridge.eventlog;

import java.math.BigDecimal;

/** Deposits of one currency: how many, and their sum. */
public record DepositTotal(String currency, long count, BigDecimal sum) {

    public DepositTotal plus(DepositTotal other) {
        return new DepositTotal(currency, count + other.count, sum.add(other.sum));
    }
}
