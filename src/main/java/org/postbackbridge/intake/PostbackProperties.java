package org.postbackbridge.intake;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.postbackbridge.platform.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param networks          profiles by the name used in {@code /postback/{network}}
 * @param maxValueLength    longer parameter values are rejected (400)
 * @param maxParameters     more parameters than this are rejected (400)
 * @param extraCurrencies   {@code EXTRA_CURRENCIES}: codes accepted besides ISO 4217 (tokens)
 * @param dedupeWindow      {@code DEDUPE_WINDOW}: identical postbacks without a transaction ID or date count as
 *                          one only this long
 * @param rejectedRetention {@code REJECTED_RETENTION}: refused requests are deleted from the log after this long
 * @param refusedPerMinute  refused requests without credentials recorded per source and minute; the rest are counted
 */
@ConfigurationProperties("postback-bridge.postback")
public record PostbackProperties(
        Map<String, NetworkProfile> networks,
        @DefaultValue("256") int maxValueLength,
        @DefaultValue("64") int maxParameters,
        @DefaultValue({"USDT", "USDC", "BTC", "ETH", "TON"}) List<String> extraCurrencies,
        @DefaultValue("1h") Duration dedupeWindow,
        @DefaultValue("30d") Duration rejectedRetention,
        @DefaultValue("60") int refusedPerMinute) {

    public PostbackProperties {
        if (networks == null || networks.isEmpty()) {
            throw new IllegalArgumentException("postback-bridge.postback.networks must name at least one network");
        }
        Settings.between("postback-bridge.postback.max-value-length", maxValueLength, 16, 4096);
        Settings.between("postback-bridge.postback.max-parameters", maxParameters, 8, 1000);
        extraCurrencies.forEach(code -> Settings.matches(code, "\\s*[A-Za-z0-9]{2,10}\\s*",
                "EXTRA_CURRENCIES lists codes of 2 to 10 letters or digits separated by commas, e.g. USDT,BTC"));
        Settings.atLeast("postback-bridge.postback.refused-per-minute", refusedPerMinute, 1);
        Settings.atLeast("DEDUPE_WINDOW", dedupeWindow, "1s");
        Settings.atLeast("REJECTED_RETENTION", rejectedRetention, "1h");
        Currencies currencies = new Currencies(extraCurrencies);
        networks.forEach((name, profile) -> {
            if (currencies.code(profile.defaultCurrency()).isEmpty()) {
                throw new IllegalArgumentException("The default currency '" + profile.defaultCurrency() + "' of network '"
                        + name + "' (DEFAULT_CURRENCY for 1win) is not a currency code: " + currencies.hint(
                        profile.defaultCurrency()));
            }
        });
    }

    public Currencies currencies() {
        return new Currencies(extraCurrencies);
    }
}
