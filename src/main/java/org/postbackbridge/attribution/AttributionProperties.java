package org.postbackbridge.attribution;

import java.time.Duration;
import org.postbackbridge.platform.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultNetwork          the network whose player ID is mirrored in {@code users.casino_id}
 * @param acceptTelegramIdInSub1  trust a raw Telegram ID in sub1; off because anyone who knows a
 *                                user's ID could then forge a postback for them
 * @param affiliateLink           the partner link with {@code {click_id}} where the token goes
 * @param claimPolicy             {@code CLAIM_POLICY}: what a typed player ID may link
 * @param claimWindow             {@code CLAIM_WINDOW}: under the window policy, how old a registration a
 *                                claim may still link without an operator
 */
@ConfigurationProperties("postback-bridge.attribution")
public record AttributionProperties(
        @DefaultValue("1win") String defaultNetwork,
        @DefaultValue("false") boolean acceptTelegramIdInSub1,
        @DefaultValue("") String affiliateLink,
        @DefaultValue("window") ClaimPolicy claimPolicy,
        @DefaultValue("24h") Duration claimWindow) {

    public AttributionProperties {
        Settings.present("DEFAULT_NETWORK", defaultNetwork);
        Settings.matches(affiliateLink, "|https?://\\S*\\{click_id}\\S*",
                "AFFILIATE_LINK must be your partner link with {click_id} where each user's click token goes, "
                        + "e.g. https://1win.example/?p=abcd&sub1={click_id}; without it every user gets the same "
                        + "link and postbacks cannot be attributed to them");
        Settings.present("CLAIM_POLICY", claimPolicy);
        if (claimWindow == null || !claimWindow.isPositive()) {
            throw new IllegalArgumentException("CLAIM_WINDOW must be a positive duration such as 24h or 30m");
        }
    }

    /** The user's personal link, or empty when no {@code AFFILIATE_LINK} is configured. */
    public String affiliateLinkFor(String clickToken) {
        return affiliateLink.isBlank() ? "" : affiliateLink.replace("{click_id}", clickToken);
    }
}
