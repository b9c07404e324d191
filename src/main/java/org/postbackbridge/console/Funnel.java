package org.postbackbridge.console;

import java.util.List;

/** Users who started the bot in a period, and how many of them got how far. */
public record Funnel(long users, long subscribed, long registered, long deposited) {

    /** A step with its share of the first step and of the step before it (null where that is empty). */
    public record Step(String label, long count, Double shareOfStart, Double shareOfPrevious) {
    }

    public List<Step> steps() {
        return List.of(
                new Step("Bot users", users, null, null),
                new Step("Subscribed", subscribed, share(subscribed, users), share(subscribed, users)),
                new Step("Registered", registered, share(registered, users), share(registered, subscribed)),
                new Step("First deposit", deposited, share(deposited, users), share(deposited, registered)));
    }

    /** Registered players who have not deposited yet. */
    public long waitingForDeposit() {
        return Math.max(0, registered - deposited);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
