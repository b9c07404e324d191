package org.postbackbridge.intake;

import java.util.Map;
import org.postbackbridge.texts.MessageKind;
import org.postbackbridge.users.UserRepository;
import org.springframework.stereotype.Component;

/** The first deposit unlocks access (two messages: deposit, then unlock); later ones are only told. */
@Component
class DepositEffects {

    private final UserRepository users;
    private final EffectRecorder recorder;

    DepositEffects(UserRepository users, EffectRecorder recorder) {
        this.users = users;
        this.recorder = recorder;
    }

    void apply(Effect effect) {
        // The user as read may be stale when another instance applies a deposit of the same player
        // at the same moment; the conditional update decides which one was the first.
        boolean first = !effect.user().deposited() && users.markFirstDeposit(effect.user().telegramId());
        recorder.log(effect, Map.of("first", first));
        recorder.tellUser(effect, MessageKind.DEPOSIT);
        if (first) {
            recorder.tellUser(effect, MessageKind.SIGNALS_UNLOCKED);
        }
        recorder.tellOperators(effect, first ? MessageKind.OPERATOR_FIRST_DEPOSIT : MessageKind.OPERATOR_DEPOSIT);
    }
}
