package org.postbackbridge.admin.console;

import org.postbackbridge.postback.CabinetUrls;
import org.postbackbridge.postback.PostbackProperties;
import org.postbackbridge.postback.PostbackTester;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The URLs to paste into the cabinet, and a test postback through the real pipeline, stage by stage. */
@Controller
class TesterController {

    private static final String EXAMPLE = "event=registration&user_id=123456&sub1={sub1}";

    private final PostbackTester tester;
    private final CabinetUrls cabinetUrls;
    private final PostbackProperties properties;

    TesterController(PostbackTester tester, CabinetUrls cabinetUrls, PostbackProperties properties) {
        this.tester = tester;
        this.cabinetUrls = cabinetUrls;
        this.properties = properties;
    }

    @GetMapping("/admin/tester")
    String form(@RequestParam(defaultValue = "1win") String network, Model model) {
        return page(network, EXAMPLE, model);
    }

    @PostMapping("/admin/tester")
    String run(@RequestParam String network, @RequestParam(defaultValue = "") String postback, Model model) {
        model.addAttribute("verdict", tester.run(network, postback));
        return page(network, postback, model);
    }

    private String page(String network, String postback, Model model) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        model.addAttribute("network", network);
        model.addAttribute("networks", properties.networks().keySet());
        model.addAttribute("urls", cabinetUrls.of(network, base));
        model.addAttribute("postback", postback);
        return "admin/tester";
    }
}
