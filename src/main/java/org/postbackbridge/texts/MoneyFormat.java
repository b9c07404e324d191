package org.postbackbridge.texts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postbackbridge.eventlog.DepositTotal;
import org.postbackbridge.platform.Money;

/**
 * Amounts for people, by the reader's language: {@code 1 000 ₽} and {@code 500,50 ₽} in Russian,
 * {@code 1,000 ₽} and {@code 500.50 ₽} in English. A fraction is shown with as many digits as the
 * currency has (two for the rouble, the dollar, the euro), a whole amount without one.
 */
public final class MoneyFormat {

    private static final Map<String, String> SYMBOLS = Map.of(
            "RUB", "₽", "USD", "$", "EUR", "€", "UAH", "₴", "KZT", "₸", "TRY", "₺", "INR", "₹", "BRL", "R$");
    /** Crypto tokens and unknown codes keep what was sent, up to this many digits. */
    private static final int MAX_FRACTION_DIGITS = 8;

    private MoneyFormat() {
    }

    public static String format(Money money, String language) {
        return number(scaled(money), language) + " " + SYMBOLS.getOrDefault(money.currency(), money.currency());
    }

    /** "1 000 ₽, 50 $": sums per currency; with no deposits, zero in {@code defaultCurrency}. */
    public static String totals(List<DepositTotal> totals, String language, String defaultCurrency) {
        if (totals.isEmpty()) {
            return format(new Money(BigDecimal.ZERO, defaultCurrency), language);
        }
        return totals.stream()
                .map(total -> format(new Money(total.sum(), total.currency() == null ? defaultCurrency : total.currency()),
                        language))
                .collect(Collectors.joining(", "));
    }

    /** A share as a percentage with one decimal: {@code 66,7 %} in Russian, {@code 66.7%} in English. */
    public static String percent(double share, String language) {
        String value = number(BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP), language);
        return english(language) ? value + "%" : value + " %";
    }

    private static BigDecimal scaled(Money money) {
        BigDecimal amount = money.amount();
        if (amount.scale() <= 0) {
            return amount;
        }
        int digits = fractionDigits(money.currency());
        return digits < 0 ? amount.setScale(Math.min(amount.scale(), MAX_FRACTION_DIGITS), RoundingMode.HALF_UP)
                : amount.setScale(digits, RoundingMode.HALF_UP);
    }

    /** The ISO 4217 minor units of the currency, or -1 for a code ISO does not know (USDT). */
    private static int fractionDigits(String currency) {
        try {
            return Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException notIso) {
            return -1;
        }
    }

    /** Digits grouped by three, with the language's separators: {@code 1 500,5}, {@code 1,500.5}. */
    public static String number(BigDecimal amount, String language) {
        boolean english = english(language);
        String plain = amount.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        StringBuilder grouped = new StringBuilder(amount.signum() < 0 ? "-" : "");
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(english ? ',' : ' ');
            }
            grouped.append(whole.charAt(i));
        }
        if (!fraction.isEmpty()) {
            grouped.append(english ? '.' : ',').append(fraction);
        }
        return grouped.toString();
    }

    private static boolean english(String language) {
        return language != null && language.toLowerCase().startsWith("en");
    }
}
