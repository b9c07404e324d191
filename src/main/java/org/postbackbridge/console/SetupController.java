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
import org.springframework.web.bind.annotation.RequestParam;
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
    private final ConsoleText text;

    SetupController(SetupReport report, CabinetUrls cabinetUrls, AttributionProperties attribution,
                    Notifier notifier, NotifyProperties notify, Clock clock, ConsoleText text) {
        this.text = text;
        this.report = report;
        this.cabinetUrls = cabinetUrls;
        this.attribution = attribution;
        this.notifier = notifier;
        this.notify = notify;
        this.clock = clock;
    }

    @GetMapping("/admin/setup")
    String page(@RequestParam(required = false) Long tested, Model model) {
        model.addAttribute("tested", tested);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        List<SetupResult> results = new ArrayList<>(report.run());
        results.add(cabinetUrls(base, text));
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
    private static SetupResult cabinetUrls(String base, ConsoleText text) {
        if (base.startsWith("https://")) {
            return SetupResult.ok(SetupItem.CABINET_URLS, text.message("setup.cabinetUrls.ready", base));
        }
        return SetupResult.todo(SetupItem.CABINET_URLS, text.message("setup.cabinetUrls.notPublic", base),
                text.message("setup.cabinetUrls.fix", base));
    }
}
