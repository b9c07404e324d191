package org.postbackbridge.console;

import org.postbackbridge.console.queries.PageRequest;
import java.util.Arrays;
import org.postbackbridge.intake.EventType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.postbackbridge.console.queries.UserDirectory;
import org.postbackbridge.console.queries.EventHistory;

/** Looking up users and reading the event log. */
@Controller
class DirectoryController {

    private final UserDirectory users;
    private final EventHistory events;

    DirectoryController(UserDirectory users, EventHistory events) {
        this.users = users;
        this.events = events;
    }

    @GetMapping("/admin/users")
    String users(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Integer page,
                 @RequestParam(required = false) Integer size, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("users", users.search(q, PageRequest.of(page, size)));
        return "admin/users";
    }

    @GetMapping("/admin/events")
    String events(@ModelAttribute("filter") EventHistory.Filter filter, @RequestParam(required = false) Integer page,
                  @RequestParam(required = false) Integer size, Model model) {
        model.addAttribute("types", Arrays.stream(EventType.values()).map(EventType::logType).distinct().toList());
        model.addAttribute("events", events.page(filter, PageRequest.of(page, size)));
        return "admin/events";
    }
}
