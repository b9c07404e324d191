package org.postbackbridge.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postbackbridge.eventlog.DepositTotal;
import org.postbackbridge.platform.Money;

class MoneyFormatTest {

    @Test
    void amountsFollowTheReadersLanguage() {
        assertThat(MoneyFormat.format(money("500.5", "RUB"), "ru")).isEqualTo("500,50 ₽");
        assertThat(MoneyFormat.format(money("500.5", "RUB"), "en")).isEqualTo("500.50 ₽");
        assertThat(MoneyFormat.format(money("1234567", "RUB"), "ru")).isEqualTo("1 234 567 ₽");
        assertThat(MoneyFormat.format(money("1234567.891", "USD"), "en-US")).isEqualTo("1,234,567.89 $");
        assertThat(MoneyFormat.format(money("-1500", "EUR"), "ru")).isEqualTo("-1 500 €");
    }

    @Test
    void aFractionHasAsManyDigitsAsTheCurrency() {
        assertThat(MoneyFormat.format(money("100.5", "JPY"), "en")).isEqualTo("101 JPY");
        assertThat(MoneyFormat.format(money("0.123456789", "USDT"), "en")).isEqualTo("0.12345679 USDT");
        assertThat(MoneyFormat.format(money("1000", "USD"), null)).isEqualTo("1 000 $");
    }

    @Test
    void percentagesFollowTheReadersLanguage() {
        assertThat(MoneyFormat.percent(2 / 3.0, "ru")).isEqualTo("66,7 %");
        assertThat(MoneyFormat.percent(2 / 3.0, "en")).isEqualTo("66.7%");
    }

    @Test
    void totalsNameTheirCurrencyEvenWhenThereAreNone() {
        assertThat(MoneyFormat.totals(List.of(), "en", "RUB")).isEqualTo("0 ₽");
        assertThat(MoneyFormat.totals(List.of(new DepositTotal("RUB", 2, new BigDecimal("1500.5")),
                new DepositTotal("USD", 1, new BigDecimal("50"))), "ru", "RUB")).isEqualTo("1 500,50 ₽, 50 $");
    }

    private static Money money(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }
}
