package org.postbackbridge.console;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.postbackbridge.console.queries.PostbackLog;
import org.postbackbridge.console.queries.UserDirectory;
import org.postbackbridge.console.queries.EventHistory;

/**
 * CSV downloads of what the postback, user and event pages show, with the same filters. Test postbacks
 * and their events are left out unless asked for ({@code include_test=true}, or status {@code test}).
 * Fields and decimals are separated as the console's language has it, or as {@code separator} says.
 */
@Controller
class ExportController {

    private final PostbackLog postbacks;
    private final UserDirectory users;
    private final EventHistory events;

    ExportController(PostbackLog postbacks, UserDirectory users, EventHistory events) {
        this.postbacks = postbacks;
        this.users = users;
        this.events = events;
    }

    @GetMapping("/admin/export/postbacks.csv")
    void postbacks(@ModelAttribute PostbackFilter filter, @RequestParam(name = "include_test", defaultValue = "false")
                   boolean includeTests, @RequestParam(name = CsvStyle.PARAMETER, required = false) String separator,
                   Locale locale, HttpServletResponse response) throws IOException {
        try (CsvExport csv = CsvExport.start(response, CsvStyle.of(separator, locale), "postbacks.csv", "id", "received_at", "network", "event",
                "player_id", "amount", "currency", "transaction_id", "click_id", "status", "reason", "telegram_id",
                "source_ip", "params")) {
            postbacks.each(filter, includeTests, p -> csv.row(p.id(), p.receivedAt(), p.network(), p.event(), p.playerId(),
                    csv.number(p.amount()), p.currency(), p.transactionId(), p.clickId(), p.status(), p.reason(), p.telegramId(),
                    p.sourceIp(), queryString(p.params())));
        }
    }

    @GetMapping("/admin/export/users.csv")
    void users(@RequestParam(defaultValue = "") String q,
               @RequestParam(name = CsvStyle.PARAMETER, required = false) String separator, Locale locale,
               HttpServletResponse response) throws IOException {
        try (CsvExport csv = CsvExport.start(response, CsvStyle.of(separator, locale), "users.csv", "telegram_id", "username", "first_name",
                "players", "traffic_source", "subscribed", "deposited", "signals_unlocked", "blocked", "created_at")) {
            users.each(q, u -> csv.row(u.telegramId(), u.username(), u.firstName(), u.players(), u.trafficSource(),
                    u.subscribed(), u.deposited(), u.signalsUnlocked(), u.blocked(), u.createdAt()));
        }
    }

    @GetMapping("/admin/export/events.csv")
    void events(@ModelAttribute EventHistory.Filter filter,
                @RequestParam(name = CsvStyle.PARAMETER, required = false) String separator, Locale locale,
                HttpServletResponse response) throws IOException {
        try (CsvExport csv = CsvExport.start(response, CsvStyle.of(separator, locale), "events.csv", "id", "created_at", "telegram_id", "type",
                "details", "test_postback_id")) {
            events.each(filter, e -> csv.row(e.id(), e.createdAt(), e.telegramId(), e.type(), e.details(),
                    e.testPostbackId()));
        }
    }

    private static String queryString(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }
}
