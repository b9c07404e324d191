package org.postbackbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.postbackbridge.intake.PostbackSignatureTest.anyText;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.maps;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class PostbackParserTest {

    static final Instant NOW = Instant.parse("2026-01-30T17:00:00Z");
    static final NetworkProfile ONE_WIN = new NetworkProfile("1Win",
            new NetworkProfile.ParameterNames("event", "user_id", "amount", "currency", "transaction_id", "event_id", "date", "sub1"),
            Map.of("registration", "registration", "reg", "registration", "deposit", "deposit", "dep", "deposit",
                    "first_deposit", "first_deposit", "ftd", "first_deposit", "withdrawal", "withdrawal", "win", "win"),
            "", "token", "", "signature", List.of(), "RUB");

    final PostbackParser parser = new PostbackParser(256, 64);

    @Test
    void everyPlainNonNegativeDecimalIsAcceptedExactly() {
        qt().forAll(amounts()).checkAssert(amount -> {
            ParseResult result = parse(Map.of("event", "deposit", "user_id", "42", "amount", amount));

            assertThat(result).isInstanceOfSatisfying(ParseResult.Parsed.class, parsed ->
                    assertThat(parsed.event().money().amount()).isEqualByComparingTo(new BigDecimal(amount)));
        });
    }

    @Test
    void anythingElseAsAnAmountIsRefusedAsInvalidAmount() {
        qt().forAll(anyText().ofLengthBetween(1, 40).mix(decimalLooking(), 30))
                .assuming(amount -> !amount.isBlank() && !isPlainAmountWithinBounds(amount.trim()))
                .assuming(amount -> !amount.matches(".*\\{[A-Za-z0-9_]+}.*") && amount.chars().noneMatch(Character::isISOControl))
                .assuming(amount -> amount.indexOf('\uFFFD') < 0 && amount.indexOf('\u2028') < 0 && amount.indexOf('\u2029') < 0)
                .checkAssert(amount ->
                        assertThat(rejection(parse(Map.of("event", "deposit", "user_id", "42", "amount", amount))).error())
                                .isEqualTo("invalid_amount"));
    }

    @Test
    void aMacroLeftInAnEssentialParameterRefusesThePostbackNamingIt() {
        qt().forAll(letters(20), arbitrary().pick("event", "user_id", "amount")).checkAssert((macro, parameter) -> {
            Map<String, String> params = new HashMap<>(Map.of("event", "deposit", "user_id", "42", "amount", "5"));
            params.put(parameter, "{" + macro + "}");

            Rejection rejection = rejection(parse(params));

            assertThat(rejection.error()).isEqualTo("unsubstituted_macro");
            assertThat(rejection.parameter()).isEqualTo(parameter);
            assertThat(rejection.status()).isEqualTo(400);
        });
    }

    @Test
    void aMacroLeftInAnyOtherParameterIsReadAsAbsentWithAWarningNamingIt() {
        qt().forAll(letters(20), arbitrary().pick("currency", "transaction_id", "event_id", "date", "sub1", "sub5",
                "country", "source_name")).checkAssert((macro, parameter) -> {
            Map<String, String> params = new HashMap<>(Map.of("event", "deposit", "user_id", "42", "amount", "5",
                    "transaction_id", "tx-1", "date", "2026-01-30 12:00:00"));
            params.put(parameter, "{" + macro + "}");

            ParseResult.Parsed parsed = parsed(parse(params));

            assertThat(parsed.warnings()).extracting(Warning::code, Warning::parameter)
                    .contains(Tuple.tuple("unsubstituted_macro", parameter));
            assertThat(parsed.event().money().currency()).isEqualTo("RUB");
            assertThat(parsed.event().clickId()).isNull();
        });
    }

    @Test
    void theAmountOfARegistrationIsNotEssential() {
        ParseResult.Parsed parsed = parsed(parse(Map.of("event", "registration", "user_id", "42", "amount", "{amount}")));

        assertThat(parsed.event().money()).isNull();
        assertThat(parsed.warnings()).extracting(Warning::parameter).containsExactly("amount");
    }

    @Test
    void anOptionalMacroReadsAsIfTheParameterWasNotSent() {
        PostbackEvent event = event(parse(Map.of("event", "deposit", "user_id", "42", "amount", "5",
                "currency", "{currency}", "transaction_id", "{transaction_id}", "date", "{date}", "sub1", "{sub1}")));

        assertThat(event).isEqualTo(event(parse(Map.of("event", "deposit", "user_id", "42", "amount", "5"))));
    }

    @Test
    void datesOutsideTheYears2000To2100AreRefused() {
        for (String date : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "1999-12-31 23:59:59",
                "2101-01-01", "100000000", "9999999999999", "31.12.1899 10:00")) {
            Rejection rejection = rejection(parse(Map.of("event", "deposit", "user_id", "1", "amount", "5", "date", date)));

            assertThat(rejection.error()).as(date).isEqualTo("invalid_date");
            assertThat(rejection.parameter()).isEqualTo("date");
        }
        assertThat(event(parse(Map.of("event", "deposit", "user_id", "1", "amount", "5", "date", "2000-01-01")))
                .eventTime()).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(event(parse(Map.of("event", "deposit", "user_id", "1", "amount", "5", "date", "2100-12-31 23:59:59")))
                .eventTime()).isEqualTo(Instant.parse("2100-12-31T23:59:59Z"));
    }

    @Test
    void anUnreadableDateIsReplacedByTheTimeOfReceiptWithAWarning() {
        ParseResult.Parsed parsed = parsed(parse(Map.of("event", "deposit", "user_id", "1", "amount", "5",
                "transaction_id", "t", "date", "yesterday")));

        assertThat(parsed.event().eventTime()).isEqualTo(NOW);
        assertThat(parsed.warnings()).extracting(Warning::code).containsExactly("unreadable_date");
    }

    @Test
    void amountsWithMoreThan18SignificantDigitsOrAnExponentAreRefused() {
        for (String amount : List.of("1e10000000", "1E5", "1e-3", "1234567890123456789", "123456789.0123456789",
                "9".repeat(40), "1" + "0".repeat(18), "1.123456789")) {
            assertThat(rejection(parse(Map.of("event", "deposit", "user_id", "1", "amount", amount))).error())
                    .as(amount).isEqualTo("invalid_amount");
        }
        assertThat(event(parse(Map.of("event", "deposit", "user_id", "1", "amount", "123456789012345678")))
                .money().plainAmount()).isEqualTo("123456789012345678");
        assertThat(event(parse(Map.of("event", "deposit", "user_id", "1", "amount", "1234567890.12345678")))
                .money().plainAmount()).isEqualTo("1234567890.12345678");
        assertThat(event(parse(Map.of("event", "deposit", "user_id", "1", "amount", "000000000000000000000.50")))
                .money().plainAmount()).isEqualTo("0.5");
        assertThat(event(parse(Map.of("event", "deposit", "user_id", "1", "amount", "5.000000000")))
                .money().amount()).isEqualByComparingTo("5");
    }

    @Test
    void currenciesAreIsoCodesExtraCodesOrCommonAliases() {
        assertThat(currency("rub")).isEqualTo("RUB");
        assertThat(currency("RUR")).isEqualTo("RUB");
        assertThat(currency("KZT")).isEqualTo("KZT");
        assertThat(currency("ton")).isEqualTo("TON");
        assertThat(currency("USDC")).isEqualTo("USDC");

        Rejection rubles = rejection(parse(Map.of("event", "deposit", "user_id", "1", "amount", "5", "currency", "rubles")));
        assertThat(rubles.error()).isEqualTo("invalid_currency");
        assertThat(rubles.parameter()).isEqualTo("currency");
        assertThat(rubles.message()).contains("did you mean RUB?").contains("ISO 4217");
        for (String notACode : List.of("XYZ", "DOGE", "R", "руб", "1000")) {
            assertThat(rejection(parse(Map.of("event", "deposit", "user_id", "1", "amount", "5", "currency", notACode)))
                    .error()).as(notACode).isEqualTo("invalid_currency");
        }
        PostbackParser withDoge = new PostbackParser(256, 64, new Currencies(List.of("DOGE")));
        assertThat(((ParseResult.Parsed) withDoge.parse("1win", ONE_WIN, Map.of("event", List.of("deposit"),
                "user_id", List.of("1"), "amount", List.of("5"), "currency", List.of("doge")), NOW, false))
                .event().money().currency()).isEqualTo("DOGE");
    }

    @Test
    void aDefaultCurrencyThatIsNoCodeStopsTheStartNamingTheFix() {
        NetworkProfile rubles = new NetworkProfile("1Win", ONE_WIN.parameters(), ONE_WIN.eventAliases(), "", "token", "",
                "signature", List.of(), "rubles");

        assertThatThrownBy(() -> new PostbackProperties(Map.of("1win", rubles), 256, 64, Currencies.DEFAULT_EXTRAS,
                Duration.ofHours(1), Duration.ofDays(30), 60))
                .hasMessageContaining("DEFAULT_CURRENCY").hasMessageContaining("did you mean RUB?");
    }

    @Test
    void moneyPostbacksWithoutTransactionIdOrDateAreFlagged() {
        assertThat(parsed(parse(Map.of("event", "deposit", "user_id", "1", "amount", "5"))).warnings())
                .extracting(Warning::code).containsExactly("no_transaction_id");
        assertThat(parsed(parse(Map.of("event", "deposit", "user_id", "1", "amount", "5", "transaction_id", "t1")))
                .warnings()).isEmpty();
        assertThat(parsed(parse(Map.of("event", "deposit", "user_id", "1", "amount", "5", "date", "2026-01-30 12:00:00")))
                .warnings()).isEmpty();
        assertThat(parsed(parse(Map.of("event", "registration", "user_id", "1"))).warnings()).isEmpty();
    }

    @Test
    void parsingNeverThrowsWhateverIsSent() {
        qt().withExamples(2000).forAll(hostileParams()).checkAssert(params -> {
            ParseResult result = parse(params);

            if (result instanceof ParseResult.Invalid invalid) {
                assertThat(invalid.rejection().status()).isEqualTo(400);
                assertThat(invalid.rejection().message()).isNotBlank();
            }
        });
    }

    @Test
    void theSamePostbackAlwaysHasTheSameKeyAndOtherTransactionsOthers() {
        qt().forAll(letters(30), letters(30))
                .assuming((tx, otherTx) -> !tx.equals(otherTx))
                .checkAssert((tx, otherTx) -> {
                    Map<String, String> params = Map.of("event", "deposit", "user_id", "42", "amount", "5", "transaction_id", tx);

                    String key = event(parse(params)).idempotencyKey();

                    assertThat(event(parse(params)).idempotencyKey()).isEqualTo(key);
                    assertThat(event(parse(Map.of("event", "ftd", "user_id", "42", "amount", "5", "transaction_id", tx)))
                            .idempotencyKey()).isEqualTo(key);
                    assertThat(event(parse(Map.of("event", "deposit", "user_id", "42", "amount", "5", "transaction_id", otherTx)))
                            .idempotencyKey()).isNotEqualTo(key);
                });
    }

    @Test
    void eventAliasesAndCaseAreAccepted() {
        assertThat(event(parse(Map.of("event", "REG", "user_id", "1"))).type()).isEqualTo(EventType.REGISTRATION);
        assertThat(event(parse(Map.of("event", "ftd", "user_id", "1", "amount", "1"))).type()).isEqualTo(EventType.FIRST_DEPOSIT);
        assertThat(event(parse(Map.of("event", "dep", "user_id", "1", "amount", "1"))).type()).isEqualTo(EventType.DEPOSIT);
    }

    @Test
    void missingCurrencyFallsBackToTheNetworkDefaultAndIsUpperCased() {
        assertThat(event(parse(Map.of("event", "win", "user_id", "1", "amount", "2"))).money().currency()).isEqualTo("RUB");
        assertThat(event(parse(Map.of("event", "win", "user_id", "1", "amount", "2", "currency", "usdt"))).money().currency())
                .isEqualTo("USDT");
    }

    @Test
    void eventTimeIsReadFromCommonDateFormatsOrFallsBackToReceipt() {
        assertThat(eventTime("1769792400")).isEqualTo(Instant.parse("2026-01-30T17:00:00Z"));
        assertThat(eventTime("1769792400000")).isEqualTo(Instant.parse("2026-01-30T17:00:00Z"));
        assertThat(eventTime("2026-01-30 16:00:00")).isEqualTo(Instant.parse("2026-01-30T16:00:00Z"));
        assertThat(eventTime("2026-01-30T19:00:00+03:00")).isEqualTo(Instant.parse("2026-01-30T16:00:00Z"));
        assertThat(eventTime("2026-01-29")).isEqualTo(Instant.parse("2026-01-29T00:00:00Z"));
        assertThat(eventTime("yesterday")).isEqualTo(NOW);
    }

    /** Digits, optionally a point and more digits, at most 18 of them: what a cabinet sends as an amount. */
    static Gen<String> amounts() {
        Gen<String> whole = digits(10);
        Gen<String> fraction = digits(8);
        return whole.zip(fraction, booleans().all(), (w, f, withFraction) -> withFraction ? w + "." + f : w);
    }

    /** Near misses of a plain decimal: a sign, an exponent, a comma, a space, a foreign digit, at either end or inside. */
    static Gen<String> decimalLooking() {
        Gen<String> odd = arbitrary().pick("-", "+", "e5", "E-2", ",", ".", "..", " 1", "\u00A0", "\u0661", "0x", "_");
        return digits(20).zip(odd, arbitrary().pick("start", "middle", "end"), (digits, inserted, where) -> switch (where) {
            case "start" -> inserted + digits;
            case "end" -> digits + inserted;
            default -> digits.substring(0, digits.length() / 2) + inserted + digits.substring(digits.length() / 2);
        });
    }

    static Gen<String> parameterNames() {
        return arbitrary().pick("event", "user_id", "amount", "currency", "transaction_id", "sub1", "sub5", "source_name");
    }

    static Gen<Map<String, String>> hostileParams() {
        Gen<String> names = parameterNames().mix(anyText().ofLengthBetween(0, 80));
        Gen<String> values = anyText().ofLengthBetween(0, 300).mix(arbitrary().pick("-1", "NaN", "1e309", "Infinity",
                "{amount}", "' OR 1=1 --", "<script>", "0x10", "", "deposit", "registration", "9".repeat(40)));
        return maps().of(names, values).ofSizeBetween(0, 70);
    }

    private static Gen<String> digits(int maxLength) {
        return strings().betweenCodePoints('0', '9').ofLengthBetween(1, maxLength);
    }

    private static Gen<String> letters(int maxLength) {
        return strings().betweenCodePoints('a', 'z').ofLengthBetween(1, maxLength)
                .mix(strings().betweenCodePoints('A', 'Z').ofLengthBetween(1, maxLength));
    }

    /**
     * The rule: plain digits, at most 18 significant digits and 8 decimals, trailing zeros not
     * counted ({@code 5.000000000} is five).
     */
    private static boolean isPlainAmountWithinBounds(String amount) {
        if (!amount.matches("\\d{1,40}(\\.\\d{1,40})?")) {
            return false;
        }
        BigDecimal significant = new BigDecimal(amount).stripTrailingZeros();
        if (significant.scale() < 0) {
            significant = significant.setScale(0);
        }
        return significant.precision() <= 18 && significant.scale() <= 8;
    }

    private Instant eventTime(String date) {
        return event(parse(Map.of("event", "deposit", "user_id", "1", "amount", "5", "date", date))).eventTime();
    }

    private String currency(String currency) {
        return event(parse(Map.of("event", "deposit", "user_id", "1", "amount", "5", "currency", currency)))
                .money().currency();
    }

    private static ParseResult.Parsed parsed(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return (ParseResult.Parsed) result;
    }

    private ParseResult parse(Map<String, String> params) {
        Map<String, List<String>> multi = new HashMap<>();
        params.forEach((k, v) -> multi.put(k, List.of(v)));
        return parser.parse("1win", ONE_WIN, multi, NOW, false);
    }

    private static PostbackEvent event(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).event();
    }

    private static Rejection rejection(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Invalid.class);
        return ((ParseResult.Invalid) result).rejection();
    }
}
