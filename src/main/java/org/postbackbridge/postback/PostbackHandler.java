package org.postbackbridge.postback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postbackbridge.attribution.Attribution;
import org.postbackbridge.attribution.PlayerLinked;
import org.postbackbridge.database.GroupCommit;
import org.postbackbridge.events.EventLog;
import org.postbackbridge.notify.MessageKind;
import org.postbackbridge.notify.MoneyFormat;
import org.postbackbridge.notify.Notifier;
import org.postbackbridge.users.BotUser;
import org.postbackbridge.users.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * What a postback does. {@link #handle} stores it, finds its Telegram user, applies its effect,
 * logs it and queues the messages, all in one transaction, and returns only after the commit:
 * an acknowledged postback is never lost, and a rolled-back one has told no one anything.
 */
@Service
public class PostbackHandler {

    private static final Logger log = LoggerFactory.getLogger(PostbackHandler.class);

    /** Registrations first (a player registers before anything else happens), then by event time. */
    private static final Comparator<StoredPostback> APPLY_ORDER = Comparator
            .comparing((StoredPostback p) -> p.event().type() != EventType.REGISTRATION)
            .thenComparing(p -> p.event().eventTime())
            .thenComparingLong(StoredPostback::id);

    private final GroupCommit groupCommit;
    private final PostbackInbox inbox;
    private final Attribution attribution;
    private final UserRepository users;
    private final EventLog events;
    private final Notifier notifier;
    private final PostbackProperties properties;
    private final ApplicationEventPublisher publisher;

    PostbackHandler(GroupCommit groupCommit, PostbackInbox inbox, Attribution attribution, UserRepository users,
                    EventLog events, Notifier notifier, PostbackProperties properties,
                    ApplicationEventPublisher publisher) {
        this.groupCommit = groupCommit;
        this.inbox = inbox;
        this.attribution = attribution;
        this.users = users;
        this.events = events;
        this.notifier = notifier;
        this.properties = properties;
        this.publisher = publisher;
    }

    /** Seed: {@code handle_postback}. {@code params} are the request's, secrets already masked. */
    public PostbackOutcome handle(PostbackEvent event, Map<String, String> params, String sourceAddress) {
        return handle(event, params, sourceAddress, List.of());
    }

    /** As {@link #handle(PostbackEvent, Map, String)}, for a postback accepted in spite of {@code warnings}. */
    public PostbackOutcome handle(PostbackEvent event, Map<String, String> params, String sourceAddress,
                                  List<Warning> warnings) {
        return groupCommit.execute(() -> {
            PostbackOutcome outcome = process(event, params, sourceAddress, warnings);
            if (!event.test() && outcome.status() != PostbackStatus.DUPLICATE) {
                warnings.stream().filter(warning -> warning.code().equals(Warning.UNSUBSTITUTED_MACRO))
                        .forEach(warning -> publisher.publishEvent(new MacroLeftInCabinetUrl(event.network(),
                                event.type().canonicalName(), warning.parameter())));
            }
            return outcome.withWarnings(warnings);
        });
    }

    /** Records a refused request for the operator to see; nothing else changes. */
    public void recordRejected(String network, PostbackParser.Identity identity, Map<String, String> params,
                               String sourceAddress, Rejection rejection) {
        groupCommit.execute(() -> {
            inbox.storeRejected(network, identity, params, sourceAddress, rejection);
            return null;
        });
    }

    private PostbackOutcome process(PostbackEvent event, Map<String, String> params, String sourceAddress,
                                    List<Warning> warnings) {
        PostbackStatus appliedStatus = event.test() ? PostbackStatus.TEST : PostbackStatus.PROCESSED;
        Optional<BotUser> linked = attribution.linkedUser(event.network(), event.playerId());
        if (linked.isPresent()) {
            // The usual case: stored with its final status at once, which saves an update per postback.
            BotUser user = linked.get();
            Optional<Long> id = inbox.store(event, params, sourceAddress, appliedStatus, user.telegramId(), warnings);
            if (id.isEmpty()) {
                return duplicate(event);
            }
            apply(new StoredPostback(id.get(), event), user);
            return applied(appliedStatus, event, id.get(), user.telegramId());
        }
        return processUnlinked(event, params, sourceAddress, appliedStatus, warnings);
    }

    /**
     * A player nobody is linked to yet: stored first (a repeat changes nothing), then linked through
     * the click token or a pending claim if there is one, with what waited for the player applied
     * in order; otherwise kept as unmatched.
     */
    private PostbackOutcome processUnlinked(PostbackEvent event, Map<String, String> params, String sourceAddress,
                                            PostbackStatus appliedStatus, List<Warning> warnings) {
        Optional<Long> id = inbox.store(event, params, sourceAddress, PostbackStatus.RECEIVED, null, warnings);
        if (id.isEmpty()) {
            return duplicate(event);
        }
        Optional<Attribution.Match> match = attribution.linkNewPlayer(event.network(), event.playerId(),
                event.clickId(), event.type() == EventType.REGISTRATION);
        if (match.isEmpty()) {
            // Test postbacks stay "test": they are never replayed when the player is linked later.
            PostbackStatus status = event.test() ? PostbackStatus.TEST : PostbackStatus.UNMATCHED;
            String reason = "no Telegram user is linked to player " + event.playerId() + " yet";
            inbox.markOutcome(id.get(), status, null, reason);
            log.info("Postback {} {} for player {} stored unmatched", event.network(), event.type().canonicalName(),
                    event.playerId());
            return new PostbackOutcome(status, capitalized(event) + " stored: " + reason, event, id.get(), null);
        }
        long telegramId = match.get().user().telegramId();
        StoredPostback current = new StoredPostback(id.get(), event);
        List<StoredPostback> waiting = match.get().newlyLinked()
                ? inbox.unmatched(event.network(), event.playerId()) : List.of();
        if (waiting.isEmpty()) {
            apply(current, match.get().user());
        } else {
            List<StoredPostback> toApply = new ArrayList<>(waiting);
            toApply.add(current);
            toApply.sort(APPLY_ORDER);
            for (StoredPostback postback : toApply) {
                if (postback == current) {
                    // Earlier postbacks applied just now may have changed the user (a deposit): read it again.
                    apply(current, users.findById(telegramId).orElseThrow());
                } else {
                    applyStored(postback, telegramId);
                }
            }
        }
        inbox.markOutcome(current.id(), appliedStatus, telegramId, null);
        return applied(appliedStatus, event, id.get(), telegramId);
    }

    private static PostbackOutcome duplicate(PostbackEvent event) {
        return new PostbackOutcome(PostbackStatus.DUPLICATE, "Duplicate postback, already processed", event, null, null);
    }

    private static PostbackOutcome applied(PostbackStatus status, PostbackEvent event, long id, long telegramId) {
        return new PostbackOutcome(status, capitalized(event) + " processed", event, id, telegramId);
    }

    /** A player was linked by a claim or by the operator: apply what waited for them. */
    @EventListener
    void onPlayerLinked(PlayerLinked linked) {
        inbox.unmatched(linked.network(), linked.playerId()).stream()
                .sorted(APPLY_ORDER)
                .forEach(postback -> applyStored(postback, linked.telegramId()));
    }

    /**
     * Applies unmatched postbacks whose player got linked by a concurrent transaction that could
     * not see them (two instances on PostgreSQL); returns how many. On one SQLite process this
     * finds nothing, because writes there are serialized.
     */
    public int applyUnmatchedButLinked(int limit) {
        return groupCommit.execute(() -> {
            List<Map.Entry<StoredPostback, Long>> waiting = inbox.unmatchedButLinked(limit);
            waiting.stream()
                    .sorted(Map.Entry.comparingByKey(APPLY_ORDER))
                    .forEach(entry -> applyStored(entry.getKey(), entry.getValue()));
            return waiting.size();
        });
    }

    private void applyStored(StoredPostback postback, long telegramId) {
        if (inbox.claimUnmatched(postback.id(), PostbackStatus.PROCESSED, telegramId)) {
            apply(postback, users.findById(telegramId).orElseThrow());
        }
    }

    private void apply(StoredPostback postback, BotUser user) {
        PostbackEvent event = postback.event();
        String dedupeKey = dedupeKey(postback.id());
        switch (event.type()) {
            case REGISTRATION -> handleRegistration(user, event, dedupeKey);
            case FIRST_DEPOSIT, DEPOSIT -> handleDeposit(user, event, dedupeKey);
            case WITHDRAWAL -> handleWithdrawal(user, event, dedupeKey);
            case WIN -> handleWin(user, event, dedupeKey);
        }
    }

    /** The key of every message a postback queues: a replay of its effects queues nothing twice. */
    static String dedupeKey(long postbackId) {
        return "postback:" + postbackId;
    }

    void handleRegistration(BotUser user, PostbackEvent event, String dedupeKey) {
        events.log(user.telegramId(), event.type().logType(), details(event, Map.of()));
        notifier.toUser(user, MessageKind.REGISTRATION, values(user, event), dedupeKey);
        notifier.toOperators(MessageKind.OPERATOR_REGISTRATION, operatorValues(user, event), dedupeKey);
    }

    /** The first deposit unlocks access (two messages: deposit, then unlock); later ones are only told. */
    void handleDeposit(BotUser user, PostbackEvent event, String dedupeKey) {
        boolean first = !user.deposited();
        if (first) {
            users.updateUserDeposited(user.telegramId(), true);
            users.updateSignalsUnlocked(user.telegramId(), true);
        }
        events.log(user.telegramId(), event.type().logType(), details(event, Map.of("first", first)));
        notifier.toUser(user, MessageKind.DEPOSIT, values(user, event), dedupeKey);
        if (first) {
            notifier.toUser(user, MessageKind.SIGNALS_UNLOCKED, values(user, event), dedupeKey);
        }
        notifier.toOperators(first ? MessageKind.OPERATOR_FIRST_DEPOSIT : MessageKind.OPERATOR_DEPOSIT,
                operatorValues(user, event), dedupeKey);
    }

    void handleWithdrawal(BotUser user, PostbackEvent event, String dedupeKey) {
        events.log(user.telegramId(), event.type().logType(), details(event, Map.of()));
        if (!user.notificationsMuted()) {
            notifier.toUser(user, MessageKind.WITHDRAWAL, values(user, event), dedupeKey);
        }
    }

    /** Every win is logged; the user hears of at most one per interval (the seed's "do not spam"). */
    void handleWin(BotUser user, PostbackEvent event, String dedupeKey) {
        boolean tell = !user.notificationsMuted() && !notifier.winQueuedRecently(user);
        events.log(user.telegramId(), event.type().logType(), details(event, Map.of("notified", tell)));
        if (tell) {
            notifier.toUser(user, MessageKind.WIN, values(user, event), dedupeKey);
        }
    }

    private static Map<String, Object> details(PostbackEvent event, Map<String, Object> extra) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("casino_id", event.playerId());
        details.put("amount", event.money() == null ? null : event.money().amount());
        details.put("currency", event.money() == null ? null : event.money().currency());
        details.put("network", event.network());
        details.put("timestamp", event.eventTime().toString());
        if (event.transactionId() != null) {
            details.put("transaction_id", event.transactionId());
        }
        details.putAll(extra);
        return details;
    }

    private Map<String, Object> values(BotUser user, PostbackEvent event) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("network", displayName(event.network()));
        values.put("player_id", event.playerId());
        if (event.money() != null) {
            values.put("amount", MoneyFormat.format(event.money(), user.language()));
        }
        return values;
    }

    private Map<String, Object> operatorValues(BotUser user, PostbackEvent event) {
        Map<String, Object> values = values(user, event);
        if (event.money() != null) {
            values.put("amount", MoneyFormat.format(event.money(), null));
        }
        values.put("user", user.displayName());
        values.put("telegram_id", user.telegramId());
        return values;
    }

    private String displayName(String network) {
        NetworkProfile profile = properties.networks().get(network);
        return profile == null || profile.displayName().isBlank() ? network : profile.displayName();
    }

    private static String capitalized(PostbackEvent event) {
        String name = event.type().canonicalName().replace('_', ' ');
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
