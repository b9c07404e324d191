package org.postbackbridge.console;

import java.util.Locale;

/**
 * Which plural form a count takes, by the CLDR rules for whole numbers: English has "1 row" and
 * "2 rows"; Russian has "1 строка", "2 строки", "5 строк", and 21 is like 1, 22 like 2, 11–14 like 5.
 */
public enum Plurals {
    ONE, FEW, MANY, OTHER;

    public static Plurals of(Locale locale, long count) {
        long n = Math.abs(count);
        if ("ru".equals(locale.getLanguage())) {
            long lastDigit = n % 10;
            long lastTwo = n % 100;
            if (lastDigit == 1 && lastTwo != 11) {
                return ONE;
            }
            if (lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14)) {
                return FEW;
            }
            return MANY;
        }
        return n == 1 ? ONE : OTHER;
    }

    /** The suffix of the message key that holds this form: {@code rows.one}, {@code rows.few}… */
    public String keySuffix() {
        return name().toLowerCase(Locale.ROOT);
    }
}
