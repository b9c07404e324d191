package org.postbackbridge.console;

import org.postbackbridge.console.queries.PageRequest;
import java.util.List;
import org.postbackbridge.outbox.Outbox;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.postbackbridge.console.queries.OutboxView;

/** Messages waiting to go out or given up on, and sending a dead one again. */
@Controller
class OutboxController {

    private static final List<String> SHOWN = List.of(Outbox.PENDING, Outbox.DEAD, Outbox.BLOCKED);

    private final OutboxView view;
    private final Outbox outbox;
    private final TransactionTemplate transaction;

    OutboxController(OutboxView view, Outbox outbox, TransactionTemplate transaction) {
        this.view = view;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    /**
     * The messages that need an operator's eye. Sent and dry-run messages are in the message history;
     * a status that does not exist is a 400 that says so, not another tab.
     */
    @GetMapping("/admin/outbox")
    String outbox(@RequestParam(defaultValue = Outbox.DEAD) String status, @RequestParam(required = false) Integer page,
                  @RequestParam(required = false) Integer size, @RequestParam(required = false) Long retried,
                  Model model) {
        if (!SHOWN.contains(status)) {
            HistoryFilter.oneOf("status", status, MessagesController.STATUSES);
            return "redirect:/admin/messages?status=" + status;
        }
        model.addAttribute("retried", retried);
        model.addAttribute("status", status);
        model.addAttribute("statuses", SHOWN);
        model.addAttribute("counts", view.counts());
        model.addAttribute("messages", view.withStatus(status, PageRequest.of(page, size)));
        return "admin/outbox";
    }

    @PostMapping("/admin/outbox/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        boolean revived = Boolean.TRUE.equals(transaction.execute(tx -> outbox.retryDead(id)));
        redirect.addAttribute("retried", revived ? 1 : 0);
        return "redirect:/admin/outbox";
    }

    @PostMapping("/admin/outbox/retry-dead")
    String retryAll(RedirectAttributes redirect) {
        redirect.addAttribute("retried", transaction.execute(tx -> outbox.retryAllDead()));
        return "redirect:/admin/outbox";
    }
}
