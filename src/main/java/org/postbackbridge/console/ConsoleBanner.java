package org.postbackbridge.console;

import org.postbackbridge.telegram.TelegramProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every console page whether the service runs in dry-run, so each shows it. */
@ControllerAdvice(basePackages = "org.postbackbridge.console")
class ConsoleBanner {

    private final TelegramProperties telegram;

    ConsoleBanner(TelegramProperties telegram) {
        this.telegram = telegram;
    }

    @ModelAttribute("dryRun")
    boolean dryRun() {
        return telegram.dryRun();
    }
}
