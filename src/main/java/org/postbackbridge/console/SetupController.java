package org.postbackbridge.console;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.postbackbridge.attribution.AttributionProperties;
import org.postbackbridge.texts.MessageKind;
import org.postbackbridge.outbox.Notifier;
import org.postbackbridge.texts.NotifyProperties;
import org.postbackbridge.intake.CabinetUrls;
import org.postbackbridge.setup.SetupItem;
import org.postbackbridge.setup.SetupReport;
import org.postbackbridge.setup.SetupResult;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The way from zero to the first real conversion: every check run afresh on each visit, the
 * cabinet URLs at the address the console was opened at, and a test message to the operators.
 * Signing in leads here until every item is green.
 */
@Controller
class SetupController {

    private final SetupReport report;
    private final CabinetUrls cabinetUrls;
    private final AttributionProperties attribution;
    private final Notifier notifier;
    private final NotifyProperties notify;
    private final Clock clock;

    SetupController(SetupReport report, CabinetUrls cabinetUrls, AttributionProperties attribution,
                    Notifier notifier, NotifyProperties notify, Clock clock) {
        this.report = report;
        this.cabinetUrls = cabinetUrls;
        this.attribution = attribution;
        this.notifier = notifier;
        this.notify = notify;
        this.clock = clock;
    }

    @GetMapping("/admin/setup")
    String page(Model model) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        List<SetupResult> results = new ArrayList<>(report.run());
        results.add(cabinetUrls(base));
        results.sort(Comparator.comparing(SetupResult::item));
        model.addAttribute("results", results);
        model.addAttribute("allOk", results.stream().allMatch(SetupResult::ok));
        model.addAttribute("urls", cabinetUrls.of(attribution.defaultNetwork(), base));
        model.addAttribute("operatorChats", notify.adminChatIds().size());
        return "admin/setup";
    }

    @PostMapping("/admin/setup/test-message")
    String testMessage() {
        notifier.toOperators(MessageKind.OPERATOR_SETUP_TEST, Map.of(), "setup-test:" + clock.millis());
        return "redirect:/admin/setup?tested=" + notify.adminChatIds().size();
    }

    /** Partner programs call a public HTTPS address; the one the console was opened at may not be it. */
    private static SetupResult cabinetUrls(String base) {
        if (base.startsWith("https://")) {
            return SetupResult.ok(SetupItem.CABINET_URLS, "Ready to copy, at " + base + ".");
        }
        return SetupResult.todo(SetupItem.CABINET_URLS,
                "This page was opened at " + base + ", which a partner program cannot call.",
                "Open the console through your tunnel or HTTPS reverse proxy and copy the URLs from there, "
                        + "or put your public HTTPS address in place of " + base + ".");
    }
}
