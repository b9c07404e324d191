package org.postbackbridge.console;

import java.util.ArrayList;
import java.util.List;

/**
 * Users who started the bot in a period, and how many of them got how far. The subscribed step is
 * there only when the bot has a subscription gate ({@code gated}): without one nobody subscribes.
 */
public record Funnel(long users, long subscribed, long registered, long deposited, boolean gated) {

    /**
     * A step (its {@code key} names it: users, subscribed, registered, deposited) with its share of
     * the first step and of the step before it (null where that is empty).
     */
    public record Step(String key, long count, Double shareOfStart, Double shareOfPrevious) {
    }

    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("users", users, null, null));
        if (gated) {
            steps.add(new Step("subscribed", subscribed, share(subscribed, users), share(subscribed, users)));
        }
        steps.add(new Step("registered", registered, share(registered, users),
                share(registered, gated ? subscribed : users)));
        steps.add(new Step("deposited", deposited, share(deposited, users), share(deposited, registered)));
        return steps;
    }

    /** Registered players who have not deposited yet. */
    public long waitingForDeposit() {
        return Math.max(0, registered - deposited);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
