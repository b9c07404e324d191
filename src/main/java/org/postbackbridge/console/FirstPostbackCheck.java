package org.postbackbridge.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.postbackbridge.setup.SetupCheck;
import org.postbackbridge.setup.SetupItem;
import org.postbackbridge.setup.SetupResult;
import org.springframework.stereotype.Component;
import org.postbackbridge.console.queries.PostbackArrivals;

/** Has the partner program reached us yet? Until it has, nothing else can be proven to work. */
@Component
class FirstPostbackCheck implements SetupCheck {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PostbackArrivals arrivals;
    private final ConsoleProperties properties;
    private final Clock clock;

    FirstPostbackCheck(PostbackArrivals arrivals, ConsoleProperties properties, Clock clock) {
        this.arrivals = arrivals;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public SetupResult check() {
        Optional<Instant> first = arrivals.first();
        if (first.isEmpty()) {
            return SetupResult.todo(SetupItem.FIRST_POSTBACK,
                    "No postback from a partner program yet (test postbacks do not count).",
                    "Paste the cabinet URLs into the partner cabinet (1Win: \"PR-инструменты\" → \"Ссылки\" → the chain "
                            + "icon) with your public HTTPS address, then register through your own bot link.");
        }
        Instant last = arrivals.last().orElseThrow();
        return SetupResult.ok(SetupItem.FIRST_POSTBACK, "First " + format(first.get()) + ", last " + format(last)
                + " (" + ago(last) + " ago), " + properties.timeZone() + ".");
    }

    private String format(Instant instant) {
        return TIME.format(instant.atZone(properties.timeZone()));
    }

    private String ago(Instant instant) {
        Duration since = Duration.between(instant, clock.instant());
        if (since.toMinutes() < 1) {
            return since.toSeconds() + " s";
        }
        return since.toHours() < 1 ? since.toMinutes() + " min" : since.toHours() + " h";
    }
}
