package org.postbackbridge.intake;

import org.postbackbridge.users.BotUser;
import org.springframework.stereotype.Component;

/** What each event type does to its user: one class per type, chosen here. */
@Component
class EventEffects {

    private final RegistrationEffects registration;
    private final DepositEffects deposit;
    private final WithdrawalEffects withdrawal;
    private final WinEffects win;

    EventEffects(RegistrationEffects registration, DepositEffects deposit, WithdrawalEffects withdrawal,
                 WinEffects win) {
        this.registration = registration;
        this.deposit = deposit;
        this.withdrawal = withdrawal;
        this.win = win;
    }

    void apply(StoredPostback postback, BotUser user, Effect.Telling telling) {
        Effect effect = new Effect(user, postback.event(), postback.id(), telling);
        switch (postback.event().type()) {
            case REGISTRATION -> registration.apply(effect);
            case FIRST_DEPOSIT, DEPOSIT -> deposit.apply(effect);
            case WITHDRAWAL -> withdrawal.apply(effect);
            case WIN -> win.apply(effect);
        }
    }
}
