package org.postbackbridge.console;

import org.postbackbridge.console.queries.Page;
import org.postbackbridge.console.queries.PageRequest;
import java.util.Arrays;
import java.util.Optional;
import org.postbackbridge.attribution.Attribution;
import org.postbackbridge.attribution.LinkMethod;
import org.postbackbridge.intake.EventType;
import org.postbackbridge.intake.PostbackProperties;
import org.postbackbridge.intake.PostbackStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.postbackbridge.intake.PostbackReplay;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.postbackbridge.console.queries.PostbackLog;
import org.postbackbridge.console.queries.UserDirectory;

/** Every postback received, newest first, and linking an unmatched player to a Telegram user. */
@Controller
class PostbackLogController {

    private final PostbackLog log;
    private final UserDirectory users;
    private final Attribution attribution;
    private final PostbackProperties properties;
    private final TransactionTemplate transaction;
    private final PostbackReplay replay;
    private final OperatorActions actions;

    PostbackLogController(PostbackLog log, UserDirectory users, Attribution attribution,
                          PostbackProperties properties, TransactionTemplate transaction, PostbackReplay replay,
                          OperatorActions actions) {
        this.log = log;
        this.users = users;
        this.attribution = attribution;
        this.properties = properties;
        this.transaction = transaction;
        this.replay = replay;
        this.actions = actions;
    }

    @GetMapping("/admin/postbacks")
    String postbacks(@ModelAttribute("filter") PostbackFilter filter, @RequestParam(required = false) Integer page,
                     @RequestParam(required = false) Integer size, Model model) {
        Page<PostbackLog.Entry> entries = log.page(filter, PageRequest.of(page, size));
        model.addAttribute("entries", entries);
        model.addAttribute("actions", actions.on(entries.items().stream().map(PostbackLog.Entry::subject).toList()).stream()
                .collect(Collectors.groupingBy(OperatorActions.Action::subject)));
        model.addAttribute("networks", properties.networks().keySet());
        model.addAttribute("events", Arrays.stream(EventType.values()).map(EventType::canonicalName).toList());
        model.addAttribute("statuses", Arrays.stream(PostbackStatus.values()).map(PostbackStatus::value).toList());
        return "admin/postbacks";
    }

    /**
     * Runs a refused postback again as if it had just arrived; one refused for authentication only
     * with {@code acceptAnyway}. Recorded as an operator action whatever came of it.
     */
    @PostMapping("/admin/postbacks/replay")
    String replay(@RequestParam long id, @RequestParam(defaultValue = "false") boolean acceptAnyway,
                  HttpServletRequest request, RedirectAttributes redirect) {
        PostbackReplay.Result result = replay.replay(id, acceptAnyway);
        String outcome = switch (result) {
            case PostbackReplay.NotReplayable not -> "not replayed: " + not.reason();
            case PostbackReplay.NeedsConfirmation confirm -> "not replayed: " + confirm.reason();
            case PostbackReplay.StillRefused refused -> "refused again: " + refused.rejection().error() + ": "
                    + refused.rejection().message();
            case PostbackReplay.Replayed replayed -> replayed.outcome().status().value()
                    + (replayed.outcome().postbackId() == null ? "" : " as postback #" + replayed.outcome().postbackId())
                    + (acceptAnyway ? ", accepted without authentication" : "");
        };
        if (!(result instanceof PostbackReplay.NeedsConfirmation)) {
            actions.record(OperatorActions.REPLAY_POSTBACK, "postback:" + id, outcome, request.getRemoteAddr());
        }
        redirect.addAttribute("notice", result instanceof PostbackReplay.NeedsConfirmation ? "confirm_replay"
                : result instanceof PostbackReplay.Replayed ? "replayed" : "not_replayed");
        redirect.addAttribute("replay", id);
        redirect.addAttribute("outcome", outcome);
        return "redirect:/admin/postbacks";
    }

    /**
     * Links an unmatched player to a user by hand; the postbacks stored for that player are then
     * applied in order, and the user and the operators get one summary of them.
     */
    @PostMapping("/admin/postbacks/link")
    String link(@RequestParam String network, @RequestParam String player, @RequestParam String user,
                RedirectAttributes redirect) {
        redirect.addAttribute("network", network);
        redirect.addAttribute("player", player);
        Optional<Long> telegramId = users.resolve(user);
        if (!properties.networks().containsKey(network) || player.isBlank()) {
            redirect.addAttribute("notice", "unknown_player");
        } else if (telegramId.isEmpty()) {
            redirect.addAttribute("notice", "unknown_user");
        } else {
            boolean linked = Boolean.TRUE.equals(transaction.execute(tx ->
                    attribution.linkAndApplyStored(network, player, telegramId.get(), LinkMethod.OPERATOR)));
            redirect.addAttribute("notice", linked ? "linked" : "already_linked");
        }
        return "redirect:/admin/postbacks";
    }
}
