package org.postbackbridge.console.auth;

import org.postbackbridge.platform.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param token                {@code ADMIN_TOKEN}; when empty, one is generated at first start (see {@link AdminToken})
 * @param metricsPublic        {@code METRICS_PUBLIC}: {@code /actuator/prometheus} without the admin token
 * @param wrongTokensPerMinute {@code ADMIN_WRONG_TOKENS_PER_MINUTE}: wrong admin tokens accepted a minute from all
 *                             addresses together; past it, wrong tokens are answered 429 for a minute
 */
@ConfigurationProperties("postback-bridge.admin")
public record AdminProperties(
        @DefaultValue("") String token,
        @DefaultValue("false") boolean metricsPublic,
        @DefaultValue("100") int wrongTokensPerMinute) {

    public AdminProperties {
        Settings.atLeast("ADMIN_WRONG_TOKENS_PER_MINUTE", wrongTokensPerMinute, 1);
    }
}
