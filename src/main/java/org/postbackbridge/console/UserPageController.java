package org.postbackbridge.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.UUID;
import org.postbackbridge.attribution.PlayerLinks;
import org.postbackbridge.console.queries.EventHistory;
import org.postbackbridge.console.queries.PageRequest;
import org.postbackbridge.console.queries.MessageHistory;
import org.postbackbridge.eventlog.UserDeposits;
import org.postbackbridge.platform.web.ApiException;
import org.postbackbridge.users.BotUser;
import org.postbackbridge.users.UserRepository;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One user: profile, players, deposits, events and messages, and what an operator can do about
 * them (unlink a player, open or close access, resend a message, write to them).
 */
@Controller
class UserPageController {

    private static final int EVENTS_SHOWN = 50;
    private static final int ACTIONS_SHOWN = 20;
    /** The parameter that pages the user's messages on their page. */
    private static final String MESSAGES_PAGE = "messages_page";
    /** The notices an action can leave; anything else in {@code ?notice=} is ignored. */
    private static final Set<String> NOTICES = Set.of("unlinked", "not_unlinked", "access_granted", "access_revoked",
            "access_unchanged", "resent", "sent", "duplicate");

    private final UserRepository users;
    private final PlayerLinks players;
    private final UserDeposits deposits;
    private final EventHistory events;
    private final MessageHistory messages;
    private final OperatorActions actions;
    private final UserActions userActions;
    private final MessageSource texts;

    UserPageController(UserRepository users, PlayerLinks players, UserDeposits deposits, EventHistory events,
                       MessageHistory messages, OperatorActions actions, UserActions userActions, MessageSource texts) {
        this.users = users;
        this.players = players;
        this.deposits = deposits;
        this.events = events;
        this.messages = messages;
        this.actions = actions;
        this.userActions = userActions;
        this.texts = texts;
    }

    @GetMapping("/admin/users/{telegramId}")
    String user(@PathVariable long telegramId, @RequestParam(name = MESSAGES_PAGE, required = false) Integer messagesPage,
                @RequestParam(required = false) String notice, Model model) {
        BotUser user = users.findById(telegramId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "unknown_user", "no bot user has Telegram ID " + telegramId, "telegramId"));
        model.addAttribute("user", user);
        model.addAttribute("players", players.linkedTo(telegramId));
        model.addAttribute("deposits", deposits.totals(telegramId));
        model.addAttribute("events", events.page(new EventHistory.Filter(null, telegramId, true), PageRequest.of(1, EVENTS_SHOWN)).items());
        model.addAttribute("messages", messages.page(new MessageHistory.Search(telegramId, null, null, null, null),
                PageRequest.of(MESSAGES_PAGE, messagesPage, null)));
        model.addAttribute("actions", actions.find(new OperatorActions.Search(null, OperatorActions.user(telegramId),
                null, null, null), 0, ACTIONS_SHOWN));
        model.addAttribute("formKey", UUID.randomUUID().toString());
        model.addAttribute("maxLength", UserActions.MAX_MESSAGE_LENGTH);
        if (notice != null && NOTICES.contains(notice)) {
            model.addAttribute("notice", texts.getMessage("user.notice." + notice, null, LocaleContextHolder.getLocale()));
        }
        return "admin/user";
    }

    @PostMapping("/admin/users/{telegramId}/unlink")
    String unlink(@PathVariable long telegramId, @RequestParam String network, HttpServletRequest request,
                  RedirectAttributes redirect) {
        UserActions.Result result = userActions.unlink(telegramId, network, request.getRemoteAddr());
        return back(telegramId, result.done() ? "unlinked" : "not_unlinked", result, redirect);
    }

    @PostMapping("/admin/users/{telegramId}/access")
    String access(@PathVariable long telegramId, @RequestParam boolean open, HttpServletRequest request,
                  RedirectAttributes redirect) {
        UserActions.Result result = userActions.setAccess(telegramId, open, request.getRemoteAddr());
        return back(telegramId, !result.done() ? "access_unchanged" : open ? "access_granted" : "access_revoked",
                result, redirect);
    }

    @PostMapping("/admin/users/{telegramId}/messages/{messageId}/resend")
    String resend(@PathVariable long telegramId, @PathVariable long messageId, @RequestParam String key,
                  HttpServletRequest request, RedirectAttributes redirect) {
        UserActions.Result result = userActions.resend(telegramId, messageId, key, request.getRemoteAddr());
        return back(telegramId, result.done() ? "resent" : "duplicate", result, redirect);
    }

    @PostMapping("/admin/users/{telegramId}/messages")
    String send(@PathVariable long telegramId, @RequestParam(defaultValue = "") String text, @RequestParam String key,
                HttpServletRequest request, RedirectAttributes redirect) {
        UserActions.Result result = userActions.send(telegramId, text, key, request.getRemoteAddr());
        return back(telegramId, result.done() ? "sent" : "duplicate", result, redirect);
    }

    private static String back(long telegramId, String notice, UserActions.Result result, RedirectAttributes redirect) {
        redirect.addAttribute("notice", notice);
        redirect.addAttribute("outcome", result.outcome());
        return "redirect:/admin/users/" + telegramId;
    }
}
