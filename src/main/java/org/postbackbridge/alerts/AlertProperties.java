package org.postbackbridge.alerts;

import java.time.Duration;
import org.postbackbridge.platform.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the operators are alerted.
 *
 * @param noPostbackHours       {@code ALERT_NO_POSTBACK_HOURS}: alert when no postback came for this long; 0 never
 * @param undepositedRatio      {@code ALERT_UNDEPOSITED_RATIO}: alert when this share of a week's registrations
 *                              (older than a day, so they had time to deposit) has not deposited; 0 never
 * @param undepositedMinimum    {@code ALERT_UNDEPOSITED_MIN_REGISTRATIONS}: fewer registrations than this say nothing
 * @param checkInterval         how often the conditions are checked
 */
@ConfigurationProperties("postback-bridge.alerts")
record AlertProperties(
        @DefaultValue("6") int noPostbackHours,
        @DefaultValue("0.95") double undepositedRatio,
        @DefaultValue("20") int undepositedMinimum,
        @DefaultValue("5m") Duration checkInterval) {

    AlertProperties {
        Settings.atLeast("ALERT_NO_POSTBACK_HOURS", noPostbackHours, 0);
        Settings.between("ALERT_UNDEPOSITED_RATIO", undepositedRatio, 0, 1);
        Settings.atLeast("ALERT_UNDEPOSITED_MIN_REGISTRATIONS", undepositedMinimum, 1);
    }
}
