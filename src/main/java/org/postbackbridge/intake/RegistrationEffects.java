package org.postbackbridge.intake;

import java.util.Map;
import org.postbackbridge.texts.MessageKind;
import org.springframework.stereotype.Component;

/** A registration is logged, and the user and the operators are told. */
@Component
class RegistrationEffects {

    private final EffectRecorder recorder;

    RegistrationEffects(EffectRecorder recorder) {
        this.recorder = recorder;
    }

    void apply(Effect effect) {
        recorder.log(effect, Map.of());
        recorder.tellUser(effect, MessageKind.REGISTRATION);
        recorder.tellOperators(effect, MessageKind.OPERATOR_REGISTRATION);
    }
}
