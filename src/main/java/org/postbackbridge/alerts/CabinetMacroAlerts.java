package org.postbackbridge.alerts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.postbackbridge.texts.MessageKind;
import org.postbackbridge.outbox.Notifier;
import org.postbackbridge.intake.MacroLeftInCabinetUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the operators once a day per network, event and parameter that the cabinet's URL sends a
 * macro unsubstituted: the postbacks still count, but the value is lost until the URL is fixed.
 * The day is in the alert's dedupe key, so the outbox keeps it to one across restarts and a fleet.
 */
@Component
class CabinetMacroAlerts {

    private static final Logger log = LoggerFactory.getLogger(CabinetMacroAlerts.class);

    private final Notifier notifier;
    private final Clock clock;
    /** Today's keys already queued by this instance: spares the outbox an insert per such postback. */
    private final Set<String> raisedToday = new HashSet<>();
    private LocalDate today;

    CabinetMacroAlerts(Notifier notifier, Clock clock) {
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Runs inside the postback's transaction: the alert is queued only if the postback is stored. */
    @EventListener
    synchronized void onMacroLeft(MacroLeftInCabinetUrl macro) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!day.equals(today)) {
            today = day;
            raisedToday.clear();
        }
        String key = "alert:macro:" + macro.network() + ":" + macro.event() + ":" + macro.parameter() + ":" + day;
        if (!raisedToday.add(key)) {
            return;
        }
        log.warn("The cabinet's {} URL of network {} sends {{{}}} unsubstituted", macro.event(), macro.network(),
                macro.parameter());
        notifier.toOperators(MessageKind.ALERT_UNSUBSTITUTED_MACRO, Map.of("network", macro.network(),
                "event", macro.event(), "parameter", macro.parameter()), key);
    }
}
