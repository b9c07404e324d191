package org.postbackbridge.console;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param timeZone {@code CONSOLE_TIME_ZONE}: where "today" and the chart's days begin and end */
@ConfigurationProperties("postback-bridge.console")
public record ConsoleProperties(@DefaultValue("UTC") ZoneId timeZone) {
}
