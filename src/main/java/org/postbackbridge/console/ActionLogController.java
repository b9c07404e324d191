package org.postbackbridge.console;

import org.postbackbridge.console.queries.UserDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The operator-action log: what was done by hand in the console, to whom, from which address, and
 * what came of it.
 */
@Controller
class ActionLogController {

    private final OperatorActions actions;
    private final UserDirectory users;
    private final PageFormat format;

    ActionLogController(OperatorActions actions, UserDirectory users, PageFormat format) {
        this.actions = actions;
        this.users = users;
        this.format = format;
    }

    @GetMapping("/admin/actions")
    String actions(@ModelAttribute("filter") HistoryFilter filter, Model model) {
        Long user = filter.telegramId(users);
        OperatorActions.Search search = new OperatorActions.Search(
                HistoryFilter.oneOf("kind", filter.kind(), OperatorActions.ACTIONS),
                user == null ? null : OperatorActions.user(user), HistoryFilter.blankToNull(filter.address()),
                filter.fromMillis(format), filter.untilMillis(format));
        model.addAttribute("actions", actions.page(search, filter.pageRequest()));
        model.addAttribute("kinds", OperatorActions.ACTIONS);
        return "admin/actions";
    }
}
