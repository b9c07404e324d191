package org.postbackbridge.notify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.postbackbridge.events.Money;

/** Amounts for people: {@code 1 000 ₽}; a decimal comma ({@code 1 000,5 ₽}) except in English ({@code 1 000.5 $}). */
public final class MoneyFormat {

    private static final Map<String, String> SYMBOLS = Map.of(
            "RUB", "₽", "USD", "$", "EUR", "€", "UAH", "₴", "KZT", "₸", "TRY", "₺", "INR", "₹", "BRL", "R$");

    private MoneyFormat() {
    }

    public static String format(Money money, String language) {
        BigDecimal amount = money.amount().setScale(Math.min(money.amount().scale(), 8), RoundingMode.HALF_UP);
        String plain = amount.toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(' ');
            }
            grouped.append(whole.charAt(i));
        }
        if (!fraction.isEmpty()) {
            grouped.append(language != null && language.startsWith("en") ? '.' : ',').append(fraction);
        }
        return grouped + " " + SYMBOLS.getOrDefault(money.currency(), money.currency());
    }
}
