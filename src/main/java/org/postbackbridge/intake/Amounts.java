package org.postbackbridge.intake;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The one reading of an amount, wherever one arrives (postbacks, the tester, reconciliation): plain
 * digits with an optional fraction, at most 18 significant digits and 8 decimals, trailing zeros not
 * counted ({@code 5.000000000} is five). An exponent is
 * refused, not evaluated: {@code 1e10000000} would otherwise become a number whose arithmetic takes
 * minutes.
 */
public final class Amounts {

    static final int MAX_SIGNIFICANT_DIGITS = 18;
    static final int MAX_DECIMALS = 8;
    private static final Pattern PLAIN = Pattern.compile("\\d{1,40}(\\.\\d{1,40})?");

    /** Thrown with a sentence for the operator; the postback answer calls it {@code invalid_amount}. */
    public static final class InvalidAmount extends IllegalArgumentException {

        InvalidAmount(String message) {
            super(message);
        }
    }

    private Amounts() {
    }

    /** The amount as written (trailing zeros kept); {@link InvalidAmount} names what is wrong. */
    public static BigDecimal parse(String text) {
        if (!PLAIN.matcher(text).matches()) {
            throw new InvalidAmount("the amount must be a plain non-negative decimal such as 1000 or 99.50,"
                    + " without an exponent, sign or thousands separator");
        }
        BigDecimal written = new BigDecimal(text);
        BigDecimal amount = written.stripTrailingZeros();
        if (amount.scale() < 0) {
            amount = amount.setScale(0);
        }
        if (amount.precision() > MAX_SIGNIFICANT_DIGITS) {
            throw new InvalidAmount("the amount may have at most " + MAX_SIGNIFICANT_DIGITS + " significant digits");
        }
        if (amount.scale() > MAX_DECIMALS) {
            throw new InvalidAmount("the amount may have at most " + MAX_DECIMALS + " decimal places");
        }
        return written;
    }
}
