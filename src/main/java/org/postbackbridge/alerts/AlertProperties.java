package org.postbackbridge.alerts;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When the operators are alerted.
 *
 * @param noPostbackHours       {@code ALERT_NO_POSTBACK_HOURS}: alert when no postback came for this long; 0 never
 * @param undepositedRatio      {@code ALERT_UNDEPOSITED_RATIO}: alert when this share of a week's registrations
 *                              (older than a day, so they had time to deposit) has not deposited; 0 never
 * @param undepositedMinimum    {@code ALERT_UNDEPOSITED_MIN_REGISTRATIONS}: fewer registrations than this say nothing
 * @param checkInterval         how often the conditions are checked
 */
@Validated
@ConfigurationProperties("postback-bridge.alerts")
record AlertProperties(
        @DefaultValue("6") @Min(0) int noPostbackHours,
        @DefaultValue("0.95") @DecimalMin("0") @DecimalMax("1") double undepositedRatio,
        @DefaultValue("20") @Min(1) int undepositedMinimum,
        @DefaultValue("5m") Duration checkInterval) {
}
