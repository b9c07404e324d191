package org.postbackbridge.intake;

import java.util.Map;
import org.postbackbridge.outbox.Notifier;
import org.postbackbridge.texts.MessageKind;
import org.springframework.stereotype.Component;

/** Every win is logged; the user hears of at most one per interval (so a player on a winning streak is not spammed). */
@Component
class WinEffects {

    private final Notifier notifier;
    private final EffectRecorder recorder;

    WinEffects(Notifier notifier, EffectRecorder recorder) {
        this.notifier = notifier;
        this.recorder = recorder;
    }

    void apply(Effect effect) {
        boolean tell = effect.tells() && !effect.user().notificationsMuted() && !notifier.winQueuedRecently(effect.user());
        recorder.log(effect, Map.of("notified", tell));
        if (tell) {
            recorder.tellUser(effect, MessageKind.WIN);
        }
    }
}
