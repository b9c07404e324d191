package org.postbackbridge.intake;

import org.postbackbridge.users.BotUser;

/** One postback's effects on its user, as {@link EventEffects} applies them. */
record Effect(BotUser user, PostbackEvent event, long postbackId, Telling telling) {

    /** Whether effects tell anyone now: a live postback does; late ones are summed up once instead. */
    enum Telling { LIVE, QUIET }

    String messageKey() {
        return PostbackOutcome.messageKey(postbackId);
    }

    boolean tells() {
        return telling == Telling.LIVE;
    }

    /** The postback this test event belongs to, or null for a real one. */
    Long testPostbackId() {
        return event.test() ? postbackId : null;
    }
}
