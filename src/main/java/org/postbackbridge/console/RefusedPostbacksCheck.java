package org.postbackbridge.console;

import java.time.Clock;
import org.postbackbridge.setup.SetupCheck;
import org.postbackbridge.setup.SetupItem;
import org.postbackbridge.setup.SetupResult;
import org.springframework.stereotype.Component;
import org.postbackbridge.console.queries.PostbackArrivals;

/** Postbacks refused today: most often a cabinet URL with a mistake, which every later one repeats. */
@Component
class RefusedPostbacksCheck implements SetupCheck {

    private final PostbackArrivals arrivals;
    private final ConsoleProperties properties;
    private final Clock clock;

    RefusedPostbacksCheck(PostbackArrivals arrivals, ConsoleProperties properties, Clock clock) {
        this.arrivals = arrivals;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public SetupResult check() {
        PostbackArrivals.Refused refused = arrivals.refusedSince(Period.TODAY.startMillis(clock, properties.timeZone()));
        if (refused.count() == 0) {
            return SetupResult.ok(SetupItem.REFUSED_POSTBACKS, "None today.");
        }
        return SetupResult.problem(SetupItem.REFUSED_POSTBACKS,
                refused.count() + " refused today; the latest: " + refused.latestReason() + ".",
                "Open Postbacks with status rejected: each row says why. unsubstituted_macro or missing_… means the "
                        + "cabinet's URL is wrong: paste it again from the list below; invalid_token means the token "
                        + "in the URL differs from POSTBACK_TOKEN.");
    }
}
