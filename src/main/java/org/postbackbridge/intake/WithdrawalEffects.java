package org.postbackbridge.intake;

import java.util.Map;
import org.postbackbridge.texts.MessageKind;
import org.springframework.stereotype.Component;

/** A withdrawal is logged, and told to a user who has not muted notifications. */
@Component
class WithdrawalEffects {

    private final EffectRecorder recorder;

    WithdrawalEffects(EffectRecorder recorder) {
        this.recorder = recorder;
    }

    void apply(Effect effect) {
        recorder.log(effect, Map.of());
        if (!effect.user().notificationsMuted()) {
            recorder.tellUser(effect, MessageKind.WITHDRAWAL);
        }
    }
}
