package org.postbackbridge.platform;

import java.math.BigDecimal;
import java.util.Objects;

/** An exact amount in a currency (ISO code such as RUB, or a token such as USDT). */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.stripTrailingZeros();
        if (amount.scale() < 0) {
            amount = amount.setScale(0);
        }
    }

    /** The amount as plain digits, e.g. {@code 1000.5}: never an exponent. */
    public String plainAmount() {
        return amount.toPlainString();
    }
}
