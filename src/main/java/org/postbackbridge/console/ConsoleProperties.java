package org.postbackbridge.console;

import java.time.ZoneId;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeZone {@code CONSOLE_TIME_ZONE}: where "today" and the chart's days begin and end, and the
 *                 zone every date in the console is shown in
 * @param language {@code CONSOLE_LANGUAGE}: the console's language for a browser that asks for none the
 *                 console speaks and whose operator has not picked one with the switch
 */
@ConfigurationProperties("postback-bridge.console")
public record ConsoleProperties(@DefaultValue("UTC") ZoneId timeZone, @DefaultValue("en") Locale language) {

    public ConsoleProperties {
        if (!ConsoleLanguages.supports(language)) {
            throw new IllegalArgumentException("CONSOLE_LANGUAGE is '" + language + "'; the console speaks "
                    + String.join(" and ", ConsoleLanguages.TAGS));
        }
        language = Locale.forLanguageTag(language.getLanguage());
    }
}
