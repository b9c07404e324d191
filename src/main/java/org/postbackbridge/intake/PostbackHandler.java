package org.postbackbridge.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postbackbridge.attribution.Attribution;
import org.postbackbridge.attribution.PlayerEffectsRevoked;
import org.postbackbridge.attribution.PlayerLinked;
import org.postbackbridge.platform.database.GroupCommit;
import org.postbackbridge.users.BotUser;
import org.postbackbridge.users.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Storage and ordering of postbacks. {@link #handle} stores one, finds its Telegram user and has
 * {@link EventEffects} apply it, all in one transaction, and returns only after the commit: an
 * acknowledged postback is never lost, and a rolled-back one has told no one anything. A player's
 * postbacks that waited for their link are applied here, in event order, once the link exists.
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
    private final EventEffects effects;
    private final LinkSummary linkSummary;
    private final ApplicationEventPublisher publisher;

    PostbackHandler(GroupCommit groupCommit, PostbackInbox inbox, Attribution attribution, UserRepository users,
                    EventEffects effects, LinkSummary linkSummary, ApplicationEventPublisher publisher) {
        this.groupCommit = groupCommit;
        this.inbox = inbox;
        this.attribution = attribution;
        this.users = users;
        this.effects = effects;
        this.linkSummary = linkSummary;
        this.publisher = publisher;
    }

    /** {@code handle_postback}: stores the postback and applies its effects once. {@code params} are the request's, secrets already masked. */
    public PostbackOutcome handle(PostbackEvent event, Map<String, String> params, String sourceAddress) {
        return handle(event, params, sourceAddress, List.of());
    }

    /** As {@link #handle(PostbackEvent, Map, String)}, for a postback accepted in spite of {@code warnings}. */
    public PostbackOutcome handle(PostbackEvent event, Map<String, String> params, String sourceAddress,
                                  List<Warning> warnings) {
        return groupCommit.execute(playerKey(event.network(), event.playerId()), () -> {
            PostbackOutcome outcome = process(event, params, sourceAddress, warnings);
            if (!event.test() && outcome.status() != PostbackStatus.DUPLICATE) {
                warnings.stream().filter(warning -> warning.code().equals(Warning.UNSUBSTITUTED_MACRO))
                        .forEach(warning -> publisher.publishEvent(new MacroLeftInCabinetUrl(event.network(),
                                event.type().canonicalName(), warning.parameter())));
            }
            return outcome.withWarnings(warnings);
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
            effects.apply(new StoredPostback(id.get(), event), user, Effect.Telling.LIVE);
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
            effects.apply(current, match.get().user(), Effect.Telling.LIVE);
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
            linkSummary.tell(users.findById(linked.telegramId()).orElseThrow(), linked.network(), linked.playerId(),
                    List.of());
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
     * not see them (two instances on PostgreSQL); returns how many. This reads every unmatched
     * postback; {@link #applyUnmatchedOfPlayersLinkedSince} reads only recent links. On one SQLite
     * process both find nothing, because writes there are serialized.
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
     * As {@link #applyUnmatchedButLinked}, for the players linked at or after {@code since} only.
     * The look is made outside the writer's transaction, which is taken only for a player with
     * postbacks waiting; applying claims each postback, so one applied meanwhile is not applied twice.
     */
    public int applyUnmatchedOfPlayersLinkedSince(Instant since) {
        int applied = 0;
        for (PlayerLinked link : attribution.linkedSince(since)) {
            List<StoredPostback> waiting = inbox.unmatched(link.network(), link.playerId());
            Object player = playerKey(link.network(), link.playerId());
            if (!waiting.isEmpty() && groupCommit.execute(player, () -> applyLate(waiting, link.telegramId(), null))) {
                applied += waiting.size();
            }
        }
        return applied;
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
                effects.apply(postback, users.findById(telegramId).orElseThrow(), Effect.Telling.QUIET);
                applied.add(postback);
            }
        }
        if (applied.isEmpty()) {
            return false;
        }
        PostbackEvent first = applied.getFirst().event();
        linkSummary.tell(users.findById(telegramId).orElseThrow(), first.network(), first.playerId(), applied);
        return true;
    }

    /** One player's postbacks are committed by one writer, in the order they came. */
    static Object playerKey(String network, String playerId) {
        return List.of(network, playerId);
    }

    private static String capitalized(PostbackEvent event) {
        String name = event.type().canonicalName().replace('_', ' ');
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
