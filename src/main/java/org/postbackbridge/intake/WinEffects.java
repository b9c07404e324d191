package org.postbackbridge.intake;

import java.util.Map;
import org.postbackbridge.texts.MessageKind;
import org.postbackbridge.texts.NotifyProperties;
import org.postbackbridge.users.UserRepository;
import org.springframework.stereotype.Component;

/** Every win is logged; the user hears of at most one per interval (so a player on a winning streak is not spammed). */
@Component
class WinEffects {

    private final UserRepository users;
    private final NotifyProperties properties;
    private final EffectRecorder recorder;

    WinEffects(UserRepository users, NotifyProperties properties, EffectRecorder recorder) {
        this.users = users;
        this.properties = properties;
        this.recorder = recorder;
    }

    void apply(Effect effect) {
        boolean tell = effect.tells() && !effect.user().notificationsMuted()
                && users.claimWinMessage(effect.user().telegramId(), properties.winMessageInterval());
        recorder.log(effect, Map.of("notified", tell));
        if (tell) {
            recorder.tellUser(effect, MessageKind.WIN);
        }
    }
}
