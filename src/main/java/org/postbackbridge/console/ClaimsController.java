package org.postbackbridge.console;

import org.postbackbridge.console.queries.Page;
import org.postbackbridge.console.queries.PageRequest;
import org.postbackbridge.attribution.AttributionProperties;
import org.postbackbridge.attribution.ClaimDecisions;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Claims that wait for an operator, decided here or by the buttons in the operator chats; and the record of all claims. */
@Controller
class ClaimsController {

    private static final String OPERATOR = "console";

    private final ClaimDecisions decisions;
    private final AttributionProperties attribution;
    private final TransactionTemplate transaction;

    ClaimsController(ClaimDecisions decisions, AttributionProperties attribution, TransactionTemplate transaction) {
        this.decisions = decisions;
        this.attribution = attribution;
        this.transaction = transaction;
    }

    @GetMapping("/admin/claims")
    String claims(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                  Model model) {
        PageRequest request = PageRequest.of(page, size);
        model.addAttribute("policy", "CLAIM_POLICY=" + attribution.claimPolicy().name().toLowerCase());
        model.addAttribute("open", decisions.open());
        model.addAttribute("latest", Page.counted(decisions.latest(request.offset(), request.size()), request,
                decisions.count()));
        return "admin/claims";
    }

    @PostMapping("/admin/claims/{id}/approve")
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        return decided(id, transaction.execute(tx -> decisions.approve(id, OPERATOR)), redirect);
    }

    @PostMapping("/admin/claims/{id}/reject")
    String reject(@PathVariable long id, RedirectAttributes redirect) {
        return decided(id, transaction.execute(tx -> decisions.reject(id, OPERATOR)), redirect);
    }

    private static String decided(long id, ClaimDecisions.Outcome outcome, RedirectAttributes redirect) {
        redirect.addAttribute("claim", id);
        redirect.addAttribute("decision", outcome.decision().name().toLowerCase());
        return "redirect:/admin/claims";
    }
}
