package org.postbackbridge.console;

import java.util.Locale;

/**
 * How a CSV download separates fields and writes decimals. Spreadsheet programs in a Russian locale
 * expect {@code ;} and a decimal comma, others {@code ,} and a decimal point; the console's language
 * decides unless the operator chose on export ({@code separator=semicolon} or {@code comma}).
 */
record CsvStyle(char delimiter, char decimalMark) {

    static final String PARAMETER = "separator";
    static final CsvStyle SEMICOLON = new CsvStyle(';', ',');
    static final CsvStyle COMMA = new CsvStyle(',', '.');

    /** The choice made on export, else the language's; a choice that is neither is refused. */
    static CsvStyle of(String separator, Locale locale) {
        if (separator == null || separator.isBlank()) {
            return "ru".equals(locale.getLanguage()) ? SEMICOLON : COMMA;
        }
        return switch (separator) {
            case "semicolon" -> SEMICOLON;
            case "comma" -> COMMA;
            default -> throw new UnknownSeparator(separator);
        };
    }

    /** A decimal number (an amount as stored, "1500.50") with this style's decimal mark; other text as it is. */
    Object number(Object cell) {
        if (decimalMark == '.' || cell == null) {
            return cell;
        }
        String text = cell.toString();
        return text.matches("-?\\d+\\.\\d+") ? text.replace('.', decimalMark) : cell;
    }

    /** The {@code separator} parameter named something other than semicolon or comma. */
    static final class UnknownSeparator extends IllegalArgumentException {

        UnknownSeparator(String separator) {
            super("separator must be 'semicolon' or 'comma', not '" + abbreviated(separator) + "'");
        }

        private static String abbreviated(String text) {
            return text.length() > 20 ? text.substring(0, 20) + "…" : text;
        }
    }
}
