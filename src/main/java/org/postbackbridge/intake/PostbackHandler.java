package org.postbackbridge.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.postbackbridge.attribution.Attribution;
import org.postbackbridge.attribution.PlayerEffectsRevoked;
import org.postbackbridge.attribution.PlayerLinked;
import org.postbackbridge.platform.database.GroupCommit;
import org.postbackbridge.eventlog.DepositTotal;
import org.postbackbridge.eventlog.EventLog;
import org.postbackbridge.texts.MessageKind;
import org.postbackbridge.texts.MoneyFormat;
import org.postbackbridge.outbox.Notifier;
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

    /** {@code handle_postback}: stores the postback and applies its effects once. {@code params} are the request's, secrets already masked. */
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

    /** Everything {@link #handle} does, in the caller's transaction. */
    PostbackOutcome process(PostbackEvent event, Map<String, String> params, String sourceAddress,
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
            apply(new StoredPostback(id.get(), event), user, Telling.LIVE);
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
        // A test never replays what real postbacks left waiting: its undo could not give that back.
        List<StoredPostback> waiting = match.get().newlyLinked() && !event.test()
                ? inbox.unmatched(event.network(), event.playerId()) : List.of();
        if (waiting.isEmpty()) {
            apply(current, match.get().user(), Telling.LIVE);
        } else {
            List<StoredPostback> toApply = new ArrayList<>(waiting);
            toApply.add(current);
            applyLate(toApply, telegramId, current);
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

    /** A player was linked by a claim or by the operator: apply what waited for them, and sum it up. */
    @EventListener
    void onPlayerLinked(PlayerLinked linked) {
        if (!applyLate(inbox.unmatched(linked.network(), linked.playerId()), linked.telegramId(), null)) {
            // Nothing waited (an operator linked a player before its registration): the user still hears of the link.
            summarize(users.findById(linked.telegramId()).orElseThrow(), linked.network(), linked.playerId(), List.of());
        }
    }

    /**
     * A user lost a player they held through a claim to an operator's decision: what the player's
     * postbacks did for them is undone, and the postbacks wait again, for the player's owner.
     */
    @EventListener
    void onPlayerEffectsRevoked(PlayerEffectsRevoked revoked) {
        if (inbox.unapply(revoked.network(), revoked.playerId(), revoked.telegramId(),
                "an operator decided the player is not this user's") > 0) {
            users.updateUserDeposited(revoked.telegramId(), false);
            users.updateSignalsUnlocked(revoked.telegramId(), false);
        }
    }

    /**
     * Applies unmatched postbacks whose player got linked by a concurrent transaction that could
     * not see them (two instances on PostgreSQL); returns how many. On one SQLite process this
     * finds nothing, because writes there are serialized.
     */
    public int applyUnmatchedButLinked(int limit) {
        return groupCommit.execute(() -> {
            Map<Long, List<StoredPostback>> byUser = new LinkedHashMap<>();
            List<Map.Entry<StoredPostback, Long>> waiting = inbox.unmatchedButLinked(limit);
            waiting.forEach(entry -> byUser.computeIfAbsent(entry.getValue(), user -> new ArrayList<>()).add(entry.getKey()));
            byUser.forEach((telegramId, postbacks) -> applyLate(postbacks, telegramId, null));
            return waiting.size();
        });
    }

    /**
     * Postbacks that waited for their player's link, applied in event order without a message each:
     * old wins and withdrawals are only logged, deposits count and unlock access, and the user and
     * the operators get one summary. {@code current}, if given, is the postback being received, not
     * yet claimed from the waiting ones. False when nothing was left to apply.
     */
    private boolean applyLate(List<StoredPostback> postbacks, long telegramId, StoredPostback current) {
        List<StoredPostback> applied = new ArrayList<>();
        for (StoredPostback postback : postbacks.stream().sorted(APPLY_ORDER).toList()) {
            if (postback == current || inbox.claimUnmatched(postback.id(), PostbackStatus.PROCESSED, telegramId)) {
                // Earlier postbacks applied just now may have changed the user (a deposit): read it again.
                apply(postback, users.findById(telegramId).orElseThrow(), Telling.QUIET);
                applied.add(postback);
            }
        }
        if (applied.isEmpty()) {
            return false;
        }
        PostbackEvent first = applied.getFirst().event();
        summarize(users.findById(telegramId).orElseThrow(), first.network(), first.playerId(), applied);
        return true;
    }

    /** "Linked, N deposits found, access open": once per link, to the user and the operators. */
    private void summarize(BotUser user, String network, String playerId, List<StoredPostback> applied) {
        Map<String, DepositTotal> deposits = new TreeMap<>();
        applied.stream().map(StoredPostback::event).filter(event -> event.type().isDeposit() && event.money() != null)
                .forEach(event -> deposits.merge(event.money().currency(),
                        new DepositTotal(event.money().currency(), 1, event.money().amount()),
                        DepositTotal::plus));
        long count = deposits.values().stream().mapToLong(DepositTotal::count).sum();
        List<DepositTotal> totals = List.copyOf(deposits.values());
        MessageKind access = user.signalsUnlocked() ? MessageKind.ACCESS_OPEN : MessageKind.ACCESS_LOCKED;
        String currency = defaultCurrency(network);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("network", displayName(network));
        values.put("player_id", playerId);
        values.put("deposits", count);
        values.put("deposit_sum", MoneyFormat.totals(totals, user.language(), currency));
        values.put("access", notifier.text(access, user.language(), Map.of()));
        boolean test = applied.stream().anyMatch(postback -> postback.event().test());
        String key = "link:" + network + ":" + playerId + ":" + user.telegramId();
        notifier.toUser(user, MessageKind.LINK_SUMMARY, values, key, test);
        Map<String, Object> operatorValues = new LinkedHashMap<>(values);
        operatorValues.put("deposit_sum", MoneyFormat.totals(totals, null, currency));
        operatorValues.put("access", notifier.text(access, null, Map.of()));
        operatorValues.put("user", user.displayName());
        operatorValues.put("telegram_id", user.telegramId());
        notifier.toOperators(MessageKind.OPERATOR_LINK_SUMMARY, operatorValues, key, test);
    }

    /** Whether effects tell anyone now: a live postback does; late ones are summed up once instead. */
    private enum Telling { LIVE, QUIET }

    /** One postback's effects on its user, as the handlers below apply them. */
    record Effect(BotUser user, PostbackEvent event, long postbackId, Telling telling) {

        String dedupeKey() {
            return PostbackHandler.dedupeKey(postbackId);
        }

        boolean tells() {
            return telling == Telling.LIVE;
        }

        /** The postback this test event belongs to, or null for a real one. */
        Long testPostbackId() {
            return event.test() ? postbackId : null;
        }
    }

    private void apply(StoredPostback postback, BotUser user, Telling telling) {
        Effect effect = new Effect(user, postback.event(), postback.id(), telling);
        switch (postback.event().type()) {
            case REGISTRATION -> handleRegistration(effect);
            case FIRST_DEPOSIT, DEPOSIT -> handleDeposit(effect);
            case WITHDRAWAL -> handleWithdrawal(effect);
            case WIN -> handleWin(effect);
        }
    }

    /** The key of every message a postback queues: a replay of its effects queues nothing twice. */
    static String dedupeKey(long postbackId) {
        return "postback:" + postbackId;
    }

    void handleRegistration(Effect effect) {
        logEvent(effect, Map.of());
        tellUser(effect, MessageKind.REGISTRATION, values(effect.user(), effect.event()));
        tellOperators(effect, MessageKind.OPERATOR_REGISTRATION);
    }

    /** The first deposit unlocks access (two messages: deposit, then unlock); later ones are only told. */
    void handleDeposit(Effect effect) {
        boolean first = !effect.user().deposited();
        if (first) {
            users.updateUserDeposited(effect.user().telegramId(), true);
            users.updateSignalsUnlocked(effect.user().telegramId(), true);
        }
        logEvent(effect, Map.of("first", first));
        tellUser(effect, MessageKind.DEPOSIT, values(effect.user(), effect.event()));
        if (first) {
            tellUser(effect, MessageKind.SIGNALS_UNLOCKED, values(effect.user(), effect.event()));
        }
        tellOperators(effect, first ? MessageKind.OPERATOR_FIRST_DEPOSIT : MessageKind.OPERATOR_DEPOSIT);
    }

    void handleWithdrawal(Effect effect) {
        logEvent(effect, Map.of());
        if (!effect.user().notificationsMuted()) {
            tellUser(effect, MessageKind.WITHDRAWAL, values(effect.user(), effect.event()));
        }
    }

    /** Every win is logged; the user hears of at most one per interval (so a player on a winning streak is not spammed). */
    void handleWin(Effect effect) {
        boolean tell = effect.tells() && !effect.user().notificationsMuted() && !notifier.winQueuedRecently(effect.user());
        logEvent(effect, Map.of("notified", tell));
        if (tell) {
            tellUser(effect, MessageKind.WIN, values(effect.user(), effect.event()));
        }
    }

    private void logEvent(Effect effect, Map<String, Object> extra) {
        events.log(effect.user().telegramId(), effect.event().type().logType(), details(effect.event(), extra), effect.testPostbackId());
    }

    private void tellUser(Effect effect, MessageKind kind, Map<String, Object> values) {
        if (effect.tells()) {
            notifier.toUser(effect.user(), kind, values, effect.dedupeKey(), effect.event().test());
        }
    }

    private void tellOperators(Effect effect, MessageKind kind) {
        if (effect.tells()) {
            notifier.toOperators(kind, operatorValues(effect.user(), effect.event()), effect.dedupeKey(), effect.event().test());
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

    private String defaultCurrency(String network) {
        NetworkProfile profile = properties.networks().get(network);
        return profile == null ? "RUB" : profile.defaultCurrency();
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
