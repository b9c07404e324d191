package org.postbackbridge.attribution;

import org.postbackbridge.setup.SetupCheck;
import org.postbackbridge.setup.SetupItem;
import org.postbackbridge.setup.SetupResult;
import org.springframework.stereotype.Component;

/** Whether /start can hand users a personal link; a link without {click_id} never gets this far. */
@Component
class AffiliateLinkCheck implements SetupCheck {

    private final AttributionProperties properties;

    AffiliateLinkCheck(AttributionProperties properties) {
        this.properties = properties;
    }

    @Override
    public SetupResult check() {
        if (properties.affiliateLink().isBlank()) {
            return SetupResult.todo(SetupItem.AFFILIATE_LINK,
                    "AFFILIATE_LINK is empty: /start gives users no link to register with.",
                    "Set AFFILIATE_LINK to your partner link with {click_id} in the parameter the cabinet passes back "
                            + "as sub1, e.g. https://1win.example/?p=abcd&sub1={click_id}.");
        }
        return SetupResult.ok(SetupItem.AFFILIATE_LINK,
                "Each user gets " + properties.affiliateLink() + " with their own click token as {click_id}.");
    }
}
