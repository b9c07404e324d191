package org.postbackbridge.console.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.postbackbridge.eventlog.DepositTotal;
import org.postbackbridge.intake.EventType;
import org.postbackbridge.intake.PostbackInbox;
import org.postbackbridge.intake.PostbackStatus;
import org.postbackbridge.users.Stats;
import org.postbackbridge.users.UserRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StatsController {

    /** The {@code get_stats} figures plus what the postbacks say. */
    record StatsView(
            @JsonProperty("total_users") long totalUsers,
            @JsonProperty("subscribed_users") long subscribedUsers,
            @JsonProperty("signals_unlocked_users") long signalsUnlockedUsers,
            @JsonProperty("deposited_users") long depositedUsers,
            long registrations,
            @JsonProperty("deposit_count") long depositCount,
            List<DepositTotal> deposits,
            @JsonProperty("unmatched_postbacks") long unmatchedPostbacks,
            @JsonProperty("rejected_postbacks") long rejectedPostbacks) {
    }

    private final UserRepository users;
    private final PostbackInbox inbox;

    StatsController(UserRepository users, PostbackInbox inbox) {
        this.users = users;
        this.inbox = inbox;
    }

    /** Test postbacks applied for real count only with {@code include_test=true}. */
    @GetMapping("/api/stats")
    StatsView stats(@RequestParam(name = "include_test", defaultValue = "false") boolean includeTests) {
        Stats stats = users.getStats();
        List<DepositTotal> deposits = inbox.depositTotals(includeTests);
        return new StatsView(stats.totalUsers(), stats.subscribedUsers(), stats.signalsUnlockedUsers(),
                stats.depositedUsers(),
                inbox.count(EventType.REGISTRATION, PostbackStatus.PROCESSED)
                        + (includeTests ? inbox.count(EventType.REGISTRATION, PostbackStatus.TEST) : 0),
                deposits.stream().mapToLong(DepositTotal::count).sum(),
                deposits,
                inbox.count(PostbackStatus.UNMATCHED),
                inbox.count(PostbackStatus.REJECTED));
    }
}
