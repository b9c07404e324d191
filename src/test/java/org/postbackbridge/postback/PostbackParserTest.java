package org.postbackbridge.postback;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PostbackParserTest {

    static final Instant NOW = Instant.parse("2026-01-30T17:00:00Z");
    static final NetworkProfile ONE_WIN = new NetworkProfile("1Win",
            new NetworkProfile.ParameterNames("event", "user_id", "amount", "currency", "transaction_id", "event_id", "date", "sub1"),
            Map.of("registration", "registration", "reg", "registration", "deposit", "deposit", "dep", "deposit",
                    "first_deposit", "first_deposit", "ftd", "first_deposit", "withdrawal", "withdrawal", "win", "win"),
            "", "token", "", "signature", List.of(), "RUB");

    final PostbackParser parser = new PostbackParser(256, 64);

    @Property
    void everyPlainNonNegativeDecimalIsAcceptedExactly(@ForAll("amounts") String amount) {
        ParseResult result = parse(Map.of("event", "deposit", "user_id", "42", "amount", amount));

        assertThat(result).isInstanceOfSatisfying(ParseResult.Parsed.class, parsed ->
                assertThat(parsed.event().money().amount()).isEqualByComparingTo(new BigDecimal(amount)));
    }

    @Property
    void anythingElseAsAnAmountIsRefusedAsInvalidAmount(@ForAll String amount) {
        Assume.that(!amount.isBlank() && !amount.trim().matches("\\d{1,15}(\\.\\d{1,8})?"));
        Assume.that(!amount.matches(".*\\{[A-Za-z0-9_]+}.*") && amount.chars().noneMatch(Character::isISOControl));
        Assume.that(amount.indexOf('\uFFFD') < 0 && amount.indexOf('\u2028') < 0 && amount.indexOf('\u2029') < 0);

        assertThat(rejection(parse(Map.of("event", "deposit", "user_id", "42", "amount", amount))).error())
                .isEqualTo("invalid_amount");
    }

    @Property
    void aMacroLeftInAnyParameterIsNamed(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String macro,
                                         @ForAll("parameterNames") String parameter) {
        Map<String, String> params = new HashMap<>(Map.of("event", "deposit", "user_id", "42", "amount", "5"));
        params.put(parameter, "{" + macro + "}");

        Rejection rejection = rejection(parse(params));

        assertThat(rejection.error()).isEqualTo("unsubstituted_macro");
        assertThat(rejection.parameter()).isEqualTo(parameter);
        assertThat(rejection.status()).isEqualTo(400);
    }

    @Property(tries = 2000)
    void parsingNeverThrowsWhateverIsSent(@ForAll("hostileParams") Map<String, String> params) {
        ParseResult result = parse(params);

        if (result instanceof ParseResult.Invalid invalid) {
            assertThat(invalid.rejection().status()).isEqualTo(400);
            assertThat(invalid.rejection().message()).isNotBlank();
        }
    }

    @Property
    void theSamePostbackAlwaysHasTheSameKeyAndOtherTransactionsOthers(
            @ForAll @AlphaChars @StringLength(min = 1, max = 30) String tx,
            @ForAll @AlphaChars @StringLength(min = 1, max = 30) String otherTx) {
        Assume.that(!tx.equals(otherTx));
        Map<String, String> params = Map.of("event", "deposit", "user_id", "42", "amount", "5", "transaction_id", tx);

        String key = event(parse(params)).idempotencyKey();

        assertThat(event(parse(params)).idempotencyKey()).isEqualTo(key);
        assertThat(event(parse(Map.of("event", "ftd", "user_id", "42", "amount", "5", "transaction_id", tx))).idempotencyKey())
                .isEqualTo(key);
        assertThat(event(parse(Map.of("event", "deposit", "user_id", "42", "amount", "5", "transaction_id", otherTx)))
                .idempotencyKey()).isNotEqualTo(key);
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
        assertThat(PostbackParser.eventTime("1769792400", NOW)).isEqualTo(Instant.parse("2026-01-30T17:00:00Z"));
        assertThat(PostbackParser.eventTime("1769792400000", NOW)).isEqualTo(Instant.parse("2026-01-30T17:00:00Z"));
        assertThat(PostbackParser.eventTime("2026-01-30 16:00:00", NOW)).isEqualTo(Instant.parse("2026-01-30T16:00:00Z"));
        assertThat(PostbackParser.eventTime("2026-01-30T19:00:00+03:00", NOW)).isEqualTo(Instant.parse("2026-01-30T16:00:00Z"));
        assertThat(PostbackParser.eventTime("2026-01-29", NOW)).isEqualTo(Instant.parse("2026-01-29T00:00:00Z"));
        assertThat(PostbackParser.eventTime("yesterday", NOW)).isEqualTo(NOW);
    }

    @Provide
    Arbitrary<String> amounts() {
        Arbitrary<String> whole = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(15);
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(8);
        return Combinators.combine(whole, fraction, Arbitraries.of(true, false))
                .as((w, f, withFraction) -> withFraction ? w + "." + f : w);
    }

    @Provide
    Arbitrary<String> parameterNames() {
        return Arbitraries.of("event", "user_id", "amount", "currency", "transaction_id", "sub1", "sub5", "source_name");
    }

    @Provide
    Arbitrary<Map<String, String>> hostileParams() {
        Arbitrary<String> names = Arbitraries.oneOf(parameterNames(), Arbitraries.strings().ofMaxLength(80));
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.of("-1", "NaN", "1e309", "Infinity", "{amount}", "' OR 1=1 --", "<script>", "0x10", "",
                        "deposit", "registration", "9".repeat(40)));
        return Arbitraries.maps(names, values).ofMaxSize(70);
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
