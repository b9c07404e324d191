package org.postbackbridge.console.tester;

import org.postbackbridge.intake.AppliedTests;
import org.postbackbridge.intake.CabinetUrls;
import org.postbackbridge.intake.PostbackProperties;
import org.postbackbridge.intake.TestPostbacks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The URLs to paste into the cabinet, and a test postback through the real pipeline, stage by stage:
 * rolled back, or applied for real as a test and undone later.
 */
@Controller
class TesterController {

    private static final String EXAMPLE = "event=registration&user_id=123456&sub1={sub1}";

    private static final int APPLIED_TESTS_SHOWN = 20;

    private final PostbackTester tester;
    private final TestPostbacks tests;
    private final AppliedTests appliedTests;
    private final CabinetUrls cabinetUrls;
    private final PostbackProperties properties;

    TesterController(PostbackTester tester, TestPostbacks tests, AppliedTests appliedTests, CabinetUrls cabinetUrls,
                     PostbackProperties properties) {
        this.tester = tester;
        this.tests = tests;
        this.appliedTests = appliedTests;
        this.cabinetUrls = cabinetUrls;
        this.properties = properties;
    }

    @GetMapping("/admin/tester")
    String form(@RequestParam(defaultValue = "1win") String network, Model model) {
        return page(network, EXAMPLE, model);
    }

    /** Rolled back after the verdict, unless the operator ticked "apply for real". */
    @PostMapping("/admin/tester")
    String run(@RequestParam String network, @RequestParam(defaultValue = "") String postback,
               @RequestParam(defaultValue = "false") boolean apply, Model model) {
        model.addAttribute("verdict", tester.run(network, postback, apply));
        return page(network, postback, model);
    }

    @PostMapping("/admin/tester/undo")
    String undo(@RequestParam long postback, RedirectAttributes redirect) {
        redirect.addAttribute("undone", tests.undo(postback, "console").name().toLowerCase());
        redirect.addAttribute("postback_id", postback);
        return "redirect:/admin/tester";
    }

    private String page(String network, String postback, Model model) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        model.addAttribute("network", network);
        model.addAttribute("networks", properties.networks().keySet());
        model.addAttribute("urls", cabinetUrls.of(network, base));
        model.addAttribute("postback", postback);
        model.addAttribute("appliedTests", appliedTests.latest(APPLIED_TESTS_SHOWN));
        return "admin/tester";
    }
}
