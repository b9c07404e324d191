package org.postbackbridge.console;

import org.postbackbridge.outbox.DeliveryMode;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every console page whether the service runs in dry-run (not headless), so each shows it. */
@ControllerAdvice(basePackages = "org.postbackbridge.console")
class ConsoleBanner {

    private final DeliveryMode mode;

    ConsoleBanner(DeliveryMode mode) {
        this.mode = mode;
    }

    @ModelAttribute("dryRun")
    boolean dryRun() {
        return mode.dryRun();
    }
}
