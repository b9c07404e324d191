package org.postbackbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.postbackbridge.platform.Money;

/** The idempotency key: what makes two postbacks one (a network's retry) and what keeps them two. */
class IdempotencyKeyTest {

    static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(10);

    static PostbackEvent event(EventType type, String amount, String transactionId, String date, String eventId,
                               Instant eventTime) {
        Money money = amount == null ? null : new Money(new BigDecimal(amount), "RUB");
        return new PostbackEvent("1win", type, "p-1", money, transactionId, eventId, date, eventTime, null, false);
    }

    static PostbackEvent deposit(String amount, String transactionId, String date) {
        return event(EventType.DEPOSIT, amount, transactionId, date, null, NOON);
    }

    @Test
    void aTransactionIdAloneIdentifiesTheEvent() {
        assertThat(deposit("100", "tx-1", "2026-03-01").idempotencyKey())
                .isEqualTo(deposit("250", "tx-1", "2026-03-02").idempotencyKey())
                .isEqualTo("1win|deposit|tx|tx-1")
                .isNotEqualTo(deposit("100", "tx-2", "2026-03-01").idempotencyKey());
    }

    @Test
    void firstDepositAndDepositAreOneFamily() {
        PostbackEvent first = event(EventType.FIRST_DEPOSIT, "100", "tx-1", null, null, NOON);
        PostbackEvent withdrawal = event(EventType.WITHDRAWAL, "100", "tx-1", null, null, NOON);

        assertThat(first.idempotencyKey()).isEqualTo(deposit("100", "tx-1", null).idempotencyKey());
        assertThat(withdrawal.idempotencyKey()).isNotEqualTo(first.idempotencyKey());
    }

    @Test
    void aPlayerRegistersOnce() {
        PostbackEvent registration = event(EventType.REGISTRATION, null, null, "2026-03-01", "e-1", NOON);
        PostbackEvent again = event(EventType.REGISTRATION, null, null, "2026-03-05", "e-2", NOON.plusSeconds(99));

        assertThat(registration.idempotencyKey()).isEqualTo(again.idempotencyKey()).isEqualTo("1win|registration|player|p-1");
    }

    @Test
    void withoutTransactionIdTheAmountDateAndEventIdTellEventsApart() {
        PostbackEvent deposit = event(EventType.DEPOSIT, "100", null, "2026-03-01", "e-1", NOON);

        assertThat(deposit.idempotencyKey())
                .isEqualTo(event(EventType.DEPOSIT, "100.00", null, "2026-03-01", "e-1", NOON).idempotencyKey())
                .isNotEqualTo(event(EventType.DEPOSIT, "101", null, "2026-03-01", "e-1", NOON).idempotencyKey())
                .isNotEqualTo(event(EventType.DEPOSIT, "100", null, "2026-03-02", "e-1", NOON).idempotencyKey())
                .isNotEqualTo(event(EventType.DEPOSIT, "100", null, "2026-03-01", "e-2", NOON).idempotencyKey());
    }

    @Test
    void aTestPostbackNeverSharesAKeyWithARealOne() {
        PostbackEvent real = deposit("100", "tx-1", null);
        PostbackEvent test = new PostbackEvent("1win", EventType.DEPOSIT, "p-1", real.money(), "tx-1", null, null, NOON,
                null, true);

        assertThat(test.idempotencyKey()).isEqualTo("test|" + real.idempotencyKey());
    }

    @Test
    void onlyAnEventWithNothingButItsContentIsKeyedByItsWindow() {
        PostbackEvent contentOnly = deposit("100", null, null);
        PostbackEvent dated = deposit("100", null, "2026-03-01");

        assertThat(contentOnly.identifiedByContentOnly()).isTrue();
        assertThat(dated.identifiedByContentOnly()).isFalse();
        assertThat(event(EventType.REGISTRATION, null, null, null, null, NOON).identifiedByContentOnly()).isFalse();
        assertThat(dated.idempotencyKey(WINDOW)).isEqualTo(dated.idempotencyKey());
        assertThat(contentOnly.idempotencyKey(WINDOW)).startsWith(contentOnly.idempotencyKey() + "|window 600s #");
    }

    @Test
    void theSameContentInTheSameWindowIsOneAndInTheNextItLooksBackOneWindow() {
        Instant windowStart = Instant.ofEpochMilli(Math.floorDiv(NOON.toEpochMilli(), WINDOW.toMillis()) * WINDOW.toMillis());
        PostbackEvent early = event(EventType.DEPOSIT, "100", null, null, null, windowStart);
        PostbackEvent late = event(EventType.DEPOSIT, "100", null, null, null, windowStart.plus(WINDOW).minusMillis(1));
        PostbackEvent next = event(EventType.DEPOSIT, "100", null, null, null, windowStart.plus(WINDOW));

        assertThat(late.idempotencyKey(WINDOW)).isEqualTo(early.idempotencyKey(WINDOW));
        assertThat(next.idempotencyKey(WINDOW)).isNotEqualTo(early.idempotencyKey(WINDOW));
        assertThat(next.previousWindowKey(WINDOW)).isEqualTo(early.idempotencyKey(WINDOW));
    }
}
