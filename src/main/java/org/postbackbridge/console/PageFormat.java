package org.postbackbridge.console;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.postbackbridge.platform.Money;
import org.postbackbridge.texts.MoneyFormat;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, amounts and shares on the console's pages, in the console's time zone and the request's
 * language; templates call it as {@code @pageFormat}. Amounts are written as the bot's messages
 * write them ({@link MoneyFormat}), so an operator reads the same figure in the console and in
 * Telegram; CSV downloads keep plain numbers instead ({@link CsvStyle}).
 */
@Component("pageFormat")
public class PageFormat {

    private final ConsoleDates dates;

    PageFormat(ConsoleDates dates) {
        this.dates = dates;
    }

    public String when(Instant instant) {
        return dates.minutes(instant);
    }

    /** "2026-12-03": a row of a table by day, which sorts as text. */
    public String day(LocalDate day) {
        return day == null ? "" : day.toString();
    }

    /** Epoch millis of the day's first moment in the console's time zone. */
    long startOf(LocalDate day) {
        return day.atStartOfDay(dates.zone()).toInstant().toEpochMilli();
    }

    public ZoneId zone() {
        return dates.zone();
    }

    /** "1 500,50 ₽", "1,500.50 ₽", "20 $"; an amount of no known currency without a symbol. */
    public String money(BigDecimal amount, String currency) {
        return amount == null ? "" : MoneyFormat.format(new Money(amount, currency == null ? "" : currency), language())
                .strip();
    }

    /** A number as a chart's axis writes it, grouped as amounts are: "1,500", "2.5", in Russian "2,5". */
    public String number(BigDecimal number) {
        return number == null ? "" : MoneyFormat.number(number, language());
    }

    /** A share as a percentage, or a dash where there is nothing to divide by. */
    public String percent(Double share) {
        return share == null ? "—" : MoneyFormat.percent(share, language());
    }

    static String language() {
        return LocaleContextHolder.getLocale().getLanguage();
    }
}
