package org.postbackbridge.intake;

import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The currency codes a postback may carry: ISO 4217 (as the JDK knows them), the operator's extra
 * codes for tokens the standard lacks ({@code EXTRA_CURRENCIES}), and a few old or common spellings
 * of a standard code. Anything else is refused with a hint, so that {@code rubles} does not become a
 * currency of its own in the totals.
 */
public final class Currencies {

    public static final List<String> DEFAULT_EXTRAS = List.of("USDT", "USDC", "BTC", "ETH", "TON");

    /** Codes cabinets still send for a standard one. */
    private static final Map<String, String> ALIASES = Map.of("RUR", "RUB", "BYR", "BYN");

    /** Words people type for a currency, for the hint only: never accepted as a code. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("rub", "RUB"), Map.entry("руб", "RUB"), Map.entry("₽", "RUB"),
            Map.entry("dollar", "USD"), Map.entry("$", "USD"), Map.entry("доллар", "USD"),
            Map.entry("euro", "EUR"), Map.entry("€", "EUR"), Map.entry("евро", "EUR"),
            Map.entry("tenge", "KZT"), Map.entry("тенге", "KZT"), Map.entry("hryvn", "UAH"), Map.entry("грив", "UAH"),
            Map.entry("tether", "USDT"), Map.entry("bitcoin", "BTC"));

    private final Set<String> known;

    public Currencies(List<String> extras) {
        this.known = Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode)
                .collect(Collectors.toSet());
        extras.forEach(extra -> known.add(extra.trim().toUpperCase(Locale.ROOT)));
    }

    /** The code {@code text} stands for, upper-case; empty when it stands for none. */
    public Optional<String> code(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        String code = ALIASES.getOrDefault(upper, upper);
        return known.contains(code) ? Optional.of(code) : Optional.empty();
    }

    /** A sentence for a text that is no code: what it may have meant, and what is accepted. */
    public String hint(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String guess = WORDS.entrySet().stream().filter(word -> lower.contains(word.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        return (guess == null ? "" : "did you mean " + guess + "? ")
                + "Use an ISO 4217 code such as RUB, USD or EUR, or one of EXTRA_CURRENCIES";
    }
}
