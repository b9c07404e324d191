package org.postbackbridge.setup;

import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link SetupCheck} once the service has started and logs what each found with its
 * fix, then keeps the results for the console. In the background: a slow or refusing Telegram
 * must not hold up the postback endpoint, which needs none of it.
 */
@Component
public class SetupReport {

    private static final Logger log = LoggerFactory.getLogger(SetupReport.class);

    private final List<SetupCheck> checks;
    private volatile List<SetupResult> latest = List.of();

    SetupReport(List<SetupCheck> checks) {
        this.checks = checks;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        Thread.ofVirtual().name("setup-report").start(() -> run().forEach(SetupReport::log));
    }

    /** Runs every check now, in the order of {@link SetupItem}. */
    public List<SetupResult> run() {
        List<SetupResult> results = checks.stream().map(SetupCheck::check)
                .sorted(Comparator.comparing(SetupResult::item)).toList();
        latest = results;
        return results;
    }

    /** The results of the last run; empty before the first has finished. */
    public List<SetupResult> latest() {
        return latest;
    }

    /** True when the last run found every item working. */
    public boolean allOk() {
        List<SetupResult> results = latest;
        return !results.isEmpty() && results.stream().allMatch(SetupResult::ok);
    }

    private static void log(SetupResult result) {
        switch (result.verdict()) {
            case OK -> log.info("Setup: {}: {}", result.item().title(), result.found());
            case TODO -> log.warn("Setup: {}: {} To do: {}", result.item().title(), result.found(), result.fix());
            case PROBLEM -> log.error("Setup: {}: {} Fix: {}", result.item().title(), result.found(), result.fix());
        }
    }
}
