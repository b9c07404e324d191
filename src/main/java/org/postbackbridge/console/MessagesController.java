package org.postbackbridge.console;

import java.util.Arrays;
import java.util.List;
import org.postbackbridge.console.queries.MessageHistory;
import org.postbackbridge.console.queries.UserDirectory;
import org.postbackbridge.outbox.Outbox;
import org.postbackbridge.texts.MessageKind;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every message the service sent, recorded or gave up on, searchable: "did user X get the unlock message?" */
@Controller
class MessagesController {

    static final List<String> STATUSES = List.of(Outbox.PENDING, Outbox.SENT, Outbox.DRY_RUN, Outbox.DEAD,
            Outbox.BLOCKED);
    static final List<String> KINDS = Arrays.stream(MessageKind.values()).map(MessageKind::key).toList();

    private final MessageHistory history;
    private final UserDirectory users;
    private final PageFormat format;

    MessagesController(MessageHistory history, UserDirectory users, PageFormat format) {
        this.history = history;
        this.users = users;
        this.format = format;
    }

    @GetMapping("/admin/messages")
    String messages(@ModelAttribute("filter") HistoryFilter filter, Model model) {
        MessageHistory.Search search = new MessageHistory.Search(filter.telegramId(users),
                HistoryFilter.oneOf("kind", filter.kind(), KINDS), HistoryFilter.oneOf("status", filter.status(), STATUSES),
                filter.fromMillis(format), filter.untilMillis(format));
        model.addAttribute("messages", history.page(search, filter.pageRequest()));
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("kinds", KINDS);
        return "admin/messages";
    }
}
